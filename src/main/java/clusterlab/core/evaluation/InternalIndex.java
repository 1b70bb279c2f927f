package clusterlab.core.evaluation;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;

/**
 * A cluster-validity index computed from the data and a labelling alone (no ground truth), such
 * as silhouette, Davies-Bouldin or Calinski-Harabasz. Declaring the direction lets model
 * selection (ChooseK, the Experimenter) rank labellings without knowing which index it holds.
 *
 * <p>Labels are cluster ids {@code 0..k-1}; {@code -1} marks noise, which every index excludes
 * (and reports how many it excluded where it returns a richer result).
 */
public interface InternalIndex {

  /** Short stable name, e.g. "silhouette", used as a column name in reports. */
  String name();

  /** True when larger values mean a better clustering. */
  boolean higherIsBetter();

  /**
   * The index value.
   *
   * @throws IllegalArgumentException when the labelling has fewer clusters than the index is
   *     defined for, with a message saying so
   */
  double score(Dataset data, int[] labels);

  /**
   * The index value, stopping with {@link Progress.CancelledException} when {@code progress} is
   * cancelled. The quadratic indices (silhouette, Dunn) check it between tiles of rows, so a stopped
   * caller (ChooseK scoring every K on pool threads) leaves no thread computing an index nobody
   * waits for; the linear ones check it once.
   */
  default double score(Dataset data, int[] labels, Progress progress) {
    progress.checkCancelled();
    return score(data, labels);
  }
}
