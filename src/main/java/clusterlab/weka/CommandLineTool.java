package clusterlab.weka;

import java.io.PrintStream;
import java.util.Enumeration;
import weka.core.CommandlineRunnable;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * The shape every ClusterLab command-line tool that {@code weka.Run} starts shares
 * ({@code ClusterQuality}, {@code ClusterProfile}): {@code -h} or no options print the usage, anything
 * else sets the options and runs. A failure is one line naming the tool and exit status 1, never a
 * stack trace, both from {@link #main} and from {@code weka.Run} (which would otherwise print the
 * stack trace and exit 0, so scripts could not tell); when another program hosts the tool (Weka's
 * SimpleCLI, a test), the exception is passed on instead of ending the JVM.
 */
public abstract class CommandLineTool implements CommandlineRunnable, OptionHandler {

  /** What the tool says about itself; the first sentence stands alone. */
  public abstract String globalInfo();

  /** Runs the tool configured by {@link #setOptions}, writing its result to {@code out}. */
  protected abstract void execute(PrintStream out) throws Exception;

  @Override
  public void preExecution() {
  }

  @Override
  public void postExecution() {
  }

  @Override
  public void run(Object toRun, String[] options) throws Exception {
    if (Utils.getFlag('h', options.clone()) || options.length == 0) {
      System.out.println(usage());
      return;
    }
    CommandLineTool tool = getClass().isInstance(toRun) ? (CommandLineTool) toRun : this;
    try {
      tool.setOptions(options);
      tool.execute(System.out);
    } catch (Exception e) {
      if (!startedAsProgram()) {
        throw e;
      }
      fail(tool, e);
    }
  }

  /**
   * Whether this JVM was started to run the command ({@code java weka.Run ...} or a tool's
   * {@code main}), so that a failure may end it with a status: the thread's first frame is such a
   * {@code main}. Weka's SimpleCLI runs commands on threads of its own, and test runners have their
   * own {@code main}.
   */
  public static boolean startedAsProgram() {
    StackTraceElement[] stack = Thread.currentThread().getStackTrace();
    StackTraceElement first = stack[stack.length - 1];
    if (!"main".equals(first.getMethodName())) {
      return false;
    }
    if ("weka.Run".equals(first.getClassName())) {
      return true;
    }
    try {
      return CommandLineTool.class.isAssignableFrom(Class.forName(first.getClassName(), false,
          CommandLineTool.class.getClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static void fail(CommandLineTool tool, Exception e) {
    System.out.flush();
    System.err.println(tool.getClass().getSimpleName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    System.err.flush();
    System.exit(1);
  }

  /** Help text: the description and the options. */
  public String usage() {
    StringBuilder sb = new StringBuilder(getClass().getSimpleName() + ": " + globalInfo() + "\n\nOptions:\n");
    for (Enumeration<Option> e = listOptions(); e.hasMoreElements();) {
      Option o = e.nextElement();
      sb.append(o.synopsis()).append('\n').append(o.description()).append('\n');
    }
    return sb.toString();
  }

  /** A tool's {@code main}: runs it, or prints the error in one line and exits with status 1. */
  protected static void main(CommandLineTool tool, String[] args) {
    try {
      tool.run(tool, args);
    } catch (Exception e) {
      fail(tool, e);
    }
  }
}
