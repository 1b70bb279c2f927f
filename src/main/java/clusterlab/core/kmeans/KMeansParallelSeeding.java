package clusterlab.core.kmeans;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.parallel.Blocks;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means|| seeding (Bahmani, Moseley, Vattani, Kumar and Vassilvitskii 2012, "Scalable k-means++",
 * PVLDB 5(7)). k-means++ needs k sequential passes over the data; k-means|| needs a few
 * ({@code rounds}, 5 as the paper recommends), each sampling every row independently with
 * probability {@code min(1, l * w(x) * D²(x) / phi)} (oversampling {@code l}, default 2k), so each
 * pass parallelises. The candidates are then weighted by the weight of the rows nearest to them and
 * reclustered into k centres by weighted greedy k-means++ followed by Lloyd iterations (the
 * paper's step 8, as Spark MLlib does).
 *
 * <p>The coin of row i in round r is a hash of (seed, r, i), so the candidates do not depend on the
 * thread count.
 */
final class KMeansParallelSeeding {

  private KMeansParallelSeeding() {
  }

  static double[] seed(Dataset data, int k, SplittableRandom rng, int threads, int rounds, double oversamplingFactor) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    int blocks = (n + Seeding.BLOCK - 1) / Seeding.BLOCK;
    double[] closest = new double[n];
    double[] blockPot = new double[blocks];
    int first = Seeding.sampleWeighted(data, null, null, rng.nextDouble() * data.totalWeight());
    IntList chosen = new IntList();
    chosen.add(first);
    boolean[] isChosen = new boolean[n];
    isChosen[first] = true;
    double potential = Seeding.update(data, closest, blockPot, v, first * d, true, threads);
    double l = oversamplingFactor * k;
    for (int r = 0; r < rounds && potential > 0; r++) {
      long roundSeed = rng.nextLong();
      double phi = potential;
      boolean[] picked = new boolean[n];
      Parallel.forRange(n, threads, (chunk, from, to) -> {
        for (int i = from; i < to; i++) {
          double p = l * data.weight(i) * closest[i] / phi;
          if (p > 0 && uniform(roundSeed, i) < p) {
            picked[i] = true;
          }
        }
      });
      int before = chosen.size();
      for (int i = 0; i < n; i++) {
        if (picked[i] && !isChosen[i]) {
          isChosen[i] = true;
          chosen.add(i);
        }
      }
      int[] fresh = Arrays.copyOfRange(chosen.values(), before, chosen.size());
      potential = lower(data, closest, blockPot, fresh, threads);
    }
    int[] cand = chosen.toArray();
    if (cand.length <= k) {
      return topUp(data, k, cand, isChosen, rng);
    }
    double[] weights = candidateWeights(data, cand, threads);
    Dataset candidates = Dataset.weighted(data.subset(cand).values(), cand.length, d, weights);
    int positive = 0;
    for (double w : weights) {
      if (w > 0) {
        positive++;
      }
    }
    if (positive < k) {
      return Seeding.kmeansPlusPlus(data, k, rng, threads);
    }
    double[] centres = Seeding.kmeansPlusPlus(candidates, k, rng, 1);
    new Iterations(candidates, k, 300, 0, 1, Progress.NONE).run(centres, KMeans.Algorithm.LLOYD);
    return centres;
  }

  /** Lowers the nearest-centre distances with several new centres in one pass. */
  private static double lower(Dataset data, double[] closest, double[] blockPot, int[] fresh, int threads) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    Parallel.forBlocks(Blocks.ofSize(n, Seeding.BLOCK), threads, (b, from, to) -> {
      double p = 0;
      for (int i = from; i < to; i++) {
        double best = closest[i];
        for (int c : fresh) {
          double dist = KMeansKernels.squaredDistance(v, i * d, v, c * d, d);
          if (dist < best) {
            best = dist;
          }
        }
        closest[i] = best;
        p += data.weight(i) * best;
      }
      blockPot[b] = p;
    });
    return Parallel.sumInOrder(blockPot);
  }

  /** Weight of the rows nearest to each candidate (ties to the earlier candidate), summed in fixed blocks. */
  private static double[] candidateWeights(Dataset data, int[] cand, int threads) {
    int n = data.n();
    int d = data.d();
    int m = cand.length;
    double[] centres = data.subset(cand).values();
    return Parallel.sum(Blocks.ofSize(n, Seeding.BLOCK), m, threads, (from, to, w) -> {
      for (int i = from; i < to; i++) {
        w[KMeansKernels.nearest(data.values(), i * d, centres, m, d)] += data.weight(i);
      }
    });
  }

  /** Too few candidates (tiny or highly duplicated data): add random unchosen rows of positive weight. */
  private static double[] topUp(Dataset data, int k, int[] cand, boolean[] isChosen, SplittableRandom rng) {
    int d = data.d();
    double[] c = new double[k * d];
    int m = 0;
    for (int row : cand) {
      if (m < k) {
        System.arraycopy(data.values(), row * d, c, m++ * d, d);
      }
    }
    IntList rest = new IntList();
    for (int i = 0; i < data.n(); i++) {
      if (!isChosen[i] && data.weight(i) > 0) {
        rest.add(i);
      }
    }
    int[] r = rest.toArray();
    for (int i = 0; m < k && i < r.length; i++) {
      int j = i + rng.nextInt(r.length - i);
      int t = r[i];
      r[i] = r[j];
      r[j] = t;
      System.arraycopy(data.values(), r[i] * d, c, m++ * d, d);
    }
    if (m < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " rows of positive weight, the data has "
          + m);
    }
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

  /** A growable int list. */
  private static final class IntList {
    private int[] a = new int[16];
    private int size;

    void add(int x) {
      if (size == a.length) {
        a = Arrays.copyOf(a, 2 * size);
      }
      a[size++] = x;
    }

    int size() {
      return size;
    }

    int[] values() {
      return a;
    }

    int[] toArray() {
      return Arrays.copyOf(a, size);
    }
  }
}
