package clusterlab.core.medoids;

import clusterlab.core.Check;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-medoids clustering on any {@link Distance} (the Euclidean family, cosine, Gower for mixed
 * types): the medoids are real rows, so the model is read as "these k customers are the
 * prototypes", and any dissimilarity works since no mean is ever taken.
 *
 * <p>Method {@link Method#PAM}: an initialisation ({@link Init}) followed by the FasterPAM swap
 * phase of Schubert and Rousseeuw (2021), which reaches the same kind of local optimum as Kaufman
 * and Rousseeuw's PAM SWAP in {@code O(n^2)} per pass instead of {@code O(k n^2)}. Method
 * {@link Method#CLARA} (Kaufman and Rousseeuw 1990, ch. 3): PAM on several random samples (the best
 * medoids so far kept in every further sample), each judged by the total deviation of all rows;
 * {@code O(n k)} per sample beyond the sample itself, for data too large for PAM.
 *
 * <p>Memory ({@link Memory}): PAM precomputes the {@code n x n} dissimilarity matrix when it fits
 * (rule in {@link Dissimilarities#matrixFits}), else computes dissimilarities on demand in
 * {@code O(n)} memory (slower by about the cost of one distance per matrix read).
 *
 * <p>Threads: the matrix, BUILD and the swap candidates are computed in parallel; results do not
 * depend on the thread count.
 */
public final class KMedoids {

  /** How the initial medoids are chosen. */
  public enum Init {
    /** Kaufman and Rousseeuw's greedy BUILD (deterministic, as R's pam). */
    BUILD,
    /** D^2-weighted random choice, as k-means++ (Arthur and Vassilvitskii 2007). */
    KMEDOIDS_PLUS_PLUS,
    /** k distinct random rows. */
    RANDOM
  }

  /** Which algorithm runs. */
  public enum Method {
    /** FasterPAM on all rows. */
    PAM,
    /** CLARA: FasterPAM on samples, the best judged on all rows. */
    CLARA
  }

  /** Whether PAM holds the dissimilarity matrix in memory. */
  public enum Memory {
    /** The matrix when it fits (see {@link Dissimilarities#matrixFits}), else on demand. */
    AUTO,
    /** Always precompute the n x n matrix. */
    MATRIX,
    /** Never: O(n) memory, each dissimilarity computed when needed. */
    ON_DEMAND
  }

  private final int k;
  private final Init init;
  private final Method method;
  private final Memory memory;
  private final int maxPasses;
  private final int samples;
  private final int sampleSize;
  private final int threads;

  private KMedoids(Builder b) {
    Check.atLeast("k (number of clusters)", b.k, 1);
    init = Check.notNull("init", b.init);
    method = Check.notNull("method", b.method);
    memory = Check.notNull("memory", b.memory);
    Check.atLeast("maxPasses (swap passes)", b.maxPasses, 1);
    Check.atLeast("samples (CLARA samples)", b.samples, 1);
    Check.atLeast("sampleSize (CLARA rows per sample)", b.sampleSize, 0);
    k = b.k;
    maxPasses = b.maxPasses;
    samples = b.samples;
    sampleSize = b.sampleSize;
    threads = b.threads;
  }

  /** PAM with BUILD, automatic memory mode, all cores. */
  public static KMedoids pam(int k) {
    return builder(k).build();
  }

  /** A builder for {@code k} clusters holding {@link #pam}'s defaults (100 swap passes; CLARA: 5 samples of 40 + 2k rows). */
  public static Builder builder(int k) {
    return new Builder(k);
  }

  /** Collects the settings; {@link #build()} validates them. */
  public static final class Builder {
    private final int k;
    private Init init = Init.BUILD;
    private Method method = Method.PAM;
    private Memory memory = Memory.AUTO;
    private int maxPasses = 100;
    private int samples = 5;
    private int sampleSize;
    private int threads;

    private Builder(int k) {
      this.k = k;
    }

    /** Initialisation. */
    public Builder init(Init i) {
      init = i;
      return this;
    }

    /** PAM or CLARA. */
    public Builder method(Method m) {
      method = m;
      return this;
    }

    /** Matrix or on-demand dissimilarities for PAM. */
    public Builder memory(Memory m) {
      memory = m;
      return this;
    }

    /** Limit of the swap phase, in passes over all candidates (at least 1). */
    public Builder maxPasses(int p) {
      maxPasses = p;
      return this;
    }

    /** CLARA: number of samples (at least 1). */
    public Builder samples(int s) {
      samples = s;
      return this;
    }

    /** CLARA: rows per sample; 0 = Kaufman and Rousseeuw's (and R's) 40 + 2k. */
    public Builder sampleSize(int s) {
      sampleSize = s;
      return this;
    }

    /** Worker threads, {@code <= 0} for all cores. */
    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** The validated configuration. */
    public KMedoids build() {
      return new KMedoids(this);
    }
  }

  /**
   * Clusters {@code n} rows of {@code d} values (row-major) under {@code distance}.
   *
   * @param weights per-row weights or {@code null}
   * @throws IllegalArgumentException when there are fewer rows than clusters
   */
  public KMedoidsModel fit(double[] values, int n, int d, double[] weights, Distance distance, long seed,
      Progress progress) {
    Check.notNull("values", values);
    Check.notNull("distance", distance);
    if ((long) n * d != values.length) {
      throw new IllegalArgumentException("values has length " + values.length + " but n * d = " + ((long) n * d));
    }
    if (n < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " rows, the data has " + n
          + "; use more data or fewer clusters");
    }
    double[] w = weights == null ? ones(n) : weights;
    SplittableRandom rng = new SplittableRandom(seed);
    if (method == Method.CLARA) {
      int size = Math.min(n, sampleSize > 0 ? Math.max(sampleSize, k) : 40 + 2 * k);
      if (size < n) {
        return clara(values, n, d, weights, w, distance, size, rng, progress);
      }
    }
    Dissimilarities dis = dissimilarities(values, n, d, distance);
    FasterPam pam = pamOn(dis, w, rng, progress);
    return model(values, d, pam.medoids, weights, distance, pam.nearest, pam.dnear, pam, "pam", dis.isPrecomputed());
  }

  private Dissimilarities dissimilarities(double[] values, int n, int d, Distance distance) {
    switch (memory) {
      case MATRIX:
        return Dissimilarities.precompute(values, n, d, distance, threads);
      case ON_DEMAND:
        return Dissimilarities.onDemand(values, n, d, distance);
      default:
        return Dissimilarities.auto(values, n, d, distance, threads);
    }
  }

  private FasterPam pamOn(Dissimilarities dis, double[] w, SplittableRandom rng, Progress progress) {
    int[] start;
    switch (init) {
      case BUILD:
        start = MedoidInit.build(dis, w, k, threads);
        break;
      case KMEDOIDS_PLUS_PLUS:
        start = MedoidInit.plusPlus(dis, w, k, rng);
        break;
      default:
        start = MedoidInit.random(dis.n(), k, rng);
        break;
    }
    progress.checkCancelled();
    FasterPam pam = new FasterPam(dis, w, start);
    pam.initial = pam.totalDeviation();
    pam.run(maxPasses, threads, progress);
    return pam;
  }

  private KMedoidsModel clara(double[] values, int n, int d, double[] weights, double[] w, Distance distance, int size,
      SplittableRandom rng, Progress progress) {
    int[] best = null;
    int[] bestLabel = null;
    double[] bestDev = null;
    double bestTd = Double.POSITIVE_INFINITY;
    FasterPam bestPam = null;
    for (int s = 0; s < samples; s++) {
      progress.checkCancelled();
      progress.report("clara", (double) s / samples, "sample " + (s + 1) + " of " + samples);
      int[] rows = sample(n, size, best, rng);
      double[] sv = new double[size * d];
      double[] sw = new double[size];
      for (int r = 0; r < size; r++) {
        System.arraycopy(values, rows[r] * d, sv, r * d, d);
        sw[r] = w[rows[r]];
      }
      Dissimilarities dis = Dissimilarities.precompute(sv, size, d, distance, threads);
      FasterPam pam = pamOn(dis, sw, rng, progress);
      int[] medoids = new int[k];
      for (int c = 0; c < k; c++) {
        medoids[c] = rows[pam.medoids[c]];
      }
      int[] label = new int[n];
      double[] dev = new double[n];
      assign(values, n, d, distance, medoids, label, dev);
      double td = 0;
      for (int o = 0; o < n; o++) {
        td += w[o] * dev[o];
      }
      if (td < bestTd) {
        bestTd = td;
        best = medoids;
        bestLabel = label;
        bestDev = dev;
        bestPam = pam;
      }
    }
    return model(values, d, best, weights, distance, bestLabel, bestDev, bestPam, "clara", false);
  }

  /** A sample of {@code size} distinct rows that contains {@code keep} (the best medoids so far), if given. */
  private static int[] sample(int n, int size, int[] keep, SplittableRandom rng) {
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    int filled = 0;
    if (keep != null) {
      for (int m : keep) { // move each kept row to the front
        for (int i = filled; i < n; i++) {
          if (perm[i] == m) {
            perm[i] = perm[filled];
            perm[filled++] = m;
            break;
          }
        }
      }
    }
    for (int i = filled; i < size; i++) {
      int j = i + rng.nextInt(n - i);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int[] rows = Arrays.copyOf(perm, size);
    Arrays.sort(rows);
    return rows;
  }

  private void assign(double[] values, int n, int d, Distance distance, int[] medoids, int[] label, double[] dev) {
    Parallel.forRange(n, threads, (chunk, from, to) -> {
      for (int o = from; o < to; o++) {
        int b = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int c = 0; c < medoids.length; c++) {
          double x = medoids[c] == o ? 0 : distance.between(values, o * d, values, medoids[c] * d, d);
          if (x < bd) {
            bd = x;
            b = c;
          }
        }
        label[o] = b;
        dev[o] = bd;
      }
    });
  }

  private KMedoidsModel model(double[] values, int d, int[] medoids, double[] weights, Distance distance, int[] label,
      double[] dev, FasterPam pam, String how, boolean precomputed) {
    double[] mv = new double[medoids.length * d];
    for (int c = 0; c < medoids.length; c++) {
      System.arraycopy(values, medoids[c] * d, mv, c * d, d);
    }
    return new KMedoidsModel(medoids.clone(), mv, d, label.clone(), dev.clone(), weights == null ? null : weights.clone(),
        pam.initial, pam.swaps, pam.converged, distance, how, precomputed);
  }

  private static double[] ones(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }
}
