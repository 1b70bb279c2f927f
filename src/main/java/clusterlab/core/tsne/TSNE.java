package clusterlab.core.tsne;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.KnnGraph;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.NnDescent;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * t-distributed stochastic neighbour embedding (van der Maaten and Hinton 2008) with the
 * Barnes-Hut approximation (van der Maaten 2014), following scikit-learn's {@code TSNE} (1.2).
 *
 * <p>What it does: calibrates Gaussian input affinities to the requested perplexity
 * ({@link Affinities}), then minimises KL(P || Q) for a Student-t output kernel with
 * {@code alpha = max(dims - 1, 1)} degrees of freedom by gradient descent with momentum (0.5
 * during the early-exaggeration phase, 0.8 after), per-coordinate gains (+0.2 / x0.8, floor 0.01)
 * and early exaggeration (P x 12 for the first 250 iterations). The learning rate "auto" is
 * {@code max(n / earlyExaggeration / 4, 50)} (Belkina et al. 2019; scikit-learn's 'auto').
 *
 * <p>Exact or Barnes-Hut: the exact gradient costs O(n^2) time and memory per iteration and is
 * chosen automatically up to {@link #AUTO_EXACT_MAX_ROWS} rows; above that the input affinities
 * use the {@code 3 * perplexity} nearest neighbours (found exactly with a {@link VpTree}, or above
 * {@link #AUTO_EXACT_KNN_MAX_ROWS} rows approximately by {@link NnDescent}, as openTSNE does) and the
 * repulsive forces a quadtree/octree ({@link SpaceTree}) with opening angle {@code theta}, O(n log n)
 * per iteration and O(n k) memory.
 *
 * <p>Differences from scikit-learn, on purpose: the KL divergence reported during early
 * exaggeration is the true KL(P || Q), not the objective with exaggerated P; in 3-D the gradient
 * uses the exact derivative of the Student-t kernel; exact coincident points are excluded from
 * their own repulsion by identity, not by a 1e-6 distance threshold. Every row's gradient is
 * computed independently and sums are taken in row order, so results do not depend on the thread
 * count.
 *
 * <p>Configuration: a {@link TsneOptions} record, validated when built, fixed for the life of the
 * object: {@code new TSNE(TsneOptions.builder().perplexity(50).build())}, or {@code new TSNE()} for
 * the defaults.
 */
public final class TSNE {

  /** How the gradient is computed. */
  public enum Method {
    /**
     * Exact up to {@link TSNE#AUTO_EXACT_MAX_ROWS} rows, Barnes-Hut up to {@link TSNE#AUTO_BH_MAX_ROWS},
     * FFT interpolation above (Barnes-Hut in 3-D).
     */
    AUTO,
    /** Exact O(n^2) gradient over all pairs. */
    EXACT,
    /** Barnes-Hut: k-NN input affinities, space-partitioning tree for the repulsion. */
    BARNES_HUT,
    /** FFT-accelerated interpolation (FIt-SNE): k-NN input affinities, O(n) repulsion per iteration; 2-D only. */
    FFT
  }

  /** How the k nearest neighbours of the input affinities are found. */
  public enum Neighbours {
    /** Exact up to {@link TSNE#AUTO_EXACT_KNN_MAX_ROWS} rows, approximate above. */
    AUTO,
    /** Exact, with a vantage-point tree ({@link VpTree}): close to n^2 distances in tens of dimensions. */
    EXACT,
    /** Approximate, by NN-descent from a random-projection forest ({@link NnDescent}): O(n) distances per round. */
    APPROXIMATE
  }

  /** Initial embedding. */
  public enum Init {
    /** First principal components, scaled so the first has standard deviation 1e-4. */
    PCA,
    /** Gaussian noise with standard deviation 1e-4. */
    RANDOM
  }

  /** Largest n for which {@link Method#AUTO} uses the exact gradient. */
  public static final int AUTO_EXACT_MAX_ROWS = 1000;
  /**
   * Largest n for which {@link Method#AUTO} uses Barnes-Hut in 2-D; above it the FFT gradient, whose
   * fixed cost per iteration (a grid of at least 216 x 216 nodes) pays off from a few thousand points
   * (openTSNE switches at 10,000; our crossover is not measured yet, see BENCHMARKS.md).
   */
  public static final int AUTO_BH_MAX_ROWS = 5000;
  /**
   * Largest n for which {@link Neighbours#AUTO} searches the k nearest neighbours exactly; above it
   * NN-descent, whose measured recall on the benchmark data is in BENCHMARKS.md (TsneBench knn).
   */
  public static final int AUTO_EXACT_KNN_MAX_ROWS = 10000;
  /** Largest n the exact method accepts (its P matrix takes n^2 doubles). */
  public static final int EXACT_MAX_ROWS = 20000;
  /** KL divergence is computed and reported every this many iterations. */
  public static final int CHECK_EVERY = 50;
  private static final double FLOAT32_TINY = 1.1754943508222875e-38;

  private final TsneOptions options;
  // the settings, unpacked once: the optimisation and the gradients read plain final fields
  private final int dims;
  private final double perplexity;
  private final double earlyExaggeration;
  private final int exaggerationIterations;
  private final int maxIterations;
  private final double learningRate;
  private final double theta;
  private final Method method;
  private final Init init;
  private final Neighbours neighbours;
  private final int iterationsWithoutProgress;
  private final double minGradNorm;
  private final int threads;

  /** t-SNE with the {@linkplain TsneOptions#defaults() defaults} (scikit-learn's). */
  public TSNE() {
    this(TsneOptions.defaults());
  }

  /** t-SNE with the given, already validated, settings. */
  public TSNE(TsneOptions options) {
    this.options = Check.notNull("options", options);
    dims = options.dims();
    perplexity = options.perplexity();
    earlyExaggeration = options.earlyExaggeration();
    exaggerationIterations = options.exaggerationIterations();
    maxIterations = options.maxIterations();
    learningRate = options.learningRate();
    theta = options.theta();
    method = options.method();
    init = options.init();
    neighbours = options.neighbours();
    iterationsWithoutProgress = options.iterationsWithoutProgress();
    minGradNorm = options.minGradNorm();
    threads = options.threads();
  }

  /** The settings. */
  public TsneOptions options() {
    return options;
  }

  /** The k-NN search {@link #fit} will use for {@code n} rows (with a sparse gradient method). */
  public Neighbours neighboursFor(int n) {
    if (neighbours != Neighbours.AUTO) {
      return neighbours;
    }
    return n <= AUTO_EXACT_KNN_MAX_ROWS ? Neighbours.EXACT : Neighbours.APPROXIMATE;
  }

  /** The method {@link #fit} will use for {@code n} rows. */
  public Method methodFor(int n) {
    if (method != Method.AUTO) {
      return method;
    }
    if (n <= AUTO_EXACT_MAX_ROWS) {
      return Method.EXACT;
    }
    return n <= AUTO_BH_MAX_ROWS || dims != 2 ? Method.BARNES_HUT : Method.FFT;
  }

  /** The learning rate {@link #fit} will use for {@code n} rows. */
  public double learningRateFor(int n) {
    return learningRate > 0 ? learningRate : Math.max(n / earlyExaggeration / 4, 50);
  }

  /**
   * Embeds the rows of {@code data}.
   *
   * @throws IllegalArgumentException if there are fewer than 2 rows, perplexity is not below n, or
   *     the exact method is asked for more than {@link #EXACT_MAX_ROWS} rows
   * @throws Progress.CancelledException when {@code progress} is cancelled (checked every iteration)
   */
  public TsneResult fit(Dataset data, long seed, Progress progress) {
    return fit(data, null, seed, progress);
  }

  /**
   * Embeds the rows of {@code data} with the sparse affinities on a given k-NN graph (for example one
   * computed once and reused for several embeddings), or found as {@link #neighboursFor} says when
   * {@code neighbours} is null. The graph is used as scratch (its arrays are overwritten).
   *
   * @throws IllegalArgumentException as {@link #fit(Dataset, long, Progress)}, and if the graph is not
   *     {@code n x floor(3 * perplexity + 1)} or the method is exact
   */
  public TsneResult fit(Dataset data, KnnGraph neighbours, long seed, Progress progress) {
    Check.notNull("data", data);
    Check.notNull("progress", progress);
    int n = data.n();
    Check.enoughRows(data, 2, "t-SNE embeds at least 2 rows");
    if (!(perplexity < n)) {
      throw new IllegalArgumentException("perplexity (" + perplexity + ") must be less than the number of rows (" + n
          + "); lower the perplexity");
    }
    Method m = methodFor(n);
    if (m == Method.EXACT && n > EXACT_MAX_ROWS) {
      throw new IllegalArgumentException("the exact method needs n^2 memory and accepts at most " + EXACT_MAX_ROWS
          + " rows, got " + n + "; use the Barnes-Hut or auto method");
    }
    if (m == Method.FFT && dims != 2) {
      throw new IllegalArgumentException("the FFT method embeds in 2 dimensions only, got dims = " + dims
          + "; use dims 2 or the Barnes-Hut method");
    }
    if (neighbours != null && (m == Method.EXACT || neighbours.n() != n
        || neighbours.k() != Affinities.neighbours(n, perplexity))) {
      throw new IllegalArgumentException("a given k-NN graph must be " + n + " x " + Affinities.neighbours(n, perplexity)
          + " (3 * perplexity + 1 neighbours) and needs a sparse method, got " + neighbours.n() + " x " + neighbours.k()
          + " with the " + m + " method");
    }
    double[] betas = new double[n];
    Neighbours nb = neighboursFor(n);
    progress.report("tsne", 0, "computing input affinities (" + (m == Method.EXACT ? "exact"
        : neighbours != null ? "given k-NN graph" : nb == Neighbours.EXACT ? "exact k-NN" : "approximate k-NN") + ")");
    Gradient gradient;
    if (m == Method.EXACT) {
      gradient = new ExactGradient(Affinities.exact(data, perplexity, threads, betas, progress), n);
    } else {
      SparseMatrix p = Affinities.knn(neighbours != null ? neighbours : neighbourGraph(data, nb, seed, progress),
          perplexity, threads, betas, progress);
      gradient = m == Method.FFT ? new FftGradient(p, n) : new BarnesHutGradient(p, n);
    }
    double[] y = init == Init.PCA ? pcaInit(data, dims) : null;
    if (y == null) {
      y = randomInit(n, dims, seed);
    }
    return optimise(data, y, gradient, m, betas, progress);
  }

  /** The k nearest neighbours of every row for the sparse affinities, exact or by NN-descent. */
  KnnGraph neighbourGraph(Dataset data, Neighbours nb, long seed, Progress progress) {
    int k = Affinities.neighbours(data.n(), perplexity);
    if (nb == Neighbours.APPROXIMATE) {
      return new NnDescent(k).threads(threads).build(data, seed, progress);
    }
    NeighborIndex index = new VpTree(data, Metric.EUCLIDEAN, seed);
    return KnnGraph.exact(data, index, k, threads, progress);
  }

  private TsneResult optimise(Dataset data, double[] y, Gradient gradient, Method m, double[] betas, Progress progress) {
    int n = data.n();
    double lr = learningRateFor(n);
    double[] grad = new double[n * dims];
    double[] update = new double[n * dims];
    double[] gains = new double[n * dims];
    List<double[]> trace = new ArrayList<>();
    int stage1 = Math.min(exaggerationIterations, maxIterations);
    double[] state = {Double.NaN, 0}; // last KL, last iteration
    int it = descend(y, grad, update, gains, gradient, 0, stage1, earlyExaggeration, 0.5, lr, trace, state, progress);
    if (maxIterations > stage1) {
      Arrays.fill(update, 0);
      descend(y, grad, update, gains, gradient, it, maxIterations, 1.0, 0.8, lr, trace, state, progress);
    }
    progress.report("tsne", 1.0, String.format(java.util.Locale.ROOT, "done after %d iterations, KL divergence %.6f",
        (int) state[1] + 1, state[0]));
    return new TsneResult(y, n, dims, betas, state[0], (int) state[1] + 1, m, lr, perplexity, trace);
  }

  /** One call of scikit-learn's _gradient_descent: iterations [from, to); returns the next iteration. */
  private int descend(double[] y, double[] grad, double[] update, double[] gains, Gradient gradient, int from, int to,
      double exaggeration, double momentum, double lr, List<double[]> trace, double[] state, Progress progress) {
    Arrays.fill(gains, 1.0);
    double best = Double.POSITIVE_INFINITY;
    int bestIt = from;
    int last = from - 1;
    for (int i = from; i < to; i++) {
      progress.checkCancelled();
      boolean check = (i + 1) % CHECK_EVERY == 0;
      boolean error = check || i == maxIterations - 1 || i == to - 1;
      double kl = gradient.compute(y, dims, exaggeration, error, grad, threads);
      double norm2 = 0;
      for (int e = 0; e < grad.length; e++) {
        double g = grad[e];
        double gain = update[e] * g < 0 ? gains[e] + 0.2 : gains[e] * 0.8;
        gain = Math.max(gain, 0.01);
        gains[e] = gain;
        g *= gain;
        norm2 += g * g;
        update[e] = momentum * update[e] - lr * g;
        y[e] += update[e];
      }
      last = i;
      if (error) {
        state[0] = kl;
      }
      if (check) {
        trace.add(new double[] {i + 1, kl});
        progress.report("tsne", (i + 1.0) / maxIterations, String.format(java.util.Locale.ROOT,
            "iteration %d, KL divergence %.6f, gradient norm %.3g", i + 1, kl, Math.sqrt(norm2)));
        if (kl < best) {
          best = kl;
          bestIt = i;
        } else if (i - bestIt > iterationsWithoutProgress) {
          break;
        }
        if (Math.sqrt(norm2) <= minGradNorm) {
          break;
        }
      }
    }
    state[1] = last;
    return last + 1;
  }

  // ------------------------------------------------------------------ initialisation

  /** First {@code dims} principal components, scaled as scikit-learn (std of the first = 1e-4); null if degenerate. */
  static double[] pcaInit(Dataset data, int dims) {
    int n = data.n();
    int d = data.d();
    double[] x = data.values();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] cov = new double[d][d];
    double[] row = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        row[j] = x[i * d + j] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ra = row[a];
        if (ra == 0) {
          continue;
        }
        double[] ca = cov[a];
        for (int b = a; b < d; b++) {
          ca[b] += ra * row[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    RealMatrix c = new Array2DRowRealMatrix(cov, false);
    EigenDecomposition eig = new EigenDecomposition(c);
    double[] values = eig.getRealEigenvalues();
    Integer[] idx = new Integer[d];
    for (int j = 0; j < d; j++) {
      idx[j] = j;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(values[b], values[a]));
    double[][] comps = new double[dims][];
    for (int k = 0; k < dims; k++) {
      comps[k] = k < d ? eig.getEigenvector(idx[k]).toArray() : new double[d];
      // deterministic sign: the largest-magnitude loading is positive (as scikit-learn's svd_flip)
      int arg = 0;
      for (int j = 1; j < d; j++) {
        if (Math.abs(comps[k][j]) > Math.abs(comps[k][arg])) {
          arg = j;
        }
      }
      if (comps[k][arg] < 0) {
        for (int j = 0; j < d; j++) {
          comps[k][j] = -comps[k][j];
        }
      }
    }
    double[] y = new double[n * dims];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < dims; k++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (x[i * d + j] - mean[j]) * comps[k][j];
        }
        y[i * dims + k] = s;
      }
    }
    double m0 = 0;
    for (int i = 0; i < n; i++) {
      m0 += y[i * dims];
    }
    m0 /= n;
    double v0 = 0;
    for (int i = 0; i < n; i++) {
      double t = y[i * dims] - m0;
      v0 += t * t;
    }
    double sd = Math.sqrt(v0 / n);
    if (!(sd > 0)) {
      return null;
    }
    for (int e = 0; e < y.length; e++) {
      y[e] = y[e] / sd * 1e-4;
    }
    return y;
  }

  static double[] randomInit(int n, int dims, long seed) {
    Random r = new Random(seed);
    double[] y = new double[n * dims];
    for (int e = 0; e < y.length; e++) {
      y[e] = 1e-4 * r.nextGaussian();
    }
    return y;
  }

  // ------------------------------------------------------------------ gradients

  /** Gradient of KL(P || Q) at y; returns KL(P || Q) (un-exaggerated) when asked, NaN otherwise. */
  interface Gradient {
    double compute(double[] y, int dims, double exaggeration, boolean error, double[] grad, int threads);
  }

  private static double alpha(int dims) {
    return Math.max(dims - 1, 1);
  }

  /** Exact gradient over all pairs, with the dense joint P. */
  static final class ExactGradient implements Gradient {
    private final double[] p;
    private final int n;
    private final double[] zRow;
    private final double[] klRow;

    ExactGradient(double[] p, int n) {
      this.p = p;
      this.n = n;
      this.zRow = new double[n];
      this.klRow = new double[n];
    }

    @Override
    public double compute(double[] y, int dims, double exaggeration, boolean error, double[] grad, int threads) {
      double alpha = alpha(dims);
      double exponent = (alpha + 1) / 2;
      Parallel.forRange(n, threads, (chunk, from, to) -> {
        for (int i = from; i < to; i++) {
          double z = 0;
          for (int j = 0; j < n; j++) {
            if (j != i) {
              double t = alpha / (alpha + sqdist(y, i, j, dims));
              z += alpha == 1 ? t : Math.pow(t, exponent);
            }
          }
          zRow[i] = z;
        }
      });
      double zSum = 0;
      for (double z : zRow) {
        zSum += z;
      }
      final double z = zSum;
      double c = 2 * (alpha + 1) / alpha;
      Parallel.forRange(n, threads, (chunk, from, to) -> {
        double[] g = new double[dims];
        for (int i = from; i < to; i++) {
          Arrays.fill(g, 0);
          double kl = 0;
          for (int j = 0; j < n; j++) {
            if (j == i) {
              continue;
            }
            double t = alpha / (alpha + sqdist(y, i, j, dims));
            double w = alpha == 1 ? t : Math.pow(t, exponent);
            double q = Math.max(w / z, Affinities.MACHINE_EPSILON);
            double pij = p[i * n + j];
            double f = (exaggeration * pij - q) * t;
            for (int k = 0; k < dims; k++) {
              g[k] += f * (y[i * dims + k] - y[j * dims + k]);
            }
            if (error) {
              kl += pij * Math.log(pij / q);
            }
          }
          for (int k = 0; k < dims; k++) {
            grad[i * dims + k] = c * g[k];
          }
          klRow[i] = kl;
        }
      });
      return error ? sum(klRow) : Double.NaN;
    }
  }

  /** Barnes-Hut gradient: sparse P for attraction, a space-partitioning tree for repulsion. */
  final class BarnesHutGradient implements Gradient {
    private final SparseMatrix p;
    private final int n;
    private final double[] zRow;
    private final double[] klRow;
    private double[] neg;
    private SpaceTree tree;

    BarnesHutGradient(SparseMatrix p, int n) {
      this.p = p;
      this.n = n;
      this.zRow = new double[n];
      this.klRow = new double[n];
    }

    @Override
    public double compute(double[] y, int dims, double exaggeration, boolean error, double[] grad, int threads) {
      if (tree == null) {
        tree = new SpaceTree(dims, n);
        neg = new double[n * dims];
      }
      tree.build(y, n);
      double alpha = alpha(dims);
      double exponent = (alpha + 1) / 2;
      double theta2 = theta * theta;
      Parallel.forRange(n, threads, (chunk, from, to) -> {
        int[] stack = new int[tree.stackSize()];
        double[] f = new double[dims];
        for (int idx = from; idx < to; idx++) {
          int i = tree.pointAt(idx); // spatial order: neighbouring points reuse the cached cells
          Arrays.fill(f, 0);
          zRow[i] = tree.repulsion(i, theta2, alpha, f, stack);
          System.arraycopy(f, 0, neg, i * dims, dims);
        }
      });
      return attract(p, y, dims, exaggeration, error, sum(zRow), neg, grad, klRow, threads);
    }
  }

  /**
   * The gradient from the sparse P's attraction and the unnormalised repulsion {@code neg} with
   * normalisation {@code z}, shared by the Barnes-Hut and FFT gradients; returns KL(P || Q) when
   * {@code error}, NaN otherwise. {@code klRow} (n) is overwritten.
   */
  static double attract(SparseMatrix p, double[] y, int dims, double exaggeration, boolean error, double z,
      double[] neg, double[] grad, double[] klRow, int threads) {
    double alpha = alpha(dims);
    double exponent = (alpha + 1) / 2;
    double c = 2 * (alpha + 1) / alpha;
    int[] rowStart = p.rowStart;
    int[] cols = p.cols;
    double[] vals = p.vals;
    Parallel.forRange(p.n, threads, (chunk, from, to) -> {
      double[] g = new double[dims];
      for (int i = from; i < to; i++) {
        Arrays.fill(g, 0);
        double kl = 0;
        for (int e = rowStart[i]; e < rowStart[i + 1]; e++) {
          int j = cols[e];
          double t = alpha / (alpha + sqdist(y, i, j, dims));
          double pij = vals[e];
          double f = exaggeration * pij * t;
          for (int k = 0; k < dims; k++) {
            g[k] += f * (y[i * dims + k] - y[j * dims + k]);
          }
          if (error) {
            double w = alpha == 1 ? t : Math.pow(t, exponent);
            kl += pij * Math.log(Math.max(pij, FLOAT32_TINY) / Math.max(w / z, FLOAT32_TINY));
          }
        }
        for (int k = 0; k < dims; k++) {
          grad[i * dims + k] = c * (g[k] - neg[i * dims + k] / z);
        }
        klRow[i] = kl;
      }
    });
    return error ? sum(klRow) : Double.NaN;
  }

  private static double sqdist(double[] y, int i, int j, int dims) {
    double s = 0;
    for (int k = 0; k < dims; k++) {
      double diff = y[i * dims + k] - y[j * dims + k];
      s += diff * diff;
    }
    return s;
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += v;
    }
    return s;
  }
}
