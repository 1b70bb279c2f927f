package clusterlab.core.kmeans;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.Arrays;

/**
 * Mini-batch k-means (Sculley 2010, "Web-scale k-means clustering", WWW), written for streams: rows
 * arrive one at a time through {@link #add}, and memory stays bounded by {@code (initSize +
 * batchSize) * d} doubles whatever the length of the stream.
 *
 * <p>The first {@code initSize} rows are buffered and clustered by full k-means (seeded as
 * configured); each centre's count starts at the weight of its cluster there, so those rows are not
 * counted twice. After that, every batch of {@code batchSize} rows is assigned to the centres as
 * they stood at the start of the batch, and then each row pulls its centre towards it with the
 * per-centre learning rate {@code w / v[c]}, {@code v[c]} being the total weight the centre has
 * absorbed (Sculley's Algorithm 1, weighted). A batch size of 1 is the online (MacQueen) update.
 *
 * <p>Mutable and not thread-safe: one stream feeds one instance.
 */
public final class MiniBatchKMeans implements clusterlab.core.Partition, java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private final int k;
  private final int d;
  private final int batchSize;
  private final int initSize;
  private final KMeansOptions initial;
  private final long seed;

  private double[] buffer;
  private double[] bufferWeights;
  private int buffered;
  private int[] batchLabels;
  private double[] centroids;
  private double[] counts;
  private long rowsSeen;
  private long batches;
  private int[] labels = new int[0];

  /**
   * <pre>{@code new MiniBatchKMeans(8, d, MiniBatchOptions.defaults(), seed)}</pre>
   *
   * @param k number of clusters, at least 1
   * @param d number of columns of every row, at least 1
   * @param options batch size, rows buffered to initialise (at least k) and the initial k-means
   * @param seed random seed of the initial k-means
   */
  public MiniBatchKMeans(int k, int d, MiniBatchOptions options, long seed) {
    Check.atLeast("k (number of clusters)", k, 1);
    Check.atLeast("d (number of columns)", d, 1);
    Check.notNull("options", options);
    this.k = k;
    this.d = d;
    this.batchSize = options.batchSize();
    this.initSize = options.initSize(k);
    this.initial = options.initial();
    this.seed = seed;
    this.buffer = new double[initSize * d];
    this.bufferWeights = new double[initSize];
  }

  /** Feeds one row ({@code x[off .. off+d)}, copied) of the given weight. */
  public void add(double[] x, int off, double weight) {
    for (int j = 0; j < d; j++) {
      if (!Double.isFinite(x[off + j])) {
        throw new IllegalArgumentException("row " + rowsSeen + " has value " + x[off + j] + " in column " + j
            + "; all values must be finite: replace missing values first");
      }
    }
    if (!(weight >= 0) || !Double.isFinite(weight)) {
      throw new IllegalArgumentException("row " + rowsSeen + " has weight " + weight + "; weights must be finite and non-negative");
    }
    System.arraycopy(x, off, buffer, buffered * d, d);
    bufferWeights[buffered++] = weight;
    rowsSeen++;
    if (centroids == null) {
      if (buffered == initSize) {
        initialise();
      }
    } else if (buffered == batchSize) {
      step();
    }
  }

  /** Processes what is buffered (call at the end of the stream); the model is then usable. */
  public void flush() {
    if (centroids == null) {
      if (buffered < k) {
        throw new IllegalArgumentException("k = " + k + " clusters need at least " + k + " rows, the stream had " + buffered);
      }
      initialise();
    } else if (buffered > 0) {
      step();
    }
  }

  private void initialise() {
    Dataset first = Dataset.weighted(Arrays.copyOf(buffer, buffered * d), buffered, d, Arrays.copyOf(bufferWeights, buffered));
    int positive = 0;
    for (int i = 0; i < buffered; i++) {
      if (bufferWeights[i] > 0) {
        positive++;
      }
    }
    if (positive < k) {
      throw new IllegalArgumentException("k = " + k + " clusters need at least " + k
          + " rows of positive weight among the first " + buffered + " rows; raise initSize or lower k");
    }
    KMeansModel m = new KMeans(k, initial).fit(first, seed, Progress.NONE);
    centroids = m.centroids();
    counts = m.clusterWeight();
    buffered = 0;
    buffer = new double[batchSize * d];
    bufferWeights = new double[batchSize];
    batchLabels = new int[batchSize];
  }

  private void step() {
    for (int i = 0; i < buffered; i++) {
      batchLabels[i] = KMeansKernels.nearest(buffer, i * d, centroids, k, d);
    }
    for (int i = 0; i < buffered; i++) {
      double w = bufferWeights[i];
      if (w == 0) {
        continue;
      }
      int c = batchLabels[i];
      counts[c] += w;
      double eta = w / counts[c];
      for (int j = 0; j < d; j++) {
        centroids[c * d + j] += eta * (buffer[i * d + j] - centroids[c * d + j]);
      }
    }
    buffered = 0;
    batches++;
  }

  /** True once the centres exist (after {@code initSize} rows or a {@link #flush()}). */
  public boolean isInitialised() {
    return centroids != null;
  }

  private void checkInitialised() {
    if (centroids == null) {
      throw new IllegalStateException("no centres yet: feed at least initSize rows or call flush()");
    }
  }

  /** Current centres, row-major {@code k * d} (a copy). */
  public double[] centroids() {
    checkInitialised();
    return centroids.clone();
  }

  /** Total weight each centre has absorbed (a copy). */
  public double[] counts() {
    checkInitialised();
    return counts.clone();
  }

  /** Nearest centre of {@code x[off ..]}. */
  public int predict(double[] x, int off) {
    checkInitialised();
    return KMeansKernels.nearest(x, off, centroids, k, d);
  }

  @Override
  public int predict(double[] row) {
    return predict(row, 0);
  }

  @Override
  public int numClusters() {
    return k;
  }

  /**
   * Labels of the rows last given to {@link #labelRows} (the training rows after batch training),
   * under the current centres; empty when none were given: a stream keeps no rows.
   */
  @Override
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Records the nearest current centre of every row of {@code data} as {@link #labels()}: what a
   * batch build does once the stream has ended, so that the model reports the training labels.
   */
  public void labelRows(Dataset data) {
    checkInitialised();
    int[] l = new int[data.n()];
    for (int i = 0; i < l.length; i++) {
      l[i] = KMeansKernels.nearest(data.values(), i * d, centroids, k, d);
    }
    labels = l;
  }

  /** Weighted sum of squared distances of {@code data}'s rows to their nearest centre. */
  public double inertia(Dataset data) {
    checkInitialised();
    double s = 0;
    for (int i = 0; i < data.n(); i++) {
      s += data.weight(i) * KMeansKernels.nearestSquaredDistance(data.values(), i * d, centroids, k, d);
    }
    return s;
  }

  public int k() {
    return k;
  }

  public int d() {
    return d;
  }

  /** Rows fed so far. */
  public long rowsSeen() {
    return rowsSeen;
  }

  /** Mini-batches processed after the initial k-means. */
  public long batches() {
    return batches;
  }

  public int batchSize() {
    return batchSize;
  }
}
