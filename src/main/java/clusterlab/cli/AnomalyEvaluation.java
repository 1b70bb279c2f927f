package clusterlab.cli;

import clusterlab.core.anomaly.AnomalyMethod;
import clusterlab.weka.AnomalyRanking;
import clusterlab.weka.CommandLineData;
import clusterlab.weka.CommandLineTool;
import clusterlab.weka.Tags;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AnomalyScore;

/**
 * Compares anomaly scores on labelled data from the command line:
 * {@code java weka.Run AnomalyEvaluation -t data.arff [-c last] [-anomaly-value v] [-standardize]
 * [-F "weka.filters.unsupervised.attribute.AnomalyScore -method lof -K 20"]...}. Each filter is fitted
 * on the training file and judged on the test file (or the training file) by ROC AUC and average
 * precision against the class, and by precision and recall of its flag; without -F every ClusterLab
 * score runs with its defaults. Errors end with a one-line message and exit status 1 ({@link CommandLineTool}).
 */
public class AnomalyEvaluation extends CommandLineTool {

  private String trainFile = "";
  private String testFile = "";
  private String classIndex = "last";
  private String anomalyValue = "";
  private boolean standardize;
  private List<String> filterSpecs = new ArrayList<>();
  private String format = "text";

  @Override
  public String globalInfo() {
    return "Compares anomaly scores on labelled data from the command line by ROC AUC, average precision and the precision and recall of their flags. "
        + "Fits each anomaly-scoring filter (AnomalyScore with its options, given by -F, any number of times; without "
        + "-F every ClusterLab score with its defaults) on the training file, scores the test file (or the training "
        + "file) and ranks the scores against the class attribute, which the scores never see: a nominal class marks "
        + "anomalies by -anomaly-value (default: its least frequent value), a numeric one by 1 (0 = normal).";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tTraining data file (any format Weka reads).", "t", 1, "-t <file>"));
    v.add(new Option("\tTest data file to score (default: score the training file).", "T", 1, "-T <file>"));
    v.add(new Option("\tThe labelling attribute (index, first, last or name). (default last)", "c", 1,
        "-c <index|first|last|name>"));
    v.add(new Option("\tThe nominal class value that marks an anomaly. (default its least frequent value)",
        "anomaly-value", 1, "-anomaly-value <value>"));
    v.add(new Option("\tStandardize the attributes (Weka's Standardize, fitted on the training file) first.",
        "standardize", 0, "-standardize"));
    v.add(new Option("\tAn anomaly-scoring filter with its options; repeat to compare several. (default every "
        + "method of " + AnomalyScore.class.getName() + ")", "F", 1, "-F <filter specification>"));
    v.add(new Option("\tOutput format. (default text)", "format", 1, "-format <text|csv>"));
    return v.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    trainFile = Utils.getOption('t', options);
    testFile = Utils.getOption('T', options);
    String c = Utils.getOption('c', options);
    classIndex = c.isEmpty() ? "last" : c;
    anomalyValue = Utils.getOption("anomaly-value", options);
    standardize = Utils.getFlag("standardize", options);
    filterSpecs = new ArrayList<>();
    for (String f = Utils.getOption('F', options); !f.isEmpty(); f = Utils.getOption('F', options)) {
      filter(f);
      filterSpecs.add(f);
    }
    String fm = Utils.getOption("format", options);
    format = fm.isEmpty() ? "text" : fm.toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("csv")) {
      throw new IllegalArgumentException("-format must be text or csv, got '" + fm + "'");
    }
    Utils.checkForRemainingOptions(options);
  }

  private static Filter filter(String spec) throws Exception {
    String[] words = Utils.splitOptions(spec);
    if (words.length == 0) {
      throw new IllegalArgumentException("-F needs a filter class name, e.g. " + AnomalyScore.class.getName());
    }
    String name = words[0];
    words[0] = "";
    try {
      return (Filter) Utils.forName(Filter.class, name, words);
    } catch (Exception e) {
      throw new IllegalArgumentException("-F '" + spec + "': " + (e.getMessage() == null ? e : e.getMessage()), e);
    }
  }

  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    if (!trainFile.isEmpty()) {
      Collections.addAll(o, "-t", trainFile);
    }
    if (!testFile.isEmpty()) {
      Collections.addAll(o, "-T", testFile);
    }
    Collections.addAll(o, "-c", classIndex);
    if (!anomalyValue.isEmpty()) {
      Collections.addAll(o, "-anomaly-value", anomalyValue);
    }
    if (standardize) {
      o.add("-standardize");
    }
    for (String f : filterSpecs) {
      Collections.addAll(o, "-F", f);
    }
    Collections.addAll(o, "-format", format);
    return o.toArray(new String[0]);
  }

  @Override
  protected void execute(PrintStream out) throws Exception {
    evaluate(out);
  }

  /** Evaluates every filter and prints the table; returns the results in -F order. */
  public List<AnomalyRanking.Result> evaluate(PrintStream out) throws Exception {
    Instances train = CommandLineData.read(trainFile);
    Instances test = testFile.isEmpty() ? null : CommandLineData.read(testFile);
    train.setClassIndex(CommandLineData.attributeIndex(train, classIndex, "-c"));
    if (test != null) {
      test.setClassIndex(train.classIndex());
    }
    List<String> specs = new ArrayList<>(filterSpecs);
    if (specs.isEmpty()) {
      for (AnomalyMethod m : AnomalyMethod.values()) {
        specs.add(AnomalyScore.class.getName() + " -method " + Tags.word(m));
      }
    }
    List<AnomalyRanking.Result> results = new ArrayList<>();
    for (String spec : specs) {
      results.add(AnomalyRanking.evaluate(filter(spec), standardize, train, test, anomalyValue));
    }
    print(out, train, specs, results);
    return results;
  }

  private void print(PrintStream out, Instances train, List<String> specs, List<AnomalyRanking.Result> results) {
    if (format.equals("csv")) {
      out.println("filter,rows_scored,anomalies,roc_auc,average_precision,flagged,precision,recall,seconds_fit,seconds_score");
      for (int i = 0; i < specs.size(); i++) {
        AnomalyRanking.Result r = results.get(i);
        out.println(String.format(Locale.ROOT, "\"%s\",%d,%d,%.6f,%.6f,%s,%.6f,%.6f,%.3f,%.3f",
            specs.get(i).replace("\"", "\"\""), r.scoredRows, r.anomalies, r.rocAuc, r.averagePrecision,
            r.flagged < 0 ? "" : "" + r.flagged, r.precision, r.recall, r.trainingSeconds, r.scoringSeconds));
      }
      return;
    }
    AnomalyRanking.Result first = results.get(0);
    out.println("Anomaly scores on " + train.relationName() + (testFile.isEmpty() ? " (training rows)" : " (test file "
        + testFile + ")") + ": class '" + train.classAttribute().name() + "', anomaly = " + first.anomalyValue + ", "
        + first.anomalies + " of " + first.scoredRows + " rows" + (standardize ? ", standardized" : ""));
    out.println();
    out.println(String.format(Locale.ROOT, "%-8s %8s %8s %8s %9s %8s  %s", "method", "ROC AUC", "avg prec", "flagged",
        "precision", "recall", "filter options"));
    for (int i = 0; i < specs.size(); i++) {
      AnomalyRanking.Result r = results.get(i);
      String[] words;
      try {
        words = Utils.splitOptions(specs.get(i));
      } catch (Exception e) {
        words = new String[] {specs.get(i)};
      }
      String method = "?";
      for (int w = 0; w + 1 < words.length; w++) {
        if (words[w].equals("-method")) {
          method = words[w + 1];
        }
      }
      if (method.equals("?") && words[0].equals(AnomalyScore.class.getName())) {
        method = "lof";
      }
      String rest = String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length));
      out.println(String.format(Locale.ROOT, "%-8s %8.4f %8.4f %8s %9s %8s  %s", method, r.rocAuc, r.averagePrecision,
          r.flagged < 0 ? "-" : "" + r.flagged, r.flagged < 0 ? "-" : String.format(Locale.ROOT, "%.4f", r.precision),
          r.flagged < 0 ? "-" : String.format(Locale.ROOT, "%.4f", r.recall), rest));
    }
  }

  public static void main(String[] args) {
    main(new AnomalyEvaluation(), args);
  }
}
