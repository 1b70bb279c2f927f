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
 * else sets the options and runs; {@link #main} reports a failure as one line naming the tool and
 * exits with status 1, never with a stack trace.
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
    tool.setOptions(options);
    tool.execute(System.out);
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
      System.err.println(tool.getClass().getSimpleName() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      System.exit(1);
    }
  }
}
