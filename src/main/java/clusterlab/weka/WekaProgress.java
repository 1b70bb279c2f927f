package clusterlab.weka;

import clusterlab.core.Progress;
import java.util.concurrent.Callable;
import weka.core.logging.Logger;

/**
 * Connects a core {@link Progress} to Weka: reports go to Weka's log (and to standard error in
 * debug mode), at most about twice a second; cancellation is the building thread's interrupt flag,
 * which is what the Explorer's Stop button and the KnowledgeFlow's stop set on the thread that
 * runs {@code buildClusterer} or {@code batchFinished}.
 */
public final class WekaProgress implements Progress {

  private static final long REPORT_INTERVAL_NANOS = 500_000_000L;

  private final String component;
  private final boolean debug;
  private final Thread owner;
  private long lastReport = System.nanoTime() - REPORT_INTERVAL_NANOS;

  private WekaProgress(String component, boolean debug) {
    this.component = component;
    this.debug = debug;
    this.owner = Thread.currentThread();
  }

  /** A progress for work run on the calling thread. */
  public static WekaProgress of(String component, boolean debug) {
    return new WekaProgress(component, debug);
  }

  @Override
  public void report(String stage, double fraction, String message) {
    long now = System.nanoTime();
    if (now - lastReport < REPORT_INTERVAL_NANOS && !(fraction >= 1)) {
      return;
    }
    lastReport = now;
    String line = component + " [" + stage + (Double.isNaN(fraction) ? "" : String.format(java.util.Locale.ROOT,
        " %.0f%%", 100 * fraction)) + "]: " + message;
    try {
      Logger.log(Logger.Level.INFO, line);
    } catch (RuntimeException e) {
      // Weka's OutputLogger is not always initialised outside the GUI (a null date format under
      // weka.Run): progress is informative only, so it must never fail the computation
    }
    if (debug) {
      System.err.println(line);
    }
  }

  @Override
  public boolean isCancelled() {
    return owner.isInterrupted();
  }

  /**
   * Runs {@code work}; when the building thread was interrupted meanwhile, whatever the work threw
   * (a {@link Progress.CancelledException} from the core, or an interrupted wait for worker
   * threads) becomes one clear {@link Progress.CancelledException} naming the component.
   */
  public <T> T run(Callable<T> work) throws Exception {
    try {
      T result = work.call();
      if (isCancelled()) {
        throw cancelled();
      }
      return result;
    } catch (Progress.CancelledException e) {
      throw cancelled();
    } catch (RuntimeException e) {
      if (isCancelled()) {
        throw cancelled();
      }
      throw e;
    }
  }

  private Progress.CancelledException cancelled() {
    return new Progress.CancelledException(component + ": training stopped by the user (thread interrupted)");
  }
}
