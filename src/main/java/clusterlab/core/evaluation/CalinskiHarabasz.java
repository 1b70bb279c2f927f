package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;

/**
 * Calinski-Harabasz variance ratio (Calinski and Harabasz 1974):
 * [B / (k - 1)] / [W / (n - k)] with B and W the between and within sums of squares. Higher is
 * better. Linear time (two passes, see {@link Scatter}). As scikit-learn's
 * {@code calinski_harabasz_score}: 1 when W = 0, and fewer than 2 or more than n - 1 clusters is an
 * {@link IllegalArgumentException}. Row weights count as frequencies (n becomes the total weight).
 */
public final class CalinskiHarabasz implements InternalIndex {

  private final int threads;

  /** On all cores. */
  public CalinskiHarabasz() {
    this(0);
  }

  /** @param threads worker threads, {@code <= 0} for all cores */
  public CalinskiHarabasz(int threads) {
    this.threads = threads;
  }

  @Override
  public String name() {
    return "calinski_harabasz";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
  }

  @Override
  public double score(Dataset data, int[] labels) {
    Check.notNull("data", data);
    Labelling lab = Labelling.of(labels, data.n());
    lab.requireValidCount(name());
    return of(Scatter.of(data, lab, threads));
  }

  /** The index from an already computed scatter. */
  public static double of(Scatter s) {
    double within = s.withinSS();
    if (within == 0) {
      return 1.0;
    }
    return s.betweenSS() * (s.totalWeight() - s.k()) / (within * (s.k() - 1.0));
  }
}
