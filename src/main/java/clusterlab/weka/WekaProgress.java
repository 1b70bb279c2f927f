package clusterlab.weka;

import clusterlab.core.Progress;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import weka.core.logging.Logger;

/**
 * Connects a core {@link Progress} to Weka: reports go to Weka's log (and to standard error in
 * debug mode), at most about twice a second; cancellation is the building thread's interrupt flag,
 * which is what the Explorer's Stop button and the KnowledgeFlow's stop set on the thread that
 * runs {@code buildClusterer} or {@code batchFinished}. A front end that runs the build on its own
 * thread (the Cluster Lab tab) can also {@link #observe} that thread: the reports of the outermost
 * build on it then reach the front end too, for its status bar.
 */
public final class WekaProgress implements Progress {

  private static final long REPORT_INTERVAL_NANOS = 500_000_000L;

  /** Observers by observed thread; each is claimed by the first WekaProgress made on its thread. */
  private static final Map<Thread, Observation> OBSERVED = new ConcurrentHashMap<>();

  private final String component;
  private final boolean debug;
  private final Thread owner;
  private final Observer observer;
  private long lastReport = System.nanoTime() - REPORT_INTERVAL_NANOS;

  private WekaProgress(String component, boolean debug) {
    this.component = component;
    this.debug = debug;
    this.owner = Thread.currentThread();
    Observation o = OBSERVED.get(owner);
    this.observer = o != null && o.claimed.compareAndSet(false, true) ? o.observer : null;
  }

  /** Receives the progress reports of a build (on any thread; at most about twice a second). */
  @FunctionalInterface
  public interface Observer {
    /**
     * @param component the clusterer reporting, e.g. "KMeans"
     * @param stage its phase, e.g. "k-means"
     * @param fraction estimated fraction done in [0, 1], or NaN when unknown
     * @param message detail, e.g. "iteration 12"
     */
    void progress(String component, String stage, double fraction, String message);
  }

  /**
   * Sends the reports of the next build started on the calling thread (the outermost one: a
   * ChooseK's, not those of the clusterers it builds) to {@code observer}, until the returned
   * handle is closed. Clusterers that are not ClusterLab's report nothing.
   */
  public static AutoCloseable observe(Observer observer) {
    Thread t = Thread.currentThread();
    Observation o = new Observation(observer);
    OBSERVED.put(t, o);
    return () -> OBSERVED.remove(t, o);
  }

  private static final class Observation {
    final Observer observer;
    final AtomicBoolean claimed = new AtomicBoolean();

    Observation(Observer observer) {
      this.observer = observer;
    }
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
    if (observer != null) {
      observer.progress(component, stage, fraction, message);
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
