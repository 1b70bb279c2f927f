package clusterlab.core.select;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.evaluation.InternalIndex;
import clusterlab.core.evaluation.Scatter;
import clusterlab.core.parallel.Parallel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the number of clusters K by evaluating a clusterer over a range of K and applying one of
 * several criteria, keeping the whole curve:
 * <ul>
 * <li>the elbow of the inertia curve, found by Kneedle (Satopää et al. 2011) with its sensitivity S;
 * <li>any {@link InternalIndex} (silhouette and Calinski-Harabasz: maximum; Davies-Bouldin: minimum);
 * <li>the gap statistic (Tibshirani, Walther and Hastie 2001): {@code gap(k) = E*[log W*_k] - log W_k}
 * over B reference sets drawn uniformly in the bounding box of the data; the smallest k with
 * {@code gap(k) >= gap(k+1) - s(k+1)};
 * <li>BIC ({@code -2 log L + p ln n}, minimum): from the model's log-likelihood and parameter count
 * when the clusterer is density-based, else the BIC of the labelling read as spherical Gaussians with
 * one shared variance ({@link SphericalBic}, X-means' score for k-means, Pelleg and Moore 2000).
 * </ul>
 * The inertia of every labelling is computed here from the labels (weighted squared distances to
 * the weighted cluster means), so any clusterer can be tuned, not only k-means. The K values are
 * evaluated in parallel; each K and each reference set gets its own seed derived from the caller's,
 * so the result does not depend on the thread count.
 *
 * @param <M> the model type the clusterer produces (kept for the chosen K)
 */
public final class ChooseK<M> {

  /** Name of the elbow criterion. */
  public static final String ELBOW = "elbow";

  /** The clusterer being tuned. Must be callable from several threads at once. */
  @FunctionalInterface
  public interface Clustering<M> {
    /** Clusters {@code data} into {@code k} clusters. */
    Fit<M> fit(Dataset data, int k, long seed);
  }

  /** One clustering: labels (-1 = noise) and, for density-based clusterers, the likelihood. */
  public static final class Fit<M> {
    private final int[] labels;
    private final double logLikelihood;
    private final int parameters;
    private final M model;

    /** A clustering without likelihood. */
    public Fit(int[] labels, M model) {
      this(labels, Double.NaN, -1, model);
    }

    /**
     * @param logLikelihood total log-likelihood of the data (NaN when not density-based)
     * @param parameters number of free parameters of the model (for BIC), or -1
     */
    public Fit(int[] labels, double logLikelihood, int parameters, M model) {
      this.labels = Check.notNull("labels", labels);
      this.logLikelihood = logLikelihood;
      this.parameters = parameters;
      this.model = model;
    }

    public int[] labels() {
      return labels;
    }

    public M model() {
      return model;
    }
  }

  /** What a run returns: the curve and the model fitted at the chosen K. */
  public static final class Selection<M> {
    private final KCurve curve;
    private final M model;
    private final int[] labels;

    Selection(KCurve curve, M model, int[] labels) {
      this.curve = curve;
      this.model = model;
      this.labels = labels;
    }

    public KCurve curve() {
      return curve;
    }

    public M model() {
      return model;
    }

    /** Labels of the training rows at the chosen K (a copy). */
    public int[] labels() {
      return labels.clone();
    }
  }

  private final int[] ks;
  private final String criterion;
  private final double sensitivity;
  private final List<InternalIndex> indices;
  private final int gapReferences;
  private final int threads;

  /**
   * <pre>{@code new ChooseK<KMeansModel>(ChooseKOptions.builder().kRange(1, 8).threads(2).build())}</pre>
   *
   * @param options the K values, the criterion and what is computed for every K
   */
  public ChooseK(ChooseKOptions options) {
    Check.notNull("options", options);
    this.ks = options.ks();
    this.criterion = options.criterion();
    this.sensitivity = options.sensitivity();
    this.indices = options.indices();
    this.gapReferences = options.gapReferences();
    this.threads = options.threads();
  }

  /** Evaluates every K and chooses one. */
  public Selection<M> run(Dataset data, Clustering<M> clustering, long seed, Progress progress) {
    Check.notNull("data", data);
    Check.notNull("clustering", clustering);
    Check.enoughRows(data, ks[ks.length - 1], "K up to " + ks[ks.length - 1] + " clusters");
    int m = ks.length;
    double[] inertia = new double[m];
    double[] bic = new double[m];
    double[] gap = new double[m];
    double[] gapSe = new double[m];
    double[][] index = new double[indices.size()][m];
    List<Fit<M>> fits = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      fits.add(null);
    }
    long[] gapSeeds = new long[gapReferences];
    SplittableRandom root = new SplittableRandom(seed);
    long runSeedBase = root.nextLong();
    for (int b = 0; b < gapReferences; b++) {
      gapSeeds[b] = root.nextLong();
    }
    int[] done = new int[1];
    Progress stopOnly = stopOnly(progress);
    Parallel.forRange(m, Math.min(Parallel.threads(threads), m), (chunk, from, to) -> {
      for (int i = from; i < to; i++) {
        progress.checkCancelled();
        int k = ks[i];
        long kSeed = runSeedBase ^ (0x9E3779B97F4A7C15L * (k + 1));
        Fit<M> fit = clustering.fit(data, k, kSeed);
        checkLabels(fit.labels, data.n(), k);
        fits.set(i, fit);
        inertia[i] = withinSS(data, fit.labels);
        bic[i] = Double.isNaN(fit.logLikelihood) || fit.parameters < 0 ? SphericalBic.of(data, fit.labels, inertia[i])
            : -2 * fit.logLikelihood + fit.parameters * Math.log(data.totalWeight());
        for (int x = 0; x < indices.size(); x++) {
          index[x][i] = score(indices.get(x), data, fit.labels, stopOnly);
        }
        if (gapReferences > 0) {
          double[] logW = new double[gapReferences];
          for (int b = 0; b < gapReferences; b++) {
            progress.checkCancelled();
            Dataset ref = GapStatistic.reference(data, gapSeeds[b]);
            logW[b] = Math.log(withinSS(ref, clustering.fit(ref, k, kSeed ^ gapSeeds[b]).labels()));
          }
          double mean = 0;
          for (double v : logW) {
            mean += v;
          }
          mean /= gapReferences;
          double var = 0;
          for (double v : logW) {
            var += (v - mean) * (v - mean);
          }
          gap[i] = mean - Math.log(inertia[i]);
          gapSe[i] = Math.sqrt(var / gapReferences) * Math.sqrt(1.0 + 1.0 / gapReferences);
        }
        synchronized (done) {
          done[0]++;
          progress.report("choose-k", (double) done[0] / m, "K = " + k + " done (" + done[0] + " of " + m + ")");
        }
      }
    });
    return select(data, fits, inertia, bic, gap, gapSe, index);
  }

  private Selection<M> select(Dataset data, List<Fit<M>> fits, double[] inertia, double[] bic, double[] gap,
      double[] gapSe, double[][] index) {
    int m = ks.length;
    LinkedHashMap<String, double[]> columns = new LinkedHashMap<>();
    LinkedHashMap<String, Integer> picks = new LinkedHashMap<>();
    columns.put(KCurve.INERTIA, inertia);
    int kneeK = -1;
    if (m >= 3) {
      double[] x = new double[m];
      for (int i = 0; i < m; i++) {
        x[i] = ks[i];
      }
      double[] y = inertia.clone();
      if (isConstant(y)) {
        columns.put(KCurve.KNEEDLE_DIFFERENCE, new double[m]);
      } else {
        Kneedle.Result r = Kneedle.find(x, y, Kneedle.Curve.CONVEX, Kneedle.Direction.DECREASING, sensitivity);
        kneeK = r.found() ? ks[r.index()] : -1;
        columns.put(KCurve.KNEEDLE_DIFFERENCE, r.difference());
      }
      picks.put(ELBOW, kneeK);
    }
    for (int x = 0; x < indices.size(); x++) {
      columns.put(indices.get(x).name(), index[x]);
      picks.put(indices.get(x).name(), best(index[x], indices.get(x).higherIsBetter()));
    }
    if (gapReferences > 0) {
      columns.put(KCurve.GAP, gap);
      columns.put(KCurve.GAP_SE, gapSe);
      picks.put(KCurve.GAP, GapStatistic.choose(ks, gap, gapSe));
    }
    boolean hasBic = false;
    for (double v : bic) {
      hasBic |= !Double.isNaN(v);
    }
    if (hasBic) {
      columns.put(KCurve.BIC, bic);
      picks.put(KCurve.BIC, best(bic, false));
    }
    String note = "";
    Integer pick = picks.get(criterion);
    int chosen;
    if (pick == null) {
      throw new IllegalArgumentException("criterion '" + criterion + "' could not be computed: "
          + (criterion.equals(KCurve.BIC) ? "no K has a defined BIC (every row on its cluster centre, or as many "
              + "clusters as rows)"
              : "it needs more K values"));
    } else if (pick < 0) {
      chosen = ks[0];
      note = "criterion '" + criterion + "' found no K (e.g. no elbow on this curve); fell back to the smallest K";
    } else {
      chosen = pick;
    }
    int at = java.util.Arrays.binarySearch(ks, chosen);
    KCurve curve = new KCurve(ks.clone(), columns, picks, kneeK, criterion, chosen, note);
    return new Selection<>(curve, fits.get(at).model(), fits.get(at).labels().clone());
  }

  private int best(double[] v, boolean higher) {
    int bi = -1;
    for (int i = 0; i < v.length; i++) {
      if (!Double.isNaN(v[i]) && (bi < 0 || (higher ? v[i] > v[bi] : v[i] < v[bi]))) {
        bi = i;
      }
    }
    return bi < 0 ? -1 : ks[bi];
  }

  private static boolean isConstant(double[] y) {
    for (double v : y) {
      if (v != y[0]) {
        return false;
      }
    }
    return true;
  }

  /** The run's cancellation without its reports (an index's own progress is not the sweep's). */
  private static Progress stopOnly(Progress progress) {
    return new Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
      }

      @Override
      public boolean isCancelled() {
        return progress.isCancelled();
      }
    };
  }

  /**
   * The index of one labelling with the run's progress: a stopped run also stops the quadratic
   * indices (an exact silhouette of a large K sweep takes minutes per K on a pool thread).
   */
  private static double score(InternalIndex index, Dataset data, int[] labels, Progress progress) {
    try {
      return index.score(data, labels, progress);
    } catch (IllegalArgumentException e) {
      return Double.NaN; // undefined for this labelling (e.g. silhouette of one cluster)
    }
  }

  private static void checkLabels(int[] labels, int n, int k) {
    if (labels.length != n) {
      throw new IllegalStateException("the clusterer returned " + labels.length + " labels for " + n + " rows");
    }
  }

  /**
   * Weighted within-cluster sum of squared distances to the weighted cluster means (Tibshirani's
   * pooled W_k; equal to k-means inertia at a k-means fixed point). Noise (-1) is left out.
   */
  public static double withinSS(Dataset data, int[] labels) {
    return Scatter.of(data, labels, 1).withinSS(); // one thread: the K are already fitted in parallel
  }
}
