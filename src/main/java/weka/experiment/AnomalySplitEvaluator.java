package weka.experiment;

import clusterlab.weka.AnomalyRanking;
import clusterlab.weka.StrictOptions;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.RevisionHandler;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AnomalyScore;

/**
 * An Experimenter split evaluator for anomaly scores: fits an anomaly-scoring filter
 * ({@link AnomalyScore} with its options) on the training split, scores the test split (or the
 * training split with {@code -train}) and reports ROC AUC, average precision and the precision and
 * recall of the flag against the class attribute, which the scores never see. The Experimenter then
 * compares methods across labelled data sets with its paired tests.
 */
public class AnomalySplitEvaluator implements SplitEvaluator, OptionHandler, RevisionHandler {

  private static final long serialVersionUID = 1L;

  private static final String[] RESULTS = {"Number_of_training_instances", "Number_of_testing_instances",
      "Number_scored", "Number_of_anomalies", "ROC_AUC", "Average_precision", "Number_flagged", "Precision_flagged",
      "Recall_flagged", "Time_training", "Time_testing"};

  private Filter filter = new AnomalyScore();
  private String anomalyValue = "";
  private boolean standardize;
  private boolean onTraining;
  private transient AnomalyRanking.Result last;

  public String globalInfo() {
    return "Evaluates anomaly scores in the Experimenter by ROC AUC, average precision and the precision and recall of their flags against the class. "
        + "Fits the anomaly-scoring filter (AnomalyScore and its options) on the training split, scores the test split "
        + "(or the training split with -train) and ranks the scores against the class attribute, which the scores "
        + "never see: a nominal class marks anomalies by -anomaly-value (default its least frequent value in the "
        + "training split), a numeric one by 1 (0 = normal). With -standardize Weka's Standardize, fitted on the "
        + "training split, comes first. Undefined figures (no anomaly in the split, no flag) are missing values.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tThe anomaly-scoring filter and its options. (default " + AnomalyScore.class.getName() + ")",
        "F", 1, "-F <filter specification>"));
    v.add(new Option("\tThe nominal class value that marks an anomaly (default: its least frequent value).",
        "anomaly-value", 1, "-anomaly-value <value>"));
    v.add(new Option("\tStandardize the attributes first (fitted on the training split).", "standardize", 0,
        "-standardize"));
    v.add(new Option("\tScore and evaluate the training split instead of the test split.", "train", 0, "-train"));
    return v.elements();
  }

  /** Strict parsing ({@link StrictOptions}); the filter follows -F. */
  @Override
  public void setOptions(String[] options) throws Exception {
    String f = Utils.getOption('F', options);
    StrictOptions.applyAnnotated(options, this, Object.class);
    if (f.isEmpty()) {
      setFilter(new AnomalyScore());
    } else {
      String[] words = Utils.splitOptions(f);
      String name = words[0];
      words[0] = "";
      setFilter((Filter) Utils.forName(Filter.class, name, words));
    }
  }

  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    if (!anomalyValue.isEmpty()) {
      Collections.addAll(o, "-anomaly-value", anomalyValue);
    }
    if (standardize) {
      o.add("-standardize");
    }
    if (onTraining) {
      o.add("-train");
    }
    Collections.addAll(o, "-F", spec());
    return o.toArray(new String[0]);
  }

  private String spec() {
    String opts = filter instanceof OptionHandler ? Utils.joinOptions(((OptionHandler) filter).getOptions()) : "";
    return (filter.getClass().getName() + " " + opts).trim();
  }

  public Filter getFilter() {
    return filter;
  }

  public void setFilter(Filter f) {
    if (f == null) {
      throw new IllegalArgumentException("filter must not be null: give " + AnomalyScore.class.getName());
    }
    filter = f;
  }

  public String filterTipText() {
    return "The anomaly-scoring filter (AnomalyScore, or a MultiFilter ending with it).";
  }

  @OptionMetadata(displayName = "anomalyValue", description = "The nominal class value that marks an anomaly (empty: its least frequent value).",
      commandLineParamName = "anomaly-value", commandLineParamSynopsis = "-anomaly-value <value>", displayOrder = 2)
  public String getAnomalyValue() {
    return anomalyValue;
  }

  public void setAnomalyValue(String v) {
    anomalyValue = v == null ? "" : v;
  }

  @OptionMetadata(displayName = "standardize", description = "Standardize the attributes first (fitted on the training split).",
      commandLineParamName = "standardize", commandLineParamSynopsis = "-standardize", commandLineParamIsFlag = true,
      displayOrder = 3)
  public boolean getStandardize() {
    return standardize;
  }

  public void setStandardize(boolean b) {
    standardize = b;
  }

  @OptionMetadata(displayName = "onTraining", description = "Score and evaluate the training split instead of the test split.",
      commandLineParamName = "train", commandLineParamSynopsis = "-train", commandLineParamIsFlag = true, displayOrder = 4)
  public boolean getOnTraining() {
    return onTraining;
  }

  public void setOnTraining(boolean b) {
    onTraining = b;
  }

  /** No additional measures: every figure is a result column already. */
  @Override
  public void setAdditionalMeasures(String[] measures) {
  }

  @Override
  public String[] getKeyNames() {
    return new String[] {"Scheme", "Scheme_options", "Scheme_version_ID"};
  }

  @Override
  public Object[] getKeyTypes() {
    return new Object[] {"", "", ""};
  }

  @Override
  public Object[] getKey() {
    String opts = filter instanceof OptionHandler ? Utils.joinOptions(((OptionHandler) filter).getOptions()) : "";
    if (standardize) {
      opts = "-standardize " + opts;
    }
    return new Object[] {filter.getClass().getName(), opts,
        "" + ObjectStreamClass.lookup(filter.getClass()).getSerialVersionUID()};
  }

  @Override
  public String[] getResultNames() {
    return RESULTS.clone();
  }

  @Override
  public Object[] getResultTypes() {
    Object[] t = new Object[RESULTS.length];
    Arrays.fill(t, Double.valueOf(0));
    return t;
  }

  @Override
  public Object[] getResult(Instances train, Instances test) throws Exception {
    AnomalyRanking.Result r = AnomalyRanking.evaluate(filter, standardize, train, onTraining ? null : test,
        anomalyValue);
    last = r;
    return new Object[] {(double) train.numInstances(), (double) test.numInstances(), (double) r.scoredRows,
        (double) r.anomalies, orNull(r.rocAuc), orNull(r.averagePrecision), r.flagged < 0 ? null : (Object) (double) r.flagged,
        orNull(r.precision), orNull(r.recall), r.trainingSeconds, r.scoringSeconds};
  }

  private static Object orNull(double v) {
    return Double.isNaN(v) ? null : (Object) v;
  }

  @Override
  public String getRawResultOutput() {
    StringBuilder sb = new StringBuilder(toString()).append('\n');
    if (last != null) {
      sb.append(last.filterSummary).append('\n').append(last.toText());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    Object[] k = getKey();
    return "AnomalySplitEvaluator: " + k[0] + " " + k[1] + " (version " + k[2] + ")";
  }

  @Override
  public String getRevision() {
    return "1";
  }
}
