package clusterlab.core.tsne;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.parallel.Parallel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted t-SNE embedding with what a user needs to judge it: the final KL divergence, the KL
 * curve (every {@link TSNE#CHECK_EVERY} iterations), the per-point precisions of the perplexity
 * calibration, and the method and learning rate actually used.
 */
public final class TsneResult implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] embedding;
  private final int n;
  private final int dims;
  private final double[] betas;
  private final double klDivergence;
  private final int iterations;
  private final TSNE.Method method;
  private final double learningRate;
  private final double perplexity;
  private final double[][] klCurve;

  TsneResult(double[] embedding, int n, int dims, double[] betas, double kl, int iterations, TSNE.Method method,
      double learningRate, double perplexity, List<double[]> curve) {
    this.embedding = embedding;
    this.n = n;
    this.dims = dims;
    this.betas = betas;
    this.klDivergence = kl;
    this.iterations = iterations;
    this.method = method;
    this.learningRate = learningRate;
    this.perplexity = perplexity;
    this.klCurve = new ArrayList<>(curve).toArray(new double[0][]);
  }

  /** Number of embedded rows. */
  public int n() {
    return n;
  }

  /** Output dimensions (2 or 3). */
  public int dims() {
    return dims;
  }

  /** A copy of the embedding, row-major n x dims. */
  public double[] embedding() {
    return embedding.clone();
  }

  /** Coordinate {@code k} of row {@code i}. */
  public double get(int i, int k) {
    return embedding[i * dims + k];
  }

  /** Per-point precisions beta_i of the calibration: P(j|i) proportional to exp(-beta_i d_ij^2). A copy. */
  public double[] betas() {
    return betas.clone();
  }

  /** Per-point Gaussian bandwidths sigma_i = sqrt(1 / (2 beta_i)). */
  public double[] sigmas() {
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = Math.sqrt(1.0 / (2.0 * betas[i]));
    }
    return s;
  }

  /** KL(P || Q) at the last iteration. */
  public double klDivergence() {
    return klDivergence;
  }

  /** Iterations run (fewer than the maximum when the optimisation stopped making progress). */
  public int iterations() {
    return iterations;
  }

  /** The gradient method used (never AUTO). */
  public TSNE.Method method() {
    return method;
  }

  public double learningRate() {
    return learningRate;
  }

  public double perplexity() {
    return perplexity;
  }

  /** Rows of (iteration, KL divergence), one every {@link TSNE#CHECK_EVERY} iterations. */
  public double[][] klCurve() {
    double[][] c = new double[klCurve.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = klCurve[i].clone();
    }
    return c;
  }

  /**
   * Places new rows into this embedding (t-SNE itself has no out-of-sample map): each new point
   * goes to the average of its {@link Affinities#neighbours} nearest training rows' embeddings,
   * weighted by Gaussian affinities calibrated to this embedding's perplexity, the same conditional
   * P(j|new) that t-SNE would have used for it. Training rows placed this way land close to, not on,
   * their own embedding: the average pulls every point towards the middle of its neighbourhood.
   * {@link TsneTransform} optimises new points against this embedding instead (openTSNE's
   * {@code transform}); this placement is the quick alternative, one neighbour query per row.
   *
   * @param training the data this embedding was fitted on
   * @param index a neighbour index over {@code training} (Euclidean)
   * @param newRows rows with the same columns
   * @return row-major {@code newRows.n() x dims} coordinates
   */
  public double[] place(Dataset training, NeighborIndex index, Dataset newRows, int threads) {
    Check.notNull("training", training);
    Check.notNull("newRows", newRows);
    if (training.n() != n || training.d() != newRows.d()) {
      throw new IllegalArgumentException("training data (" + training.n() + " x " + training.d() + ") and new rows ("
          + newRows.n() + " x " + newRows.d() + ") do not match the embedding of " + n + " rows");
    }
    int k = Math.max(1, Math.min(n, Affinities.neighbours(n + 1, perplexity)));
    double perp = Math.min(perplexity, Math.max(1.0, k - 1.0));
    double[] out = new double[newRows.n() * dims];
    int d = newRows.d();
    double[] q = newRows.values();
    Parallel.forRange(newRows.n(), threads, (chunk, from, to) -> {
      int[] rows = new int[k];
      double[] dist = new double[k];
      double[] p = new double[k];
      for (int i = from; i < to; i++) {
        int found = index.knn(q, i * d, k, -1, rows, dist);
        for (int j = 0; j < found; j++) {
          dist[j] *= dist[j];
        }
        Affinities.calibrate(dist, 0, found, perp, p, 0);
        for (int j = 0; j < found; j++) {
          for (int c = 0; c < dims; c++) {
            out[i * dims + c] += p[j] * embedding[rows[j] * dims + c];
          }
        }
      }
    });
    return out;
  }

  /** The embedding as a dataset (n x dims). */
  public Dataset asDataset() {
    return Dataset.of(embedding.clone(), n, dims);
  }

  @Override
  public String toString() {
    return "TsneResult[n=" + n + ", dims=" + dims + ", method=" + method + ", iterations=" + iterations
        + ", KL=" + klDivergence + "]";
  }

  static Metric metric() {
    return Metric.EUCLIDEAN;
  }
}
