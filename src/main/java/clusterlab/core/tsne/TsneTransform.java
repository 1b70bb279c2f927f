package clusterlab.core.tsne;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.parallel.Parallel;
import java.util.Arrays;
import java.util.Locale;

/**
 * Embeds new rows into a fitted t-SNE embedding by optimising each new point against the fixed
 * reference embedding: openTSNE's {@code TSNEEmbedding.transform} (Poličar, Stražar and Zupan,
 * "openTSNE: a modular Python library for t-SNE dimensionality reduction and embedding", J. Stat.
 * Softw. 109(3), 2024, section "Adding new data points"). t-SNE itself has no out-of-sample map;
 * {@link TsneResult#place} only averages the neighbours' positions, which pulls every new point
 * towards the middle of its neighbourhood. Here each new point i
 * <ol>
 *   <li>gets conditional affinities P(j|i) to its {@code floor(3 * perplexity)} nearest training rows,
 *       calibrated to the transform's own perplexity (5 by default, smaller than the fit's, so a point
 *       attends to its closest neighbours), with {@link Affinities#calibrate}, and normalised per point
 *       (openTSNE's {@code PerplexityBasedNN.to_new}, point-wise normalisation, no symmetrisation);</li>
 *   <li>starts at the coordinate-wise median of the embedding of the first {@code min(k, floor(3 *
 *       perplexity))} of those neighbours (openTSNE's default {@code initialization="median"}; openTSNE
 *       slices its k = 25 from the {@code 3 * perplexity} neighbours it queried, so with the defaults 15
 *       take part);</li>
 *   <li>descends KL(P_i || Q_i), where Q_i is normalised over the reference points only
 *       ({@code pairwise_normalization=False}): the gradient is the exaggerated attraction
 *       {@code sum_j P(j|i) t_ij (y_i - y_j)} to its neighbours minus the repulsion
 *       {@code sum_j w_ij t_ij (y_i - y_j) / Z_i} from every reference point, {@code Z_i = sum_j w_ij},
 *       found with a Barnes-Hut {@link SpaceTree} built once over the reference embedding, which does
 *       not move. New points do not interact with each other.</li>
 * </ol>
 * The descent is openTSNE's {@code gradient_descent}: the gradient of each point is clipped to norm
 * {@code maxGradNorm}, then per-coordinate gains (+0.2 when the gradient's sign differs from the last
 * update's, else x0.8 + 0.01), momentum, and a fixed learning rate (defaults in {@link TransformOptions}).
 *
 * <p>Differences from openTSNE, on purpose: the reference embedding is not re-centred (openTSNE
 * translates it in place before a transform; t-SNE's objective does not change under translation, and
 * the training coordinates a caller already holds stay valid); the repulsion is always Barnes-Hut
 * (openTSNE's automatic choice below 10,000 new points; above it openTSNE interpolates on an FFT grid
 * and confines new points to the grid's disc); the Student-t kernel is the fit's
 * ({@code alpha = max(dims - 1, 1)}, so 2 degrees of freedom in 3-D where openTSNE keeps 1) and the
 * gradient is written as openTSNE's, without the constant factor {@code (alpha + 1) / alpha}, so its
 * learning rate and clipping mean the same; the calibration is scikit-learn's binary search
 * ({@link Affinities}) where openTSNE bisects its own parametrisation to 1e-8; openTSNE's optional early
 * phase ({@code early_exaggeration_iter}, 0 by default) is not offered; the reported objective is the
 * mean of the per-point KL divergences ({@link PartialEmbedding}), where openTSNE adds the log of the
 * summed normalisations of all new points.
 *
 * <p>Each new point is optimised on its own, start to end, so the result does not depend on the
 * thread count or on which other rows are in the batch. There is no randomness.
 */
public final class TsneTransform {

  /** New points optimised between two cancellation checks and progress reports. */
  static final int BLOCK = 1024;
  /** openTSNE's floor on the gains ({@code min_gain}). */
  static final double MIN_GAIN = 0.01;

  private final TransformOptions options;

  /** A transform with these settings ({@link TransformOptions#defaults()} for openTSNE's). */
  public TsneTransform(TransformOptions options) {
    this.options = Check.notNull("options", options);
  }

  public TransformOptions options() {
    return options;
  }

  /**
   * Embeds {@code newRows} into {@code reference}.
   *
   * @param reference the fitted embedding; it is not changed
   * @param training the rows {@code reference} was fitted on
   * @param index a Euclidean neighbour index over {@code training}
   * @param newRows rows with the training data's columns, at least one
   * @throws IllegalArgumentException when the sizes do not match or there are no new rows
   * @throws Progress.CancelledException when {@code progress} is cancelled (checked every {@link #BLOCK} rows)
   */
  public PartialEmbedding transform(TsneResult reference, Dataset training, NeighborIndex index, Dataset newRows,
      Progress progress) {
    check(reference, training, index, newRows);
    Check.notNull("progress", progress);
    Reference ref = new Reference(reference, options.theta());
    int m = newRows.n();
    int kAff = options.affinityNeighbours(training.n());
    progress.report("tsne-transform", 0, String.format(Locale.ROOT, "embedding %d new points against %d: "
        + "perplexity %.4g on %d neighbours, %d iterations", m, training.n(), perplexity(kAff), kAff,
        options.iterations()));
    double[] out = new double[m * ref.dims];
    double[] kl = new double[checkpoints() * m];
    for (int from = 0; from < m; from += BLOCK) {
      progress.checkCancelled();
      int start = from;
      int count = Math.min(BLOCK, m - from);
      Parallel.forRange(count, options.threads(), (chunk, lo, hi) -> {
        Scratch s = new Scratch(kAff, ref);
        for (int r = lo; r < hi; r++) {
          embedRow(start + r, newRows, index, ref, s, out, kl, m);
        }
      });
      progress.report("tsne-transform", (double) (from + count) / m, (from + count) + " of " + m + " new points");
    }
    double[][] curve = curve(kl, m);
    progress.report("tsne-transform", 1.0, String.format(Locale.ROOT, "done: mean KL divergence of the new points "
        + "%.6f (%.6f at the median initialisation)", curve[curve.length - 1][1], curve[0][1]));
    return new PartialEmbedding(out, m, ref.dims, curve);
  }

  private static void check(TsneResult reference, Dataset training, NeighborIndex index, Dataset newRows) {
    Check.notNull("reference", reference);
    Check.notNull("training", training);
    Check.notNull("index", index);
    Check.notNull("newRows", newRows);
    if (training.n() != reference.n()) {
      throw new IllegalArgumentException("the training data has " + training.n() + " rows but the embedding has "
          + reference.n() + ": pass the data the embedding was fitted on");
    }
    if (index.size() != training.n()) {
      throw new IllegalArgumentException("the neighbour index holds " + index.size() + " rows but the training data "
          + "has " + training.n() + ": build the index over the training data");
    }
    if (newRows.d() != training.d()) {
      throw new IllegalArgumentException("the new rows have " + newRows.d() + " columns but the training data has "
          + training.d() + ": new rows need the training data's columns, in the same order");
    }
    if (newRows.n() == 0) {
      throw new IllegalArgumentException("there are no new rows to embed (the new data has 0 rows)");
    }
  }

  /** openTSNE's {@code check_perplexity}: a perplexity above the neighbours available becomes a third of them. */
  private double perplexity(int kAff) {
    return options.perplexity() > kAff ? kAff / 3.0 : options.perplexity();
  }

  /** Iterations at which the objective is recorded: every {@link TSNE#CHECK_EVERY} from 0, and the end. */
  private int checkpoints() {
    return (options.iterations() + TSNE.CHECK_EVERY - 1) / TSNE.CHECK_EVERY + 1;
  }

  /** Rows of (iteration, mean KL): per-point values summed in row order, so any thread count agrees. */
  private double[][] curve(double[] kl, int m) {
    double[][] curve = new double[checkpoints()][];
    for (int c = 0; c < curve.length; c++) {
      double sum = 0;
      for (int i = 0; i < m; i++) {
        sum += kl[c * m + i];
      }
      curve[c] = new double[] {Math.min(c * TSNE.CHECK_EVERY, options.iterations()), sum / m};
    }
    return curve;
  }

  /** Affinities, initialisation and optimisation of new point {@code i}; writes its coordinates and objective. */
  private void embedRow(int i, Dataset newRows, NeighborIndex index, Reference ref, Scratch s, double[] out,
      double[] kl, int m) {
    int found = affinities(newRows, i, index, s);
    int yo = i * ref.dims;
    median(ref, s, Math.min(options.initNeighbours(), found), out, yo);
    optimise(ref, s, found, out, yo, kl, i, m);
  }

  /** P(j|i) over the nearest training rows of new row {@code i} into {@code s.rows}, {@code s.p}; returns their number. */
  private int affinities(Dataset newRows, int i, NeighborIndex index, Scratch s) {
    int found = index.knn(newRows.values(), i * newRows.d(), s.rows.length, -1, s.rows, s.dist);
    for (int e = 0; e < found; e++) {
      s.dist[e] *= s.dist[e];
    }
    Affinities.calibrate(s.dist, 0, found, perplexity(s.rows.length), s.p, 0);
    return found;
  }

  /** The coordinate-wise median of the embedding of the {@code k} nearest neighbours (numpy's median for even k). */
  private static void median(Reference ref, Scratch s, int k, double[] y, int yo) {
    for (int c = 0; c < ref.dims; c++) {
      for (int e = 0; e < k; e++) {
        s.values[e] = ref.y[s.rows[e] * ref.dims + c];
      }
      Arrays.sort(s.values, 0, k);
      y[yo + c] = (k & 1) == 1 ? s.values[k / 2] : (s.values[k / 2 - 1] + s.values[k / 2]) / 2;
    }
  }

  /** openTSNE's gradient descent for one point at {@code y[yo ..]}, recording its objective at the checkpoints. */
  private void optimise(Reference ref, Scratch s, int found, double[] y, int yo, double[] kl, int i, int m) {
    Arrays.fill(s.update, 0);
    Arrays.fill(s.gains, 1);
    int c = 0;
    for (int it = 0; it < options.iterations(); it++) {
      boolean record = it % TSNE.CHECK_EVERY == 0;
      double objective = gradient(ref, s, found, y, yo, options.exaggeration(), record);
      if (record) {
        kl[c++ * m + i] = objective;
      }
      step(s, y, yo);
    }
    kl[c * m + i] = gradient(ref, s, found, y, yo, 1.0, true);
  }

  /**
   * The gradient of point {@code y[yo ..]} into {@code s.grad}: exaggerated attraction to its
   * neighbours minus the per-point normalised repulsion from the reference; returns KL(P_i || Q_i)
   * (with P un-exaggerated) when {@code error}, NaN otherwise.
   */
  private static double gradient(Reference ref, Scratch s, int found, double[] y, int yo, double exaggeration,
      boolean error) {
    int dims = ref.dims;
    Arrays.fill(s.force, 0);
    double z = Math.max(ref.tree.repulsionOn(y, yo, ref.theta2, ref.alpha, s.force, s.stack), Double.MIN_NORMAL);
    double kl = 0;
    double sumP = 0;
    Arrays.fill(s.grad, 0);
    for (int e = 0; e < found; e++) {
      int jo = s.rows[e] * dims;
      double d2 = 0;
      for (int k = 0; k < dims; k++) {
        double diff = y[yo + k] - ref.y[jo + k];
        d2 += diff * diff;
      }
      double t = ref.alpha / (ref.alpha + d2);
      double p = s.p[e];
      double f = exaggeration * p * t;
      for (int k = 0; k < dims; k++) {
        s.grad[k] += f * (y[yo + k] - ref.y[jo + k]);
      }
      if (error && p > 0) {
        double w = ref.alpha == 1 ? t : Math.pow(t, (ref.alpha + 1) / 2);
        kl += p * Math.log(p / w);
        sumP += p;
      }
    }
    for (int k = 0; k < dims; k++) {
      s.grad[k] -= s.force[k] / z;
    }
    return error ? kl + sumP * Math.log(z) : Double.NaN;
  }

  /** One update of openTSNE's {@code gradient_descent}: clipping, gains, momentum. */
  private void step(Scratch s, double[] y, int yo) {
    double norm2 = 0;
    for (double g : s.grad) {
      norm2 += g * g;
    }
    double coeff = options.maxGradNorm() / (Math.sqrt(norm2) + 1e-6);
    double lr = options.learningRate();
    double momentum = options.momentum();
    for (int k = 0; k < s.grad.length; k++) {
      double g = coeff < 1 ? s.grad[k] * coeff : s.grad[k];
      boolean flipped = Math.signum(s.update[k]) != Math.signum(g);
      s.gains[k] = flipped ? s.gains[k] + 0.2 : s.gains[k] * 0.8 + MIN_GAIN;
      s.update[k] = momentum * s.update[k] - lr * s.gains[k] * g;
      y[yo + k] += s.update[k];
    }
  }

  /** The fixed reference: its coordinates, the tree over them (built once) and the fit's kernel. */
  private static final class Reference {
    final double[] y;
    final int dims;
    final SpaceTree tree;
    final double alpha;
    final double theta2;

    Reference(TsneResult result, double theta) {
      this.y = result.embedding();
      this.dims = result.dims();
      this.tree = new SpaceTree(dims, result.n());
      tree.build(y, result.n());
      this.alpha = Math.max(dims - 1, 1); // the Student-t degrees of freedom TSNE fitted with
      this.theta2 = theta * theta;
    }
  }

  /** Per-chunk work arrays. */
  private static final class Scratch {
    final int[] rows;
    final double[] dist;
    final double[] p;
    final double[] values;
    final double[] force;
    final double[] grad;
    final double[] update;
    final double[] gains;
    final int[] stack;

    Scratch(int k, Reference ref) {
      rows = new int[k];
      dist = new double[k];
      p = new double[k];
      values = new double[k];
      force = new double[ref.dims];
      grad = new double[ref.dims];
      update = new double[ref.dims];
      gains = new double[ref.dims];
      stack = new int[ref.tree.stackSize()];
    }
  }
}
