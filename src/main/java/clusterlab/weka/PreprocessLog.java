package clusterlab.weka;

import java.lang.reflect.Field;
import javax.swing.SwingUtilities;
import weka.gui.Logger;

/**
 * Lets a filter say what it did where an Explorer user looks: the log and the status bar of the
 * Preprocess panel that is running it. Weka gives filters no such channel (the panel logs only the
 * command and then sets the status to "OK"; it hands its {@link Logger} to classifiers that are a
 * {@code weka.core.LogHandler}, never to filters), so the report finds the panel through the thread
 * that runs the filter: the panel's own "Apply" worker, whose enclosing instance is the panel.
 * Anywhere else (command line, KnowledgeFlow, FilteredClassifier, tests) this does nothing and the
 * filter's other channels (its toString, Weka's log file, {@code -output-debug-info}) remain.
 *
 * <p>Only Weka's {@link Logger} interface is referenced directly; the panel is reached by name, so
 * nothing of the GUI is loaded on a headless run.
 */
public final class PreprocessLog {

  static final String PANEL = "weka.gui.explorer.PreprocessPanel";

  private PreprocessLog() {
  }

  /**
   * Logs {@code lines} in the Preprocess panel's log now and shows {@code status} in its status bar
   * once the panel has finished taking the filtered data (after its own "OK"). Returns whether a
   * panel was found.
   */
  public static boolean report(String lines, String status) {
    Thread worker = Thread.currentThread();
    Logger log = panelLog(worker);
    if (log == null) {
      return false;
    }
    for (String line : lines.split("\\R")) {
      if (!line.isBlank()) {
        log.logMessage(line);
      }
    }
    Thread after = new Thread(() -> {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      SwingUtilities.invokeLater(() -> log.statusMessage(status));
    }, "ClusterLab status after " + worker.getName());
    after.setDaemon(true);
    after.start();
    return true;
  }

  /** The Logger of the Preprocess panel whose worker {@code t} is, or null. */
  static Logger panelLog(Thread t) {
    if (!t.getClass().getName().startsWith(PANEL + "$")) {
      return null;
    }
    try {
      Object panel = null;
      for (Field f : t.getClass().getDeclaredFields()) {
        if (f.getType().getName().equals(PANEL)) {
          f.setAccessible(true);
          panel = f.get(t);
        }
      }
      for (Class<?> c = panel == null ? null : panel.getClass(); c != null; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Logger.class.isAssignableFrom(f.getType())) {
            f.setAccessible(true);
            return (Logger) f.get(panel);
          }
        }
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // a Weka version laid out differently: the report stays in the filter's other channels
    }
    return null;
  }
}
