package weka.clusterers.evaluation;

import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.weka.QualitySupport;
import clusterlab.weka.StrictOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Utils;

/**
 * Command-line cluster quality evaluation: trains a clusterer (or reads an existing labelling) and
 * prints a report like Weka's {@code ClusterEvaluation} followed by every ClusterLab quality index,
 * as text, CSV or JSON. Run it with
 * {@code java weka.Run ClusterQuality -t data.arff [-c last] -W <clusterer> -- <its options>}.
 */
public class ClusterQuality extends clusterlab.weka.CommandLineTool {

  private String trainFile = "";
  private String classIndex = "";
  private String clustererSpec = "weka.clusterers.centroid.KMeans";
  private String[] clustererOptions = new String[0];
  private String labelAttribute = "";
  private Metric distance = Metric.EUCLIDEAN;
  private int silhouetteSample;
  private long seed = 1;
  private boolean noDunn;
  private int bootstrap;
  private int numThreads;
  private String format = "text";
  private boolean csv;
  private boolean json;

  @Override
  public String globalInfo() {
    return "Evaluates a clustering with every ClusterLab quality index. It trains the clusterer given with -W on the "
        + "data (class attribute removed), or reads an existing labelling from an attribute (-label-attribute), then "
        + "prints Weka's ClusterEvaluation report (model, cluster sizes, classes-to-clusters) followed by the internal "
        + "indices (silhouette, simplified silhouette, Davies-Bouldin, Calinski-Harabasz, Dunn, within/between/total "
        + "sum of squares), the external ones when a nominal class is set with -c (adjusted Rand, Rand, NMI and AMI with "
        + "four averages, Fowlkes-Mallows, homogeneity, completeness, V-measure, purity) and, with -B, the bootstrap "
        + "Jaccard stability of each cluster (Hennig 2007). Output as text, -csv or -json. Noise (instances the "
        + "clusterer leaves unassigned) is excluded from the internal indices and counted as its own cluster by the "
        + "external ones. Nominal attributes are one-hot encoded for distances; nothing is rescaled.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tData file (any format Weka reads).", "t", 1, "-t <file>"));
    v.add(new Option("\tClass attribute (index, first or last): removed before clustering, used by the external "
        + "indices.", "c", 1, "-c <index|first|last>"));
    v.add(new Option("\tClusterer to train, options after --. (default weka.clusterers.centroid.KMeans)", "W", 1,
        "-W <class name>"));
    v.add(new Option("\tEvaluate an existing labelling held in this attribute (index, first, last or name) instead "
        + "of training a clusterer; -1, missing or 'noise' = noise.", "label-attribute", 1, "-label-attribute <att>"));
    v.add(new Option("\tDistance for silhouette and Dunn: euclidean, manhattan, cosine, chebyshev, sqeuclidean. "
        + "(default euclidean)", "distance", 1, "-distance <name>"));
    v.add(new Option("\tSilhouette on a random sample of this many instances (0 = exact). (default 0)",
        "silhouette-sample", 1, "-silhouette-sample <int>"));
    v.add(new Option("\tSeed of the silhouette sample and the bootstrap. (default 1)", "S", 1, "-S <long>"));
    v.add(new Option("\tSkip Dunn's index (quadratic time).", "no-dunn", 0, "-no-dunn"));
    v.add(new Option("\tBootstrap resamples for the per-cluster Jaccard stability (0 = off). (default 0)", "B", 1,
        "-B <int>"));
    v.add(new Option("\tWorker threads (0 = all cores). (default 0)", "num-threads", 1, "-num-threads <int>"));
    v.add(new Option("\tPrint only the indices, as CSV.", "csv", 0, "-csv"));
    v.add(new Option("\tPrint only the indices, as JSON.", "json", 0, "-json"));
    return v.elements();
  }

  /**
   * Strict parsing ({@link StrictOptions}): a bad value fails naming its option (-S abc, -B x) instead
   * of a bare NumberFormatException; the clusterer's own options follow {@code --}.
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    String w = Utils.getOption('W', options);
    clustererSpec = w.isEmpty() ? "weka.clusterers.centroid.KMeans" : w;
    StrictOptions.applyAnnotated(options, this, Object.class);
    if (csv && json) {
      throw new IllegalArgumentException("choose one output format: -csv or -json, not both");
    }
    format = csv ? "csv" : json ? "json" : "text";
    clustererOptions = Utils.partitionOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @OptionMetadata(displayName = "dataFile", description = "Data file (any format Weka reads).",
      commandLineParamName = "t", commandLineParamSynopsis = "-t <file>", displayOrder = 1)
  public String getDataFile() {
    return trainFile;
  }

  public void setDataFile(String f) {
    trainFile = f == null ? "" : f;
  }

  @OptionMetadata(displayName = "classAttribute", description = "Class attribute (index, first or last): removed before "
      + "clustering, used by the external indices.", commandLineParamName = "c",
      commandLineParamSynopsis = "-c <index|first|last>", displayOrder = 2)
  public String getClassAttribute() {
    return classIndex;
  }

  public void setClassAttribute(String c) {
    classIndex = c == null ? "" : c;
  }

  @OptionMetadata(displayName = "labelAttribute", description = "Evaluate an existing labelling held in this attribute "
      + "(index, first, last or name; -1, missing or 'noise' = noise) instead of training a clusterer.",
      commandLineParamName = "label-attribute", commandLineParamSynopsis = "-label-attribute <att>", displayOrder = 3)
  public String getLabelAttribute() {
    return labelAttribute;
  }

  public void setLabelAttribute(String a) {
    labelAttribute = a == null ? "" : a;
  }

  @OptionMetadata(displayName = "distance", description = "Distance for silhouette and Dunn: euclidean, manhattan, "
      + "cosine, chebyshev, sqeuclidean.", commandLineParamName = "distance",
      commandLineParamSynopsis = "-distance <name>", displayOrder = 4)
  public String getDistance() {
    return distance.id();
  }

  public void setDistance(String d) {
    distance = Metric.byId(d);
  }

  @OptionMetadata(displayName = "silhouetteSample", description = "Silhouette on a random sample of this many instances "
      + "(0 = exact).", commandLineParamName = "silhouette-sample", commandLineParamSynopsis = "-silhouette-sample <int>",
      displayOrder = 5)
  public int getSilhouetteSample() {
    return silhouetteSample;
  }

  public void setSilhouetteSample(int n) {
    clusterlab.core.Check.atLeast("silhouette-sample", n, 0);
    silhouetteSample = n;
  }

  @OptionMetadata(displayName = "seed", description = "Seed of the silhouette sample and the bootstrap.",
      commandLineParamName = "S", commandLineParamSynopsis = "-S <long>", displayOrder = 6)
  public long getSeed() {
    return seed;
  }

  public void setSeed(long s) {
    seed = s;
  }

  @OptionMetadata(displayName = "noDunn", description = "Skip Dunn's index (quadratic time).",
      commandLineParamName = "no-dunn", commandLineParamSynopsis = "-no-dunn", commandLineParamIsFlag = true,
      displayOrder = 7)
  public boolean getNoDunn() {
    return noDunn;
  }

  public void setNoDunn(boolean b) {
    noDunn = b;
  }

  @OptionMetadata(displayName = "bootstrap", description = "Bootstrap resamples for the per-cluster Jaccard stability "
      + "(0 = off).", commandLineParamName = "B", commandLineParamSynopsis = "-B <int>", displayOrder = 8)
  public int getBootstrap() {
    return bootstrap;
  }

  public void setBootstrap(int b) {
    clusterlab.core.Check.atLeast("B", b, 0);
    bootstrap = b;
  }

  @OptionMetadata(displayName = "numThreads", description = "Worker threads (0 = all cores).",
      commandLineParamName = "num-threads", commandLineParamSynopsis = "-num-threads <int>", displayOrder = 9)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  @OptionMetadata(displayName = "csv", description = "Print only the indices, as CSV.", commandLineParamName = "csv",
      commandLineParamSynopsis = "-csv", commandLineParamIsFlag = true, displayOrder = 10)
  public boolean getCsv() {
    return csv;
  }

  public void setCsv(boolean b) {
    csv = b;
  }

  @OptionMetadata(displayName = "json", description = "Print only the indices, as JSON.", commandLineParamName = "json",
      commandLineParamSynopsis = "-json", commandLineParamIsFlag = true, displayOrder = 11)
  public boolean getJson() {
    return json;
  }

  public void setJson(boolean b) {
    json = b;
  }

  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    if (!trainFile.isEmpty()) {
      Collections.addAll(o, "-t", trainFile);
    }
    if (!classIndex.isEmpty()) {
      Collections.addAll(o, "-c", classIndex);
    }
    if (!labelAttribute.isEmpty()) {
      Collections.addAll(o, "-label-attribute", labelAttribute);
    }
    Collections.addAll(o, "-distance", distance.id(), "-silhouette-sample", "" + silhouetteSample, "-S", "" + seed,
        "-B", "" + bootstrap, "-num-threads", "" + numThreads);
    if (noDunn) {
      o.add("-no-dunn");
    }
    if (!format.equals("text")) {
      o.add("-" + format);
    }
    Collections.addAll(o, "-W", clustererSpec);
    if (clustererOptions.length > 0) {
      o.add("--");
      o.addAll(Arrays.asList(clustererOptions));
    }
    return o.toArray(new String[0]);
  }

  @Override
  protected void execute(PrintStream out) throws Exception {
    evaluate(out);
  }

  /**
   * What one evaluation produced: the trained clusterer (null with -label-attribute), the labels of
   * the instances (-1 = noise), every index, and the text Weka's ClusterEvaluation printed. The
   * report (ClusterReport) reads its figures from here, so they are the numbers this command prints.
   */
  public static final class Result {
    public final Clusterer clusterer;
    public final int[] labels;
    public final QualityReport report;
    public final String runInformation;

    Result(Clusterer clusterer, int[] labels, QualityReport report, String runInformation) {
      this.clusterer = clusterer;
      this.labels = labels;
      this.report = report;
      this.runInformation = runInformation;
    }
  }

  /** Runs the evaluation described by the options and prints the report. */
  public void evaluate(PrintStream out) throws Exception {
    Result r = compute();
    QualityReport report = r.report;
    switch (format) {
      case "csv":
        out.print(report.toCsv());
        break;
      case "json":
        out.print(report.toJson());
        break;
      default:
        out.print(r.runInformation);
        out.println("=== Cluster quality (ClusterLab, distance " + report.distance() + ") ===\n");
        out.print(report.toText());
    }
    out.flush();
  }

  /** Runs the evaluation described by the options and returns its figures. */
  public Result compute() throws Exception {
    Instances data = clusterlab.weka.CommandLineData.read(trainFile);
    setClass(data, classIndex);
    QualitySupport.Settings s = settings();
    StringBuilder text = new StringBuilder();
    int[] labels;
    Clusterer clusterer = null;
    Instances forIndices = data;
    if (!labelAttribute.isEmpty()) {
      int att = clusterlab.weka.CommandLineData.attributeIndex(data, labelAttribute, "-label-attribute");
      if (att == data.classIndex()) {
        throw new IllegalArgumentException("the label attribute cannot also be the class (-c)");
      }
      labels = QualitySupport.labelsFromAttribute(data, att);
      weka.filters.unsupervised.attribute.Remove rm = new weka.filters.unsupervised.attribute.Remove();
      rm.setAttributeIndices("" + (att + 1));
      rm.setInputFormat(data);
      forIndices = weka.filters.Filter.useFilter(data, rm);
      text.append("=== Run information ===\n\nLabelling: attribute ").append(data.attribute(att).name())
          .append("\nRelation:  ").append(data.relationName()).append("\nInstances: ").append(data.numInstances())
          .append("\n\n");
    } else {
      clusterer = AbstractClusterer.forName(clustererSpec, clustererOptions.clone());
      Instances train = QualitySupport.withoutClass(data);
      clusterer.buildClusterer(train);
      ClusterEvaluation eval = new ClusterEvaluation();
      eval.setClusterer(clusterer);
      eval.evaluateClusterer(new Instances(data));
      labels = QualitySupport.assign(clusterer, train);
      text.append("=== Run information ===\n\nScheme:    ").append(clustererSpec).append(' ')
          .append(Utils.joinOptions(clustererOptions)).append("\nRelation:  ").append(data.relationName())
          .append("\nInstances: ").append(data.numInstances()).append("\n\n=== Model and evaluation on training set ===\n\n")
          .append(eval.clusterResultsToString()).append('\n'); // the model once: clusterResultsToString prints it
    }
    QualityReport report = QualitySupport.evaluate(forIndices, labels, s);
    if (bootstrap > 0) {
      if (clusterer == null) {
        throw new IllegalArgumentException("-B (bootstrap stability) needs a clusterer to re-run (-W), not -label-attribute");
      }
      Clusterer template = AbstractClusterer.forName(clustererSpec, clustererOptions.clone());
      report = report.withStability(QualitySupport.stability(template, data, labels, bootstrap, s));
    }
    return new Result(clusterer, labels, report, text.toString());
  }

  private QualitySupport.Settings settings() {
    QualitySupport.Settings s = new QualitySupport.Settings();
    s.distance = distance;
    s.silhouetteSample = silhouetteSample;
    s.seed = seed;
    s.dunn = !noDunn;
    s.threads = numThreads;
    return s;
  }

  private static void setClass(Instances data, String spec) {
    if (spec.isEmpty()) {
      return;
    }
    data.setClassIndex(clusterlab.weka.CommandLineData.attributeIndex(data, spec, "-c"));
  }

  /** Command line: prints the report, or the error and exits with status 1. */
  public static void main(String[] args) {
    main(new ClusterQuality(), args);
  }
}
