package clusterlab.spark;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansOptions;
import clusterlab.core.kmeans.PartitionKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * k-means|| initialisation on Spark (Bahmani, Moseley, Vattani, Kumar and Vassilvitskii 2012,
 * "Scalable k-means++", PVLDB 5(7)), as ClusterLab's single-machine k-means|| does it: one row drawn
 * with probability proportional to its weight, then {@code rounds} (5) rounds in which every row is
 * picked independently with probability {@code min(1, l w(x) D²(x) / phi)}, {@code l = 2k}; the
 * candidates are weighted by the weight of the rows nearest to them and reclustered on the driver
 * into k centres by ClusterLab's weighted k-means++ and Lloyd iterations (the paper's step 8).
 *
 * <p>Each row's distance to its nearest candidate is kept in its cached block between rounds (so a
 * round costs the distances to the new candidates only) and recomputed against all candidates when
 * Spark has rebuilt the block. A row's coin is a hash of (seed, round, global row number), so the
 * candidates depend on the seed only, not on the partitioning or the order tasks run in.
 */
public final class KMeansParallelInit {

  private KMeansParallelInit() {
  }

  /** Initial centres (row-major {@code k * d}) for {@code data}. */
  public static double[] seed(Blocks.Data data, int k, long seed, int rounds, double oversampling, Consumer<String> log) {
    Check.atLeast("k (number of clusters)", k, 1);
    Check.atLeast("rounds", rounds, 0);
    int d = data.d();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.rdd().context());
    SplittableRandom rng = new SplittableRandom(seed);
    long firstSeed = rng.nextLong();
    // the first centre: the row of the smallest weighted exponential key -ln(u) / w (a weighted draw)
    double[] first = data.rdd().map(b -> {
      double best = Double.POSITIVE_INFINITY;
      int row = -1;
      for (int i = 0; i < b.n; i++) {
        double w = b.weight(i);
        if (w > 0) {
          double key = -Math.log(1 - uniform(firstSeed, b.firstRow + i)) / w;
          if (key < best) {
            best = key;
            row = i;
          }
        }
      }
      return row < 0 ? new double[] {Double.POSITIVE_INFINITY}
          : concat(new double[] {best}, java.util.Arrays.copyOfRange(b.values, row * d, row * d + d));
    }).reduce((a, b) -> a[0] <= b[0] ? a : b);
    if (first.length == 1) {
      throw new IllegalArgumentException("every row has weight 0; k-means needs rows of positive weight");
    }
    List<double[]> candidates = new ArrayList<>();
    candidates.add(java.util.Arrays.copyOfRange(first, 1, 1 + d));
    long run = rng.nextLong();
    double phi = lower(jsc, data, run, 0, candidates, 0);
    double l = oversampling * k;
    for (int r = 0; r < rounds && phi > 0; r++) {
      long roundSeed = rng.nextLong();
      List<double[]> picked = sample(jsc, data, run, r, candidates, phi, l, roundSeed);
      int before = candidates.size();
      candidates.addAll(picked);
      phi = lower(jsc, data, run, r + 1, candidates, before);
      log.accept("k-means|| round " + (r + 1) + ": " + picked.size() + " candidates picked, cost " + phi);
    }
    double[] flat = flatten(candidates, d);
    int m = candidates.size();
    double[] weights = candidateWeights(jsc, data, flat, m);
    int positive = 0;
    for (double w : weights) {
      if (w > 0) {
        positive++;
      }
    }
    if (positive < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " distinct rows; k-means|| found only "
          + positive + " (the data has fewer distinct rows than clusters): lower k");
    }
    log.accept("k-means||: reclustering " + m + " weighted candidates into " + k + " centres on the driver");
    return new KMeans(k, KMeans.Algorithm.LLOYD, KMeansOptions.builder().tolerance(0).threads(1).build())
        .fit(Dataset.weighted(flat, m, d, weights), rng.nextLong(), Progress.NONE).centroids();
  }

  /**
   * Lowers every row's cost (squared distance to the nearest candidate) with the candidates from
   * index {@code from} on, or against all when the block lost its costs; returns the total weighted cost.
   */
  private static double lower(JavaSparkContext jsc, Blocks.Data data, long run, int round, List<double[]> candidates,
      int from) {
    int d = data.d();
    int m = candidates.size();
    Broadcast<double[]> bc = jsc.broadcast(flatten(candidates, d));
    try {
      Sums s = data.rdd().treeAggregate(new Sums(1), (acc, b) -> {
        double[] cost = b.seedCosts(run, round, bc.value(), m, from);
        double p = 0;
        for (int i = 0; i < b.n; i++) {
          p += b.weight(i) * cost[i];
        }
        acc.hi[0] += p;
        return acc;
      }, Sums::merge, 2);
      return s.value(0);
    } finally {
      bc.destroy();
    }
  }

  private static List<double[]> sample(JavaSparkContext jsc, Blocks.Data data, long run, int round,
      List<double[]> candidates, double phi, double l, long roundSeed) {
    int d = data.d();
    int m = candidates.size();
    Broadcast<double[]> bc = jsc.broadcast(flatten(candidates, d));
    try {
      return data.rdd().flatMap(b -> {
        double[] cost = b.seedCosts(run, round, bc.value(), m, m);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < b.n; i++) {
          double p = l * b.weight(i) * cost[i] / phi;
          if (p > 0 && uniform(roundSeed, b.firstRow + i) < p) {
            out.add(java.util.Arrays.copyOfRange(b.values, i * d, i * d + d));
          }
        }
        return out.iterator();
      }).collect();
    } finally {
      bc.destroy();
    }
  }

  /** Weight of the rows nearest to each candidate (ties to the earlier candidate). */
  private static double[] candidateWeights(JavaSparkContext jsc, Blocks.Data data, double[] flat, int m) {
    int d = data.d();
    Broadcast<double[]> bc = jsc.broadcast(flat);
    try {
      return data.rdd().treeAggregate(new Sums(m), (acc, b) -> {
        int[] nearest = b.nearest(bc.value(), m);
        for (int i = 0; i < b.n; i++) {
          acc.hi[nearest[i]] += b.weight(i);
        }
        return acc;
      }, Sums::merge, 2).value();
    } finally {
      bc.destroy();
    }
  }

  static double[] flatten(List<double[]> rows, int d) {
    double[] flat = new double[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, flat, i * d, d);
    }
    return flat;
  }

  private static double[] concat(double[] a, double[] b) {
    double[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  /** A uniform double in [0, 1) from (seed, i), independent of evaluation order (SplitMix64 finaliser). */
  static double uniform(long seed, long i) {
    long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    return (z >>> 11) * 0x1.0p-53;
  }

  /** Squared distance from row {@code i} of {@code b} to the nearest of {@code m} centres from index {@code from}. */
  static double nearestCost(RowBlock b, int i, double[] centres, int from, int m, double best) {
    int d = b.d;
    for (int c = from; c < m; c++) {
      double dist = PartitionKernel.squaredDistance(b.values, i * d, centres, c * d, d);
      if (dist < best) {
        best = dist;
      }
    }
    return best;
  }
}
