package clusterlab.core.anomaly;

import java.io.Serializable;

/**
 * A fitted anomaly scorer: one number per row, larger meaning more anomalous, for the rows it was
 * fitted on and for new rows. Training rows are scored as their method defines them (a row is not
 * its own neighbour, it is part of the density it is judged against); a new row is scored against
 * the fitted data only, so scoring a batch never changes the model (scikit-learn's
 * {@code novelty=True} semantics for LOF).
 *
 * <p>Implementations are immutable after fitting and may be used from several threads.
 */
public interface AnomalyModel extends Serializable {

  /** The method that produced the scores. */
  AnomalyMethod method();

  /** Number of columns a row must have. */
  int d();

  /** Score of every fitted row, in row order. A copy. */
  double[] trainingScores();

  /** Score of a new row {@code x[off .. off + d)}. */
  double score(double[] x, int off);

  /** Fails with a message when {@code x} holds fewer than {@code d} values from {@code off}. */
  static void checkRow(double[] x, int off, int d) {
    if (x == null) {
      throw new IllegalArgumentException("the row to score must not be null");
    }
    if (off < 0 || x.length - off < d) {
      throw new IllegalArgumentException("the row has " + Math.max(0, x.length - off) + " values from offset " + off
          + ", the anomaly model was fitted on " + d + " columns");
    }
  }
}
