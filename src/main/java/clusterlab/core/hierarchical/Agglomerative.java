package clusterlab.core.hierarchical;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;

/**
 * Agglomerative hierarchical clustering with the algorithm M&uuml;llner (2011) recommends for
 * each linkage, all O(n&sup2;) time in practice:
 * <table>
 *   <caption>algorithm and memory per linkage</caption>
 *   <tr><th>linkage</th><th>algorithm</th><th>memory</th></tr>
 *   <tr><td>single</td><td>Prim's minimum spanning tree, distances on the fly</td><td>O(n), any distance</td></tr>
 *   <tr><td>complete, average, weighted</td><td>nearest-neighbour chain on the condensed matrix</td><td>n(n-1)/2 doubles</td></tr>
 *   <tr><td>ward</td><td>nearest-neighbour chain on the matrix, or on cluster centroids (Euclidean only)</td><td>matrix or O(n&middot;d)</td></tr>
 *   <tr><td>centroid, median</td><td>generic algorithm on the matrix, or on cluster points (Euclidean only)</td><td>matrix or O(n&middot;d)</td></tr>
 * </table>
 * {@link Storage#AUTO} takes the memory-saving variant wherever there is one: on Euclidean data it
 * is also the faster one (no cache misses on a strided matrix row; measured in BENCHMARKS.md, Ward
 * at n = 20,000 about 5 times faster than the matrix). Both give the same merge history on data
 * without exact ties (heights equal up to rounding in the last bits); where distances tie exactly,
 * rounding in the centroid arithmetic can break a tie the other way, which {@link Storage#MATRIX}
 * avoids by following SciPy's arithmetic exactly. Heights are on the original distance scale; Ward heights are
 * {@code sqrt(2 ΔSSE)} as in SciPy (see {@link Linkage}). The output is SciPy's linkage matrix:
 * for the matrix algorithms, bit for bit when SciPy is given the same distances, since updates and
 * tie-breaking follow SciPy's code.
 *
 * <p>The distance matrix is built on all threads; the MST scan and the centroid chain scans are
 * split over threads when many clusters are alive. Results do not depend on the thread count.
 *
 * <p>Reference: D. M&uuml;llner (2011), Modern hierarchical, agglomerative clustering algorithms,
 * arXiv:1109.2378; D. M&uuml;llner (2013), fastcluster: Fast hierarchical, agglomerative
 * clustering routines for R and Python, Journal of Statistical Software 53(9).
 */
public final class Agglomerative {

  /** Where cluster distances live. */
  public enum Storage {
    /** The memory-saving variant where there is one (faster too), else the matrix. */
    AUTO,
    /** The condensed distance matrix (any distance, every linkage but single). */
    MATRIX,
    /** O(n&middot;d): cluster centroids/points, Euclidean ward/centroid/median only (single is always O(n)). */
    POINTS
  }

  private final Linkage linkage;
  private final Distance distance;
  private final Storage storage;
  private final int threads;

  /**
   * @param linkage the merge criterion
   * @param distance the dissimilarity between rows (a {@link Metric} is fastest)
   * @param storage matrix, memory-saving points, or automatic choice
   * @param threads worker threads, 0 or less for all cores
   */
  public Agglomerative(Linkage linkage, Distance distance, Storage storage, int threads) {
    this.linkage = Check.notNull("linkage", linkage);
    this.distance = Check.notNull("distance", distance);
    this.storage = Check.notNull("storage", storage);
    this.threads = threads;
    if (storage == Storage.POINTS && linkage != Linkage.SINGLE && !hasPointsVariant(linkage, distance)) {
      throw new IllegalArgumentException("storage POINTS (memory-saving) exists only for single linkage and for "
          + "ward, centroid and median linkage with the euclidean distance, not for " + linkage.id() + " with "
          + distance.name() + "; use MATRIX or AUTO");
    }
  }

  /** True when {@code linkage} has an O(n&middot;d) variant for {@code distance}. */
  public static boolean hasPointsVariant(Linkage linkage, Distance distance) {
    return linkage == Linkage.SINGLE || (linkage.hasCentroidVariant() && distance == Metric.EUCLIDEAN);
  }

  /** The storage {@link #fit} will use for n rows. */
  public Storage resolve(int n) {
    if (linkage == Linkage.SINGLE) {
      return Storage.POINTS;
    }
    if (storage != Storage.AUTO) {
      return storage;
    }
    return hasPointsVariant(linkage, distance) ? Storage.POINTS : Storage.MATRIX;
  }

  /**
   * Clusters the rows of {@code data}.
   *
   * @throws IllegalArgumentException for an empty data set, or when the matrix is needed and does
   *     not fit (the message says which linkages avoid it)
   */
  public MergeHistory fit(Dataset data, Progress progress) {
    Check.notNull("data", data);
    Check.enoughRows(data, 1, "hierarchical clustering");
    Progress p = progress == null ? Progress.NONE : progress;
    int n = data.n();
    if (n == 1) {
      return MergeHistory.of(1, new int[0], new int[0], new double[0]);
    }
    if (linkage == Linkage.SINGLE) {
      return PrimSingleLinkage.run(data, distance, threads, p);
    }
    if (resolve(n) == Storage.POINTS) {
      return CentroidGenericLinkage.run(data, linkage, threads, p);
    }
    p.report("distances", 0, "computing " + ((long) n * (n - 1) / 2) + " pairwise distances");
    double[] dist = CondensedDistances.compute(data, distance, threads);
    p.checkCancelled();
    if (linkage.isMonotone()) {
      return NnChainLinkage.run(dist, n, linkage, threads, p);
    }
    return GenericLinkage.run(new GenericLinkage.MatrixSpace(dist, n, linkage), n, linkage.id() + " linkage", p);
  }

  public Linkage linkage() {
    return linkage;
  }

  public Distance distance() {
    return distance;
  }

  public Storage storage() {
    return storage;
  }
}
