package clusterlab.core.evaluation;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes every quality index of a labelling into one {@link QualityReport}: counts, the internal
 * indices (silhouette and Dunn with the chosen distance; Davies-Bouldin, Calinski-Harabasz and the
 * sums of squares, which are Euclidean by definition) and, when reference classes are given, the
 * external ones. An index that is undefined for the labelling is reported as NaN with a note rather
 * than failing the whole report. Immutable; configured through {@link #builder()}.
 */
public final class QualityEvaluator {

  /** Names of the indices in report order (external ones only with reference classes). */
  public static final String[] INTERNAL = {"silhouette", "simplified_silhouette", "davies_bouldin",
      "calinski_harabasz", "dunn", "within_ss", "between_ss", "total_ss"};

  private final Distance distance;
  private final int threads;
  private final int silhouetteSample;
  private final long seed;
  private final boolean dunn;

  /** Euclidean, all cores, exact silhouette, Dunn on. */
  public QualityEvaluator() {
    this(builder());
  }

  private QualityEvaluator(Builder b) {
    this.distance = Check.notNull("distance", b.distance);
    Check.atLeast("silhouetteSample", b.silhouetteSample, 0);
    this.threads = b.threads;
    this.silhouetteSample = b.silhouetteSample;
    this.seed = b.seed;
    this.dunn = b.dunn;
  }

  /** Worker threads ({@code <= 0}: all cores). */
  public int threads() {
    return threads;
  }

  /** Seed of the silhouette sample (and of anything else a caller samples alongside, such as the bootstrap). */
  public long seed() {
    return seed;
  }

  /** A builder holding the defaults of {@link #QualityEvaluator()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Collects the settings; {@link #build()} validates them. */
  public static final class Builder {
    private Distance distance = Metric.EUCLIDEAN;
    private int threads;
    private int silhouetteSample;
    private long seed;
    private boolean dunn = true;

    private Builder() {
    }

    /** Distance for the silhouettes and Dunn's index. */
    public Builder distance(Distance d) {
      distance = d;
      return this;
    }

    /** Worker threads ({@code <= 0}: all cores). */
    public Builder threads(int t) {
      threads = t;
      return this;
    }

    /** Silhouette on a seeded sample of this many rows ({@code 0}: exact). */
    public Builder silhouetteSample(int size, long sampleSeed) {
      silhouetteSample = size;
      seed = sampleSeed;
      return this;
    }

    /** Whether to compute Dunn's index (O(n^2)). */
    public Builder dunn(boolean on) {
      dunn = on;
      return this;
    }

    /** The validated evaluator. */
    public QualityEvaluator build() {
      return new QualityEvaluator(this);
    }
  }

  /**
   * Evaluates {@code labels} ({@code -1} = noise) on {@code data}; {@code truth} (reference class per
   * row, or null) adds the external indices, which count noise as one more cluster.
   */
  public QualityReport evaluate(Dataset data, int[] labels, int[] truth) {
    Check.notNull("data", data);
    Labelling lab = Labelling.of(labels, data.n());
    Map<String, QualityReport.Entry> e = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    count(e, "rows", data.n());
    count(e, "clusters", lab.k());
    count(e, "noise", lab.noise());
    SilhouetteResult sil = null;
    Scatter scatter = lab.k() >= 1 ? Scatter.of(data, lab, threads) : null;
    String validity = validity(lab);
    boolean unit = unitWeights(data);
    if (validity == null && unit) {
      sil = new Silhouette(distance, threads, silhouetteSample, seed).compute(data, labels);
    }
    internal(e, "silhouette", sil == null ? Double.NaN : sil.mean(), QualityReport.Direction.HIGHER);
    internal(e, "simplified_silhouette", validity == null
        ? new SimplifiedSilhouette(distance, threads).of(data, lab, scatter) : Double.NaN, QualityReport.Direction.HIGHER);
    internal(e, "davies_bouldin", validity == null ? DaviesBouldin.of(scatter) : Double.NaN, QualityReport.Direction.LOWER);
    internal(e, "calinski_harabasz", validity == null ? CalinskiHarabasz.of(scatter) : Double.NaN,
        QualityReport.Direction.HIGHER);
    double dunnValue = Double.NaN;
    if (dunn && lab.k() >= 2 && unit) {
      dunnValue = new Dunn(distance, threads).score(data, labels);
    }
    internal(e, "dunn", dunnValue, QualityReport.Direction.HIGHER);
    internal(e, "within_ss", scatter == null ? Double.NaN : scatter.withinSS(), QualityReport.Direction.LOWER);
    internal(e, "between_ss", scatter == null ? Double.NaN : scatter.betweenSS(), QualityReport.Direction.HIGHER);
    internal(e, "total_ss", scatter == null ? Double.NaN : scatter.totalSS(), QualityReport.Direction.NONE);
    if (validity != null) {
      notes.add("silhouette, simplified silhouette, Davies-Bouldin, Calinski-Harabasz: " + validity);
    }
    if (!unit) {
      notes.add("silhouette and Dunn: rows carry weights other than 1, which these indices do not define; "
          + "the sum-of-squares indices count weights as frequencies");
    } else if (!dunn) {
      notes.add("dunn: not computed (switched off)");
    } else if (lab.k() < 2) {
      notes.add("dunn: needs at least 2 clusters, got " + lab.k());
    }
    if (silhouetteSample > 0 && sil != null && sil.evaluated() < lab.clustered()) {
      notes.add("silhouette: estimated on a random sample of " + sil.evaluated() + " rows (seed " + seed + ")");
    }
    Contingency table = null;
    if (truth != null) {
      table = Contingency.of(truth, labels);
      external(e, table);
    }
    return new QualityReport(e, notes, sil, scatter, table, null,
        distance instanceof Metric ? ((Metric) distance).id() : distance.name());
  }

  private static String validity(Labelling lab) {
    int m = lab.clustered();
    if (lab.k() < 2 || lab.k() > m - 1) {
      return "need 2 to n - 1 = " + (m - 1) + " clusters (after excluding " + lab.noise() + " noise rows), got " + lab.k();
    }
    return null;
  }

  private static boolean unitWeights(Dataset data) {
    for (int i = 0; data.isWeighted() && i < data.n(); i++) {
      if (data.weight(i) != 1.0) {
        return false;
      }
    }
    return true;
  }

  private static void external(Map<String, QualityReport.Entry> e, Contingency c) {
    ext(e, "adjusted_rand", External.adjustedRand(c));
    ext(e, "rand", External.rand(c));
    ext(e, "mutual_info", External.mutualInformation(c));
    for (External.Average a : new External.Average[] {External.Average.ARITHMETIC, External.Average.GEOMETRIC,
        External.Average.MIN, External.Average.MAX}) {
      ext(e, "nmi_" + a.id(), External.normalizedMutualInformation(c, a));
    }
    for (External.Average a : new External.Average[] {External.Average.ARITHMETIC, External.Average.GEOMETRIC,
        External.Average.MIN, External.Average.MAX}) {
      ext(e, "ami_" + a.id(), External.adjustedMutualInformation(c, a));
    }
    ext(e, "fowlkes_mallows", External.fowlkesMallows(c));
    ext(e, "homogeneity", External.homogeneity(c));
    ext(e, "completeness", External.completeness(c));
    ext(e, "v_measure", External.vMeasure(c, 1.0));
    ext(e, "purity", External.purity(c));
  }

  private static void count(Map<String, QualityReport.Entry> e, String name, double v) {
    e.put(name, new QualityReport.Entry(name, v, QualityReport.Group.COUNT, QualityReport.Direction.NONE));
  }

  private static void internal(Map<String, QualityReport.Entry> e, String name, double v, QualityReport.Direction d) {
    e.put(name, new QualityReport.Entry(name, v, QualityReport.Group.INTERNAL, d));
  }

  private static void ext(Map<String, QualityReport.Entry> e, String name, double v) {
    e.put(name, new QualityReport.Entry(name, v, QualityReport.Group.EXTERNAL, QualityReport.Direction.HIGHER));
  }
}
