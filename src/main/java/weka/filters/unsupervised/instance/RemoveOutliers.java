package weka.filters.unsupervised.instance;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.prep.OutlierDetector.Method;
import clusterlab.core.prep.OutlierDetector;
import clusterlab.core.prep.OutlierResult;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.ParallelFilter;
import clusterlab.weka.PrepCapabilities;
import clusterlab.weka.PreprocessLog;
import clusterlab.weka.Tags;
import java.util.ArrayList;
import java.util.Locale;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Weka instance filter over {@link OutlierDetector}: removes (or keeps only, or flags) the instances
 * that a z-score, robust z-score, IQR or local-outlier-factor rule calls outliers, and reports how
 * many were removed and why.
 */
public class RemoveOutliers extends ParallelFilter implements UnsupervisedFilter, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private Method method = Method.ROBUST_Z;
  private double threshold = Method.ROBUST_Z.defaultThreshold();
  private int numNeighbours = 20;
  private boolean invert;
  private boolean flagOnly;

  private InstancesConverter columns;
  private int[] numeric;
  private OutlierDetector detector;
  private OutlierResult firstBatch;

  public String globalInfo() {
    return "Removes, keeps only or flags the outlying instances by z-score, robust z-score, IQR fences or local outlier factor. "
        + "Instances are judged on the numeric attributes (the class is ignored) by one of four rules:\n"
        + "- z: |x - mean| / standard deviation (population) on any attribute above the threshold (default 3);\n"
        + "- robust-z: modified z-score 0.6745 |x - median| / MAD (Iglewicz and Hoaglin) above the threshold "
        + "(default 3.5);\n"
        + "- iqr: Tukey's fences, more than threshold x IQR (default 1.5) below Q1 or above Q3;\n"
        + "- lof: local outlier factor (Breunig et al., scikit-learn's definition with numNeighbours) above the "
        + "threshold (default 1.5); needs complete data.\n"
        + "The threshold starts at the rule's default (0 also means it). The univariate rules ignore missing values. invert keeps only the "
        + "outliers (anomaly detection); flagOnly keeps every instance and appends the attributes 'outlier' (no/yes) "
        + "and 'outlierScore' instead. The counts removed, and for the univariate rules the attribute responsible, "
        + "are reported in the Explorer's log and status bar (when applied in the Preprocess panel), by toString, in "
        + "Weka's log and, with -output-debug-info, on the console.\n\n"
        + "Only the first batch is filtered: later batches (test data in a FilteredClassifier) pass through unchanged, "
        + "as with Weka's other data-cleaning instance filters; with flagOnly they are flagged with the first batch's "
        + "statistics (LOF flags of later instances are missing, as LOF is defined relative to the first batch).\n\n"
        + "For more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.INPROCEEDINGS);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Markus M. Breunig and Hans-Peter Kriegel and Raymond T. Ng and Joerg Sander");
    t.setValue(TechnicalInformation.Field.TITLE, "LOF: Identifying Density-Based Local Outliers");
    t.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 2000 ACM SIGMOD International Conference on Management of Data");
    t.setValue(TechnicalInformation.Field.PAGES, "93-104");
    t.setValue(TechnicalInformation.Field.YEAR, "2000");
    TechnicalInformation ih = t.add(TechnicalInformation.Type.BOOK);
    ih.setValue(TechnicalInformation.Field.AUTHOR, "Boris Iglewicz and David C. Hoaglin");
    ih.setValue(TechnicalInformation.Field.TITLE, "How to Detect and Handle Outliers");
    ih.setValue(TechnicalInformation.Field.PUBLISHER, "ASQC Quality Press");
    ih.setValue(TechnicalInformation.Field.YEAR, "1993");
    TechnicalInformation tk = t.add(TechnicalInformation.Type.BOOK);
    tk.setValue(TechnicalInformation.Field.AUTHOR, "John W. Tukey");
    tk.setValue(TechnicalInformation.Field.TITLE, "Exploratory Data Analysis");
    tk.setValue(TechnicalInformation.Field.PUBLISHER, "Addison-Wesley");
    tk.setValue(TechnicalInformation.Field.YEAR, "1977");
    return t;
  }

  /** Without -T the threshold is the chosen rule's own default (not the default rule's). */
  @Override
  public void setOptions(String[] options) throws Exception {
    boolean thresholdGiven = weka.core.Utils.getOptionPos('T', options) >= 0;
    super.setOptions(options);
    if (!thresholdGiven) {
      threshold = method.defaultThreshold();
    }
  }

  @Override
  public Capabilities getCapabilities() {
    return PrepCapabilities.passThroughAll(super.getCapabilities());
  }

  @Override
  protected Instances determineOutputFormat(Instances input) {
    Instances out = new Instances(input, 0);
    if (flagOnly) {
      ArrayList<String> noYes = new ArrayList<>();
      noYes.add("no");
      noYes.add("yes");
      out.insertAttributeAt(new Attribute("outlier", noYes), out.numAttributes());
      out.insertAttributeAt(new Attribute("outlierScore"), out.numAttributes());
    }
    return out;
  }

  private double effectiveThreshold() {
    return threshold;
  }

  @Override
  protected Instances process(Instances data) {
    int n = data.numInstances();
    OutlierResult r;
    if (!isFirstBatchDone()) {
      columns = InstancesConverter.forFilter(data, false);
      numeric = columns.attributes();
      if (numeric.length == 0) {
        // nothing to score: nominal and string attributes are not judged, every instance is kept
        detector = null;
        firstBatch = null;
        report(data);
        return flagOnly ? flagged(data, null) : new Instances(data);
      }
      double[] v = columns.read(data);
      if (method == Method.LOF) {
        for (int e = 0; e < v.length; e++) {
          if (Double.isNaN(v[e])) {
            throw new IllegalArgumentException("the lof method needs complete data but instance " + (e / numeric.length + 1)
                + " has a missing value in '" + data.attribute(numeric[e % numeric.length]).name()
                + "': impute first (MedianImputer, KNNImputer) or use the z, robust-z or iqr method");
          }
        }
        detector = null;
        r = n < 2 ? null : OutlierDetector.lof(Dataset.of(v, n, numeric.length), numNeighbours, effectiveThreshold(),
            threads());
      } else {
        detector = OutlierDetector.fit(method, v, n, numeric.length);
        r = detector.score(v, n, effectiveThreshold());
      }
      firstBatch = r;
      report(data);
    } else {
      r = detector == null ? null : detector.score(columns.read(data), n, effectiveThreshold());
      if (!flagOnly) {
        return new Instances(data);
      }
    }
    return flagOnly ? flagged(data, r) : kept(data, r, !isFirstBatchDone());
  }

  private Instances kept(Instances data, OutlierResult r, boolean filter) {
    Instances out = new Instances(data, data.numInstances());
    for (int i = 0; i < data.numInstances(); i++) {
      boolean outlier = r != null && r.isOutlier(i);
      if (!filter || outlier == invert) {
        out.add(data.instance(i));
      }
    }
    return out;
  }

  private Instances flagged(Instances data, OutlierResult r) {
    Instances out = determineOutputFormat(data);
    int a = data.numAttributes();
    for (int i = 0; i < data.numInstances(); i++) {
      Instance inst = data.instance(i);
      double[] vals = new double[a + 2];
      for (int j = 0; j < a; j++) {
        Attribute att = out.attribute(j);
        if (inst.isMissing(j)) {
          vals[j] = weka.core.Utils.missingValue();
        } else if (att.isString()) {
          vals[j] = att.addStringValue(inst.stringValue(j));
        } else if (att.isRelationValued()) {
          vals[j] = att.addRelation(inst.relationalValue(j));
        } else {
          vals[j] = inst.value(j);
        }
      }
      vals[a] = r == null ? weka.core.Utils.missingValue() : (r.isOutlier(i) ? 1 : 0);
      vals[a + 1] = r == null ? weka.core.Utils.missingValue() : finite(r.score(i));
      out.add(new DenseInstance(inst.weight(), vals));
    }
    return out;
  }

  private static double finite(double s) {
    return Double.isInfinite(s) ? Double.MAX_VALUE : s;
  }

  /**
   * Says what the first batch did: in the Explorer's log and status bar when the Preprocess panel runs
   * the filter ({@link PreprocessLog}), in Weka's log otherwise, and on stderr with -output-debug-info.
   */
  private void report(Instances data) {
    String summary = summary();
    if (!PreprocessLog.report(summary, statusLine())) {
      weka.core.logging.Logger.log(weka.core.logging.Logger.Level.INFO, summary);
    }
    if (getDebug()) {
      System.err.println(summary);
    }
  }

  /** One line for a status bar: what happened to how many instances, by which rule. */
  String statusLine() {
    if (firstBatch == null) {
      return "RemoveOutliers: nothing scored (no numeric attribute, or fewer than 2 instances for lof); every instance kept";
    }
    int count = firstBatch.outliers();
    int n = firstBatch.n();
    String rule = String.format(Locale.ROOT, "%s score > %.4g", Tags.word(method), effectiveThreshold());
    String what = flagOnly ? String.format(Locale.ROOT, "flagged %d of %d instances as outliers, removed none", count, n)
        : invert ? String.format(Locale.ROOT, "kept the %d outliers of %d instances, removed %d", count, n, n - count)
        : String.format(Locale.ROOT, "removed %d of %d instances", count, n);
    return "RemoveOutliers: " + what + " (" + rule + ")";
  }

  /** Scores of the first batch, or null before (or for LOF on fewer than 2 instances). */
  public OutlierResult getFirstBatchResult() {
    return firstBatch;
  }

  private String summary() {
    if (firstBatch == null) {
      return "RemoveOutliers: nothing scored (no numeric attribute besides the class, or fewer than 2 instances for "
          + "lof); every instance kept.";
    }
    StringBuilder sb = new StringBuilder();
    int count = firstBatch.outliers();
    int n = firstBatch.n();
    sb.append(String.format(Locale.ROOT, "RemoveOutliers (ClusterLab): method %s, threshold %.4g: %d of %d instances "
        + "are outliers; %s.%n", Tags.word(method), effectiveThreshold(), count, n,
        flagOnly ? "all flagged, none removed" : invert ? "kept only those " + count + ", removed " + (n - count)
        : "removed " + count));
    if (method != Method.LOF && count > 0) {
      int[] per = firstBatch.outliersPerColumn(numeric.length);
      sb.append("Outliers by the attribute with the most extreme score:\n");
      for (int j = 0; j < numeric.length; j++) {
        if (per[j] > 0) {
          sb.append(String.format(Locale.ROOT, "  %-24s %d%n", getInputFormat().attribute(numeric[j]).name(), per[j]));
        }
      }
    }
    return sb.toString();
  }

  @OptionMetadata(displayName = "method", description = "Outlier rule: z, robust-z, iqr or lof.",
      commandLineParamName = "M", commandLineParamSynopsis = "-M <z|robust-z|iqr|lof>", displayOrder = 1)
  public SelectedTag getMethod() {
    return Tags.select(method);
  }

  /** Changing the rule moves a threshold left at the old rule's default to the new rule's default. */
  public void setMethod(SelectedTag tag) {
    Method old = method;
    method = Tags.value(tag, Method.class);
    if (threshold == old.defaultThreshold()) {
      threshold = method.defaultThreshold();
    }
  }

  @OptionMetadata(displayName = "threshold", description = "Scores above this are outliers. Each rule starts at its "
      + "conventional value (z 3, robust-z 3.5, iqr 1.5, lof 1.5); 0 also means that value.",
      commandLineParamName = "T", commandLineParamSynopsis = "-T <double>", displayOrder = 2)
  public double getThreshold() {
    return threshold;
  }

  public void setThreshold(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("threshold must be a finite number of at least 0 (0 = the rule's default), got "
          + t);
    }
    threshold = t == 0 ? method.defaultThreshold() : t;
  }

  @OptionMetadata(displayName = "numNeighbours", description = "Neighbours for the lof rule (at least 1; "
      + "scikit-learn's default 20).", commandLineParamName = "K", commandLineParamSynopsis = "-K <int>",
      displayOrder = 3)
  public int getNumNeighbours() {
    return numNeighbours;
  }

  public void setNumNeighbours(int k) {
    Check.atLeast("numNeighbours", k, 1);
    numNeighbours = k;
  }

  @OptionMetadata(displayName = "invert", description = "Keep only the outliers (anomaly detection) instead of "
      + "removing them.", commandLineParamName = "V", commandLineParamSynopsis = "-V", commandLineParamIsFlag = true,
      displayOrder = 4)
  public boolean getInvert() {
    return invert;
  }

  public void setInvert(boolean b) {
    invert = b;
  }

  @OptionMetadata(displayName = "flagOnly", description = "Keep every instance and append the attributes 'outlier' "
      + "(no/yes) and 'outlierScore' instead of removing.", commandLineParamName = "flag",
      commandLineParamSynopsis = "-flag", commandLineParamIsFlag = true, displayOrder = 5)
  public boolean getFlagOnly() {
    return flagOnly;
  }

  public void setFlagOnly(boolean b) {
    flagOnly = b;
  }

  @Override
  public String toString() {
    return numeric == null ? "RemoveOutliers: no data filtered yet." : summary();
  }

  public static void main(String[] args) {
    runFilter(new RemoveOutliers(), args);
  }
}
