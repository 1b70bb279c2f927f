package clusterlab.weka;

import clusterlab.core.anomaly.RankingMetrics;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AnomalyScore;
import weka.filters.unsupervised.attribute.Standardize;

/**
 * Evaluates an anomaly-scoring filter against known labels, shared by the command line
 * ({@code AnomalyEvaluation}) and the Experimenter ({@code AnomalySplitEvaluator}): the filter is fitted
 * on the training set (its first batch), the evaluated set is scored, and the scores are ranked
 * against the class attribute, which the filter ignores. ROC AUC and average precision judge the
 * ranking, precision and recall the flag, when the filter appends one.
 *
 * <p>The label: a nominal class is an anomaly where it takes the given value (by default its least
 * frequent value in the training set); a numeric class must be 0 (normal) or 1 (anomaly).
 */
public final class AnomalyRanking {

  /** One evaluation's figures; NaN where undefined (no anomaly, nothing flagged). */
  public static final class Result {
    public int trainingRows;
    public int evaluatedRows;
    public int scoredRows;
    public int anomalies;
    public int flagged = -1;
    public double rocAuc = Double.NaN;
    public double averagePrecision = Double.NaN;
    public double precision = Double.NaN;
    public double recall = Double.NaN;
    public double trainingSeconds;
    public double scoringSeconds;
    public String anomalyValue;
    public String filterSummary;

    /** The figures as "name: value" lines. */
    public String toText() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "anomaly label        %s%n", anomalyValue));
      sb.append(String.format(Locale.ROOT, "rows scored          %d of %d (%d anomalies)%n", scoredRows, evaluatedRows,
          anomalies));
      sb.append(String.format(Locale.ROOT, "ROC AUC              %.4f%n", rocAuc));
      sb.append(String.format(Locale.ROOT, "average precision    %.4f%n", averagePrecision));
      if (flagged >= 0) {
        sb.append(String.format(Locale.ROOT, "flagged              %d%n", flagged));
        sb.append(String.format(Locale.ROOT, "precision of flags   %.4f%n", precision));
        sb.append(String.format(Locale.ROOT, "recall of flags      %.4f%n", recall));
      }
      sb.append(String.format(Locale.ROOT, "time fit / score (s) %.3f / %.3f%n", trainingSeconds, scoringSeconds));
      return sb.toString();
    }
  }

  private AnomalyRanking() {
  }

  /**
   * Fits {@code filter} (a copy) on {@code train}, scores {@code test} (or the training rows when
   * {@code test} is null) and ranks the scores against the class attribute.
   *
   * @param filter a filter appending {@link AnomalyScore#SCORE_ATTRIBUTE} (AnomalyScore, or a MultiFilter ending in it)
   * @param standardize put Weka's Standardize (fitted on the training set) in front of the filter
   * @param anomalyValue the nominal class value that marks an anomaly, or empty for the least frequent one
   */
  public static Result evaluate(Filter filter, boolean standardize, Instances train, Instances test,
      String anomalyValue) throws Exception {
    if (train.classIndex() < 0) {
      throw new IllegalArgumentException("no class attribute: set the attribute that labels the anomalies as the class"
          + " (-c on the command line); the scores are ranked against it and it is not used to score");
    }
    Result r = new Result();
    r.anomalyValue = anomalyValue(train, anomalyValue);
    Filter f = Filter.makeCopy(filter);
    Standardize s = standardize ? new Standardize() : null;
    long t0 = System.nanoTime();
    Instances trainIn = train;
    if (s != null) {
      s.setInputFormat(train);
      trainIn = Filter.useFilter(train, s);
    }
    f.setInputFormat(trainIn);
    Instances scoredTrain = Filter.useFilter(trainIn, f);
    long t1 = System.nanoTime();
    Instances evaluated = test == null ? train : test;
    Instances scored = scoredTrain;
    if (test != null) {
      String why = train.equalHeadersMsg(test);
      if (why != null) {
        throw new IllegalArgumentException("the test set does not have the training set's attributes: " + why);
      }
      scored = Filter.useFilter(s == null ? test : Filter.useFilter(test, s), f);
    }
    long t2 = System.nanoTime();
    r.trainingSeconds = (t1 - t0) / 1e9;
    r.scoringSeconds = (test == null ? 0 : t2 - t1) / 1e9;
    r.trainingRows = train.numInstances();
    r.evaluatedRows = evaluated.numInstances();
    r.filterSummary = f.toString();
    rank(r, scored, evaluated);
    return r;
  }

  private static void rank(Result r, Instances scored, Instances evaluated) {
    Attribute scoreAtt = scored.attribute(AnomalyScore.SCORE_ATTRIBUTE);
    if (scoreAtt == null) {
      throw new IllegalArgumentException("the filter appended no '" + AnomalyScore.SCORE_ATTRIBUTE + "' attribute: use "
          + AnomalyScore.class.getName() + " (or a MultiFilter ending with it)");
    }
    Attribute flagAtt = scored.attribute(AnomalyScore.FLAG_ATTRIBUTE);
    int n = evaluated.numInstances();
    double[] scores = new double[n];
    boolean[] anomaly = new boolean[n];
    boolean[] flags = new boolean[n];
    double[] weights = new double[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (scored.instance(i).isMissing(scoreAtt) || evaluated.instance(i).classIsMissing()) {
        continue;
      }
      scores[m] = scored.instance(i).value(scoreAtt);
      anomaly[m] = isAnomaly(evaluated, i, r.anomalyValue);
      flags[m] = flagAtt != null && scored.instance(i).value(flagAtt) == 1;
      weights[m] = evaluated.instance(i).weight();
      m++;
    }
    scores = java.util.Arrays.copyOf(scores, m);
    anomaly = java.util.Arrays.copyOf(anomaly, m);
    flags = java.util.Arrays.copyOf(flags, m);
    weights = java.util.Arrays.copyOf(weights, m);
    r.scoredRows = m;
    for (boolean a : anomaly) {
      r.anomalies += a ? 1 : 0;
    }
    if (m == 0) {
      return;
    }
    r.rocAuc = RankingMetrics.rocAuc(scores, anomaly, weights);
    r.averagePrecision = RankingMetrics.averagePrecision(scores, anomaly, weights);
    if (flagAtt != null) {
      r.flagged = 0;
      for (boolean b : flags) {
        r.flagged += b ? 1 : 0;
      }
      r.precision = RankingMetrics.precision(flags, anomaly, weights);
      r.recall = RankingMetrics.recall(flags, anomaly, weights);
    }
  }

  private static boolean isAnomaly(Instances data, int i, String value) {
    Attribute c = data.classAttribute();
    if (c.isNominal()) {
      return data.instance(i).stringValue(c).equals(value);
    }
    return data.instance(i).classValue() == 1;
  }

  /** The class value that marks anomalies: the given one (checked), or the least frequent nominal value. */
  static String anomalyValue(Instances train, String given) {
    Attribute c = train.classAttribute();
    if (c.isNumeric()) {
      if (given != null && !given.isEmpty()) {
        throw new IllegalArgumentException("class attribute '" + c.name() + "' is numeric: anomalies are its 1"
            + " values (0 = normal); -anomaly-value applies to a nominal class only");
      }
      for (int i = 0; i < train.numInstances(); i++) {
        double v = train.instance(i).classValue();
        if (!train.instance(i).classIsMissing() && v != 0 && v != 1) {
          throw new IllegalArgumentException("numeric class attribute '" + c.name() + "' must be 0 (normal) or 1"
              + " (anomaly), row " + (i + 1) + " has " + v + "; choose the labelling attribute with -c");
        }
      }
      return "1 in " + c.name();
    }
    if (!c.isNominal()) {
      throw new IllegalArgumentException("class attribute '" + c.name() + "' must be nominal (anomaly/normal) or numeric"
          + " (0 = normal), it is " + Attribute.typeToString(c));
    }
    if (given != null && !given.isEmpty()) {
      if (c.indexOfValue(given) < 0) {
        throw new IllegalArgumentException("class attribute '" + c.name() + "' has no value '" + given + "'; its values"
            + " are " + values(c));
      }
      return given;
    }
    int[] counts = train.attributeStats(train.classIndex()).nominalCounts;
    int best = -1;
    for (int v = 0; v < counts.length; v++) {
      if (counts[v] > 0 && (best < 0 || counts[v] < counts[best])) {
        best = v;
      }
    }
    if (best < 0) {
      throw new IllegalArgumentException("class attribute '" + c.name() + "' has no values: nothing to evaluate against");
    }
    return c.value(best);
  }

  private static String values(Attribute c) {
    StringBuilder sb = new StringBuilder();
    for (int v = 0; v < c.numValues(); v++) {
      sb.append(v == 0 ? "" : ", ").append(c.value(v));
    }
    return sb.toString();
  }
}
