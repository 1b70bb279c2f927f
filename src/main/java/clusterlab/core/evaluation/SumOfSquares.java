package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;

/**
 * One of the sums of squares of a labelling, as an index: within (k-means inertia, lower is
 * better), between (higher is better) or total (the same for every labelling of the same rows;
 * reported for reference, higher-is-better by convention). Row weights count as frequencies; noise
 * is excluded. Defined for any number of clusters, including one.
 */
public final class SumOfSquares implements InternalIndex {

  /** Which sum. */
  public enum Kind {
    WITHIN("within_ss", false),
    BETWEEN("between_ss", true),
    TOTAL("total_ss", true);

    private final String id;
    private final boolean higher;

    Kind(String id, boolean higher) {
      this.id = id;
      this.higher = higher;
    }

    /** Report name. */
    public String id() {
      return id;
    }
  }

  private final Kind kind;
  private final int threads;

  /** @param threads worker threads, {@code <= 0} for all cores */
  public SumOfSquares(Kind kind, int threads) {
    this.kind = Check.notNull("kind", kind);
    this.threads = threads;
  }

  @Override
  public String name() {
    return kind.id;
  }

  @Override
  public boolean higherIsBetter() {
    return kind.higher;
  }

  @Override
  public double score(Dataset data, int[] labels) {
    Check.notNull("data", data);
    Labelling lab = Labelling.of(labels, data.n());
    if (lab.k() < 1) {
      throw new IllegalArgumentException(name() + ": every row is noise; at least one cluster is needed");
    }
    return of(Scatter.of(data, lab, threads), kind);
  }

  /** The sum from an already computed scatter. */
  public static double of(Scatter s, Kind kind) {
    switch (kind) {
      case WITHIN:
        return s.withinSS();
      case BETWEEN:
        return s.betweenSS();
      default:
        return s.totalSS();
    }
  }
}
