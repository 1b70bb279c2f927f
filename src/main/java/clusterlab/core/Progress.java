package clusterlab.core;

/**
 * The hook through which a long computation reports progress and learns that the user wants it to
 * stop. Adapters connect it to Weka's log and status channels (Explorer status bar, KnowledgeFlow
 * step status); the core only calls it.
 *
 * <p>Algorithms call {@link #checkCancelled()} at natural boundaries (an iteration, a merge, a
 * block of rows), never inside the innermost loop, so cancelling costs nothing when nobody cancels.
 */
public interface Progress {

  /** A hook that reports nowhere and never cancels. */
  Progress NONE = new Progress() {
    @Override
    public void report(String stage, double fraction, String message) {
    }
  };

  /**
   * Reports progress.
   *
   * @param stage short name of the current phase, e.g. "lloyd" or "tsne"
   * @param fraction estimated fraction done in [0, 1], or NaN when unknown
   * @param message human-readable detail, e.g. "iteration 50, KL divergence 1.234"
   */
  void report(String stage, double fraction, String message);

  /** True once the caller wants the computation to stop. */
  default boolean isCancelled() {
    return false;
  }

  /**
   * This progress as seen by restart {@code run} of {@code runs} (n-init): a fraction f reported
   * by the restart becomes {@code (run + f) / runs}, so one fit's progress rises once from 0 to 1
   * over all its restarts instead of starting again at 0 with each, and the message names the
   * restart. Cancellation is this progress's.
   */
  default Progress restart(int run, int runs) {
    if (runs == 1) {
      return this;
    }
    Progress whole = this;
    return new Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
        double f = Double.isNaN(fraction) ? fraction : (run + Math.max(0, Math.min(1, fraction))) / runs;
        whole.report(stage, f, "restart " + (run + 1) + " of " + runs + ", " + message);
      }

      @Override
      public boolean isCancelled() {
        return whole.isCancelled();
      }
    };
  }

  /** Throws {@link CancelledException} when {@link #isCancelled()} is true. */
  default void checkCancelled() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }

  /** Thrown by an algorithm that stopped because its {@link Progress} was cancelled. */
  final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
      super("computation cancelled by the user");
    }

    /** @param message what was stopped, e.g. "KMeans: training stopped by the user" */
    public CancelledException(String message) {
      super(message);
    }
  }
}
