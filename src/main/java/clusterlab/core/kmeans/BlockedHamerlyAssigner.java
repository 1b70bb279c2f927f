package clusterlab.core.kmeans;

import clusterlab.core.Dataset;

/**
 * Hamerly's bounds (Hamerly 2010, "Making k-means even faster", SIAM SDM) with the full scans done
 * in the form BLAS-based k-means uses (scikit-learn's Lloyd): the squared distance from a row to a
 * centre as {@code ||x||² − 2 x·c + ||c||²}. One fused multiply-add per centre and column replaces the
 * difference, square and add of {@link CentreTable}, and each running sum is loaded and stored once
 * per four columns instead of once per column. On KMeansBench's 200,000 x 16, k = 256 shape this
 * took about 0.85 of Hamerly's CPU time at one thread (see BENCHMARKS.md, issue 19); the loop that
 * picks the two smallest of the k values now costs about as much as the dot products, and it is
 * scalar (the JIT does not vectorise minimum searches).
 *
 * <p>Why not Exponion (Newling and Fleuret 2016, "Fast k-means with accurate bounds", ICML), which
 * scans only the centres within {@code 2u(i) + s(a(i))} of the assigned centre? Measured first, on
 * KMeansBench's 200,000 x 16, k = 256 blobs (issue 19): Hamerly's test failed for 51% to 100% of the
 * rows in every one of the 30 iterations (77% on average), and for every failing row that ball held
 * all 256 centres (even the smallest ball that must hold the nearest centre, radius {@code 2u}, held
 * 93-97% of them). In 16 overlapping dimensions the rings prune nothing, so the time is in the full
 * scans, and this class makes them cheaper instead (ELKI's Exponion gained nothing reliable over its
 * Hamerly on these data either: 19.5 against 15.0 s in one run, 14.1 against 21.4 s in another).
 *
 * <p>Exactness. The dot-product form rounds differently from the canonical kernel
 * ({@link KMeansKernels#squaredDistance}) that Lloyd's labels are defined by, so its values only
 * select: both the data and the centres are first translated by the column means of the data
 * (distances do not change, and the cancellation error of the form shrinks from the size of
 * {@code ||x||²} far from the origin to the size of the spread), and for a row {@code x'} the
 * difference between the form's value and the canonical kernel's is at most
 * {@code E = (4d + 32) 2⁻⁵³ (||x'|| + max ||c'||)²}, twice the sum of the standard bounds on the
 * rounding of the translation, the two norms, the dot product and the canonical sum. A row whose two
 * smallest values are more than {@code 2E} apart takes the smallest (which the canonical kernel
 * then also ranks strictly first), and its lower bound is the second value minus {@code E}; otherwise
 * every centre within {@code 2E} of the smallest value is recomputed with the canonical kernel and
 * the nearest taken, ties to the lower index as in Lloyd. So the labels are Lloyd's, bit for bit; the
 * upper bound is always the canonical distance to the chosen centre.
 *
 * <p>Memory: Hamerly's two bounds per row (O(n)), the translated centres column by column and the
 * column means (O(kd)). {@code Math.fma} is a single instruction on every x86-64 and AArch64 CPU that
 * has FMA (x86 since 2013); where the JVM lacks the intrinsic it is emulated and slow, and
 * {@link KMeans.Algorithm#HAMERLY} is the better choice there.
 */
final class BlockedHamerlyAssigner implements Assigner {

  private final Dataset data;
  private final int k;
  private final int d;
  private final HamerlyBounds bounds;
  /** Column means of the data: the origin of the translated coordinates. */
  private final double[] mean;
  /** {@code (4d + 32) 2^-53}: the rounding budget per unit of {@code (||x'|| + max ||c'||)²}. */
  private final double errorScale;
  /** Translated centres column by column: {@code column[j][c] = c_j - mean_j}. */
  private double[][] column;
  /** Squared norms of the translated centres. */
  private double[] centreNorm;
  private double maxCentreNorm;

  BlockedHamerlyAssigner(Dataset data, int k) {
    this.data = data;
    this.k = k;
    this.d = data.d();
    this.bounds = new HamerlyBounds(data.n(), k, d);
    this.mean = columnMeans(data);
    this.errorScale = (4.0 * d + 32) * 0x1p-53;
  }

  private static double[] columnMeans(Dataset data) {
    int n = data.n();
    int d = data.d();
    double[] v = data.values();
    double[] m = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        m[j] += v[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      m[j] /= n;
    }
    return m;
  }

  @Override
  public void prepare(double[] centroids, double[] shift) {
    bounds.prepare(centroids, shift);
    column = new double[d][k];
    centreNorm = new double[k];
    double maxNorm = 0;
    for (int c = 0; c < k; c++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        double t = centroids[c * d + j] - mean[j];
        column[j][c] = t;
        norm += t * t;
      }
      centreNorm[c] = norm;
      maxNorm = Math.max(maxNorm, norm);
    }
    maxCentreNorm = Math.sqrt(maxNorm);
  }

  @Override
  public int assign(int block, int from, int to, double[] centroids, int[] labels) {
    double[] v = data.values();
    int changed = 0;
    double[] x = new double[d];
    double[] score = new double[k];
    for (int i = from; i < to; i++) {
      int a = labels[i];
      if (a >= 0 && bounds.keeps(i, a, v, centroids)) {
        continue;
      }
      double norm = translate(v, i, x);
      scores(x, score);
      changed += settle(i, norm, score, v, centroids, labels);
    }
    return changed;
  }

  /**
   * Writes row i minus the column means, times -2, to {@code out} (scaling by a power of two is
   * exact) and returns the squared norm of the translated row.
   */
  private double translate(double[] v, int i, double[] out) {
    double norm = 0;
    for (int j = 0; j < d; j++) {
      double t = v[i * d + j] - mean[j];
      out[j] = -2 * t;
      norm += t * t;
    }
    return norm;
  }

  /**
   * {@code ||c'||² − 2 x'·c'} for every translated centre c', from {@code x = −2x'} (the estimated
   * squared distance less the row's own squared norm, which does not change the ranking). Columns go
   * four at a time, so each score is loaded and stored once per four columns, with fused
   * multiply-adds (one rounding, one instruction); the loop over centres has no dependency between
   * iterations and the JIT compiles it to vector instructions. Measured on KMeansBench's k = 256,
   * d = 16 shape, this one-row loop beat two or four rows per loop (too many streams for the JIT's
   * vector loop), eight columns per loop, and tiles of 64 or 128 centres shared by 16 rows (loops too
   * short for the JIT's unrolled vector loop).
   */
  private void scores(double[] x, double[] out) {
    System.arraycopy(centreNorm, 0, out, 0, k);
    int j = 0;
    for (; j + 3 < d; j += 4) {
      double[] ca = column[j];
      double[] cb = column[j + 1];
      double[] cc = column[j + 2];
      double[] cd = column[j + 3];
      double a = x[j];
      double b = x[j + 1];
      double e = x[j + 2];
      double f = x[j + 3];
      for (int c = 0; c < k; c++) {
        out[c] = Math.fma(f, cd[c], Math.fma(e, cc[c], Math.fma(b, cb[c], Math.fma(a, ca[c], out[c]))));
      }
    }
    for (; j < d; j++) {
      double[] cj = column[j];
      double a = x[j];
      for (int c = 0; c < k; c++) {
        out[c] = Math.fma(a, cj[c], out[c]);
      }
    }
  }

  /**
   * Label and bounds of row i from its scores for all centres (see the class comment for why the
   * result is Lloyd's). Returns 1 when the label changed.
   *
   * @param norm squared norm of the translated row
   * @param score {@code ||c'||² − 2 x'·c'} per centre
   */
  private int settle(int i, double norm, double[] score, double[] v, double[] centroids, int[] labels) {
    // the two smallest scores; after the first few centres a new minimum is rare, so the branches
    // predict well (measured faster than conditional moves or minimum reductions)
    double g1 = Double.POSITIVE_INFINITY;
    double g2 = Double.POSITIVE_INFINITY;
    int best = 0;
    for (int c = 0; c < k; c++) {
      double g = score[c];
      if (g < g2) {
        if (g < g1) {
          g2 = g1;
          g1 = g;
          best = c;
        } else {
          g2 = g;
        }
      }
    }
    double e1 = norm + g1;
    double e2 = norm + g2;
    double reach = Math.sqrt(norm) + maxCentreNorm;
    double err = errorScale * reach * reach;
    double second;
    double nearest;
    if (e2 > e1 + 2 * err) {
      second = e2 - err;
      nearest = Math.sqrt(KMeansKernels.squaredDistance(v, i * d, centroids, best * d, d));
    } else {
      // a near tie: the canonical kernel decides among every centre that may be the nearest
      double limit = e1 + 2 * err;
      double bestExact = Double.POSITIVE_INFINITY;
      second = Double.POSITIVE_INFINITY;
      best = -1;
      for (int c = 0; c < k; c++) {
        double value;
        double estimate = norm + score[c];
        if (estimate <= limit) {
          value = KMeansKernels.squaredDistance(v, i * d, centroids, c * d, d);
          if (value < bestExact) {
            second = Math.min(second, bestExact);
            bestExact = value;
            best = c;
            continue;
          }
        } else {
          value = estimate - err;
        }
        second = Math.min(second, value);
      }
      nearest = Math.sqrt(bestExact);
    }
    return bounds.settle(i, nearest, Math.sqrt(Math.max(0.0, second)), best, labels);
  }

  @Override
  public double blockInertia(int block) {
    return Double.NaN;
  }
}
