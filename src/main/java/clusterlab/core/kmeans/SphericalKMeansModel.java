package clusterlab.core.kmeans;

import java.util.Arrays;

/**
 * A fitted spherical k-means model: unit-length concept vectors, the training labelling, each
 * training row's cosine similarity to its centre and the objective (their weighted sum).
 * Immutable and serializable.
 */
public final class SphericalKMeansModel implements clusterlab.core.Partition, java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int d;
  private final double[] centroids;
  private final int[] labels;
  private final double[] similarity;
  private final double[] clusterWeight;
  private final double objective;
  private final int iterations;
  private final boolean converged;
  private transient double[] byColumn;

  SphericalKMeansModel(int k, int d, double[] centroids, int[] labels, double[] similarity, double[] clusterWeight,
      double objective, int iterations, boolean converged) {
    this.k = k;
    this.d = d;
    this.centroids = centroids;
    this.labels = labels;
    this.similarity = similarity;
    this.clusterWeight = clusterWeight;
    this.objective = objective;
    this.iterations = iterations;
    this.converged = converged;
  }

  /** Number of clusters. */
  public int k() {
    return k;
  }

  /** Number of columns (terms). */
  public int d() {
    return d;
  }

  /** Unit-length concept vectors, row-major {@code k * d} (a copy). */
  public double[] centroids() {
    return centroids.clone();
  }

  /** Cluster of every training row (a copy). */
  public int[] labels() {
    return labels.clone();
  }

  /** Number of clusters, for the partition contract. */
  public int numClusters() {
    return k;
  }

  /** Cosine similarity of every training row to its centre (a copy). */
  public double[] similarities() {
    return similarity.clone();
  }

  /** Summed row weight of every cluster (a copy). */
  public double[] clusterWeight() {
    return clusterWeight.clone();
  }

  /** The objective: weighted sum of the rows' cosine similarities to their centres. */
  public double objective() {
    return objective;
  }

  /** Centre updates made. */
  public int iterations() {
    return iterations;
  }

  /** True when the labels (or, with a tolerance, the objective) stopped changing before the iteration limit. */
  public boolean converged() {
    return converged;
  }

  /**
   * The cluster of a dense row: the centre of highest cosine similarity (lowest index on ties).
   *
   * @throws IllegalArgumentException for a row of the wrong length or without a non-zero value
   */
  public int predict(double[] row) {
    if (row.length != d) {
      throw new IllegalArgumentException("row has " + row.length + " values, the model has " + d + " columns");
    }
    int nnz = 0;
    for (double v : row) {
      nnz += v != 0 ? 1 : 0;
    }
    int[] cols = new int[nnz];
    double[] values = new double[nnz];
    for (int j = 0, p = 0; j < d; j++) {
      if (row[j] != 0) {
        cols[p] = j;
        values[p++] = row[j];
      }
    }
    return predictSparse(cols, values, 0, nnz);
  }

  /**
   * The cluster of a sparse row given by its columns (increasing) and values: the row is scaled
   * to unit length exactly as training rows are, so a training row gets its training label.
   *
   * @throws IllegalArgumentException for a row without a non-zero value
   */
  public int predictSparse(int[] cols, double[] values, int from, int to) {
    double sq = 0;
    for (int p = from; p < to; p++) {
      sq += values[p] * values[p];
    }
    if (sq == 0) {
      throw new IllegalArgumentException("the instance has no non-zero value: an empty document has no direction"
          + " for cosine similarity and belongs to no cluster");
    }
    double norm = Math.sqrt(sq);
    double[] unit = new double[to - from];
    for (int p = from; p < to; p++) {
      unit[p - from] = values[p] / norm;
    }
    if (byColumn == null) {
      byColumn = transpose(centroids, k, d);
    }
    return mostSimilar(Arrays.copyOfRange(cols, from, to), unit, 0, unit.length, byColumn, k, new double[k]);
  }

  /** The {@code m} columns (terms) of largest weight in cluster {@code c}'s concept vector, largest first. */
  public int[] topColumns(int c, int m) {
    Integer[] idx = new Integer[d];
    for (int j = 0; j < d; j++) {
      idx[j] = j;
    }
    Arrays.sort(idx, (a, b) -> {
      int cmp = Double.compare(centroids[c * d + b], centroids[c * d + a]);
      return cmp != 0 ? cmp : Integer.compare(a, b);
    });
    int[] top = new int[Math.min(m, d)];
    for (int t = 0; t < top.length; t++) {
      top[t] = idx[t];
    }
    return top;
  }

  /** Weight of column {@code j} in cluster {@code c}'s concept vector. */
  public double centroidValue(int c, int j) {
    return centroids[c * d + j];
  }

  /** Column-major copy {@code [j * k + c]}: one sparse row against all centres touches {@code nnz * k} contiguous values. */
  static double[] transpose(double[] centres, int k, int d) {
    double[] t = new double[k * d];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        t[j * k + c] = centres[c * d + j];
      }
    }
    return t;
  }

  /** Fills {@code s} with the row's dot products with every centre and returns the argmax (lowest index on ties). */
  static int mostSimilar(int[] cols, double[] values, int from, int to, double[] byColumn, int k, double[] s) {
    Arrays.fill(s, 0);
    for (int p = from; p < to; p++) {
      double v = values[p];
      int base = cols[p] * k;
      for (int c = 0; c < k; c++) {
        s[c] += v * byColumn[base + c];
      }
    }
    int best = 0;
    for (int c = 1; c < k; c++) {
      if (s[c] > s[best]) {
        best = c;
      }
    }
    return best;
  }
}
