package clusterlab.core.tsne;

import java.io.Serializable;

/**
 * New points embedded into a fixed t-SNE embedding by {@link TsneTransform} (openTSNE's
 * {@code PartialTSNEEmbedding}): their coordinates, in the reference embedding's frame, and the
 * objective they were optimised for.
 *
 * <p>The objective is the mean over the new points of KL(P_i || Q_i), where P_i are point i's
 * conditional input affinities to its nearest training rows and Q_i its Student-t similarities to
 * every reference point, normalised over the reference points only (new points do not see each
 * other). It is recorded before the first iteration (at the median initialisation), every
 * {@link TSNE#CHECK_EVERY} iterations and after the last.
 */
public final class PartialEmbedding implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double[] embedding;
  private final int n;
  private final int dims;
  private final double[][] klCurve;

  PartialEmbedding(double[] embedding, int n, int dims, double[][] klCurve) {
    this.embedding = embedding;
    this.n = n;
    this.dims = dims;
    this.klCurve = klCurve;
  }

  /** Number of new points. */
  public int n() {
    return n;
  }

  /** Dimensions of the reference embedding. */
  public int dims() {
    return dims;
  }

  /** A copy of the coordinates, row-major {@code n x dims}. */
  public double[] embedding() {
    return embedding.clone();
  }

  /** Coordinate {@code k} of new point {@code i}. */
  public double get(int i, int k) {
    return embedding[i * dims + k];
  }

  /** The mean KL(P_i || Q_i) of the new points after the last iteration. */
  public double klDivergence() {
    return klCurve[klCurve.length - 1][1];
  }

  /** Rows of (iteration, mean KL(P_i || Q_i)): iteration 0 is the median initialisation. A copy. */
  public double[][] klCurve() {
    double[][] c = new double[klCurve.length][];
    for (int i = 0; i < c.length; i++) {
      c[i] = klCurve[i].clone();
    }
    return c;
  }

  @Override
  public String toString() {
    return "PartialEmbedding[n=" + n + ", dims=" + dims + ", KL=" + klDivergence() + "]";
  }
}
