package clusterlab.it;

import java.awt.AWTException;
import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;

/**
 * The inside of a GUI test: runs in the JVM that {@link GuiLauncher} starts on the X display, with
 * only Weka's jars and these test classes on the class path and the package coming from the fresh
 * {@code WEKA_HOME} (so package classes are reached by name, never by a compile-time reference).
 * A GUI script is a static no-argument method of any class in {@code clusterlab.it}; it starts a
 * Weka application with {@link #explorer}, {@link #knowledgeFlow} or {@link #experimenter}, finds
 * components with {@link #find}, acts on the event thread with {@link #edt}, checks with
 * {@link #check} and saves what it saw with {@link #screenshot} (under {@code target/gui-screenshots}).
 */
public final class Gui {

  /** How long {@link #find} and {@link #window} wait for a component to appear. */
  public static final long WAIT_MS = 90_000;

  private Gui() {
  }

  /** Entry point of the GUI JVM: {@code Gui <class> <static method>}. */
  public static void main(String[] args) {
    int status = 1;
    try {
      check(!GraphicsEnvironment.isHeadless(), "the GUI JVM is headless (DISPLAY=" + System.getenv("DISPLAY") + ")");
      Method m = Class.forName(args[0]).getDeclaredMethod(args[1]);
      m.setAccessible(true);
      m.invoke(null);
      System.out.println("GUI SCRIPT PASSED " + args[1]);
      status = 0;
    } catch (InvocationTargetException e) {
      report(args[1], e.getCause());
    } catch (Throwable e) {
      report(args[1], e);
    } finally {
      System.out.flush();
      Runtime.getRuntime().halt(status); // Weka's windows and timers would keep the JVM alive
    }
  }

  private static void report(String script, Throwable e) {
    System.out.println("GUI SCRIPT FAILED " + script + ": " + e);
    e.printStackTrace(System.out);
    try {
      System.out.println("screen at failure: " + screenshot(null, script + "-failure"));
    } catch (Exception shot) {
      System.out.println("no screenshot: " + shot);
    }
  }

  // ---- starting Weka's applications --------------------------------------------------------------

  /** Starts the Explorer as {@code weka.gui.explorer.Explorer [arff]} does and returns its frame. */
  public static JFrame explorer(String... args) {
    return start("weka.gui.explorer.Explorer", args, "Weka Explorer");
  }

  /** Starts the KnowledgeFlow ({@code [flow.kf]} opened in a tab) and returns its frame. */
  public static JFrame knowledgeFlow(String... args) {
    return start("weka.gui.knowledgeflow.KnowledgeFlowApp", args, "Weka Knowledge Flow");
  }

  /** Starts the Experimenter and returns its frame. */
  public static JFrame experimenter() {
    return start("weka.gui.experiment.Experimenter", new String[0], "Weka Experiment Environment");
  }

  private static JFrame start(String mainClass, String[] args, String title) {
    Thread t = new Thread(() -> {
      try {
        Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) args);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("could not start " + mainClass, e);
      }
    }, "start " + mainClass);
    t.setDaemon(true);
    t.start();
    return (JFrame) window(w -> w instanceof JFrame && ((JFrame) w).getTitle().startsWith(title), "frame '" + title + "'");
  }

  // ---- finding components ----------------------------------------------------------------------------

  /** Waits for a showing window that matches. */
  public static Window window(Predicate<Window> p, String what) {
    return waitFor(() -> {
      for (Window w : Window.getWindows()) {
        if (w.isShowing() && p.test(w)) {
          return w;
        }
      }
      return null;
    }, what);
  }

  /** Waits for a showing component of {@code type} under {@code root} that matches. */
  public static <T extends Component> T find(Container root, Class<T> type, Predicate<? super T> p, String what) {
    return waitFor(() -> {
      for (T c : findAll(root, type)) {
        if (c.isShowing() && p.test(c)) {
          return c;
        }
      }
      return null;
    }, what + " in " + root.getClass().getName());
  }

  /** Waits for a showing component whose class is {@code className} or extends it (for package classes). */
  public static Component findByClassName(Container root, String className) {
    return find(root, Component.class, c -> isA(c.getClass(), className), className);
  }

  /** Every component of {@code type} under {@code root}, the root included, in tree order. */
  public static <T> List<T> findAll(Container root, Class<T> type) {
    return edt(() -> {
      List<T> out = new ArrayList<>();
      collect(root, type, out);
      return out;
    });
  }

  private static <T> void collect(Component c, Class<T> type, List<T> out) {
    if (type.isInstance(c)) {
      out.add(type.cast(c));
    }
    if (c instanceof Container) {
      for (Component child : ((Container) c).getComponents()) {
        collect(child, type, out);
      }
    }
  }

  /** A showing button (or menu item) with this text. */
  public static AbstractButton button(Container root, String text) {
    return find(root, AbstractButton.class, b -> text.equals(b.getText()), "button '" + text + "'");
  }

  /** Whether {@code c} is {@code className} or a subclass of it (package classes are reached by name). */
  public static boolean isA(Class<?> c, String className) {
    for (; c != null; c = c.getSuperclass()) {
      if (c.getName().equals(className)) {
        return true;
      }
    }
    return false;
  }

  /** Polls {@code probe} (on the event thread) until it returns non-null, or fails naming {@code what}. */
  public static <T> T waitFor(Callable<T> probe, String what) {
    long end = System.currentTimeMillis() + WAIT_MS;
    while (true) {
      T t = edt(probe);
      if (t != null) {
        return t;
      }
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not found within " + WAIT_MS / 1000 + " s: " + what);
      }
      pause(200);
    }
  }

  // ---- acting --------------------------------------------------------------------------------------

  /** Runs {@code task} on the event thread and returns its result. */
  public static <T> T edt(Callable<T> task) {
    if (SwingUtilities.isEventDispatchThread()) {
      try {
        return task.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    AtomicReference<T> result = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    try {
      SwingUtilities.invokeAndWait(() -> {
        try {
          result.set(task.call());
        } catch (Throwable e) {
          error.set(e);
        }
      });
    } catch (InterruptedException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
    if (error.get() instanceof AssertionError) {
      throw (AssertionError) error.get();
    }
    if (error.get() != null) {
      throw new IllegalStateException(error.get());
    }
    return result.get();
  }

  /** Runs {@code task} on the event thread. */
  public static void edt(Runnable task) {
    edt(() -> {
      task.run();
      return null;
    });
  }

  /** Runs {@code task} later on the event thread (for calls that open a modal dialog and block). */
  public static void later(Runnable task) {
    SwingUtilities.invokeLater(task);
  }

  /** Lets the event queue and layouts settle. */
  public static void settle() {
    pause(500);
    edt(() -> {
    });
  }

  public static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A field of a Weka GUI object that Weka keeps protected or private (the panels' editors and logs). */
  public static Object field(Object target, String name) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        java.lang.reflect.Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(target);
      } catch (NoSuchFieldException e) {
        // a superclass may declare it
      }
    }
    throw new NoSuchFieldException(name + " in " + target.getClass());
  }

  /** Calls a public no-argument method by name (for package classes and Weka's panels). */
  public static Object call(Object target, String method) {
    try {
      return target.getClass().getMethod(method).invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- checking and recording ---------------------------------------------------------------------

  /** Fails the script with {@code message} unless {@code ok}. */
  public static void check(boolean ok, String message) {
    if (!ok) {
      throw new AssertionError(message);
    }
  }

  /**
   * Saves what is on screen inside {@code c}'s window (the whole screen when {@code c} is null) as
   * {@code <name>.png} in the screenshot directory, and returns the file.
   */
  public static Path screenshot(Component c, String name) throws IOException, AWTException {
    settle();
    Rectangle area = c == null
        ? GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds()
        : edt(() -> {
          Window w = c instanceof Window ? (Window) c : SwingUtilities.getWindowAncestor(c);
          return new Rectangle(w.getLocationOnScreen(), w.getSize());
        });
    BufferedImage img = new Robot().createScreenCapture(area);
    Path dir = Files.createDirectories(Path.of(System.getProperty("clusterlab.gui.shots", "target/gui-screenshots")));
    Path file = dir.resolve(name + ".png");
    ImageIO.write(img, "png", file.toFile());
    return file;
  }

  /** Every showing frame's title, for failure messages. */
  public static List<String> frameTitles() {
    return edt(() -> {
      List<String> t = new ArrayList<>();
      for (Frame f : Frame.getFrames()) {
        if (f.isShowing()) {
          t.add(f.getTitle());
        }
      }
      return t;
    });
  }
}
