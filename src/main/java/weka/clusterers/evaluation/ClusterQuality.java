package weka.clusterers.evaluation;

import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.QualityEvaluator;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.weka.ClustererTool;
import clusterlab.weka.QualitySupport;
import java.io.PrintStream;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Utils;

/**
 * Command-line cluster quality evaluation: trains a clusterer (or reads an existing labelling) and
 * prints a report like Weka's {@code ClusterEvaluation} followed by every ClusterLab quality index,
 * as text, CSV or JSON. Run it with
 * {@code java weka.Run ClusterQuality -t data.arff [-c last] -W <clusterer> -- <its options>}.
 */
public class ClusterQuality extends ClustererTool {

  private Metric distance = Metric.EUCLIDEAN;
  private int silhouetteSample;
  private long seed = 1;
  private boolean noDunn;
  private int bootstrap;

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
  protected String defaultClusterer() {
    return "weka.clusterers.centroid.KMeans";
  }

  @OptionMetadata(displayName = "distance", description = "Distance for silhouette and Dunn: euclidean, manhattan, "
      + "cosine, chebyshev, sqeuclidean. (default euclidean)", commandLineParamName = "distance",
      commandLineParamSynopsis = "-distance <name>", displayOrder = 4)
  public String getDistance() {
    return distance.id();
  }

  public void setDistance(String d) {
    distance = Metric.byId(d);
  }

  @OptionMetadata(displayName = "silhouetteSample", description = "Silhouette on a random sample of this many instances "
      + "(0 = exact). (default 0)", commandLineParamName = "silhouette-sample", commandLineParamSynopsis = "-silhouette-sample <int>",
      displayOrder = 5)
  public int getSilhouetteSample() {
    return silhouetteSample;
  }

  public void setSilhouetteSample(int n) {
    clusterlab.core.Check.atLeast("silhouette-sample", n, 0);
    silhouetteSample = n;
  }

  @OptionMetadata(displayName = "seed", description = "Seed of the silhouette sample and the bootstrap. (default 1)",
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
      + "(0 = off). (default 0)", commandLineParamName = "B", commandLineParamSynopsis = "-B <int>", displayOrder = 8)
  public int getBootstrap() {
    return bootstrap;
  }

  public void setBootstrap(int b) {
    clusterlab.core.Check.atLeast("B", b, 0);
    bootstrap = b;
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
    switch (format()) {
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
    Instances data = readData();
    String labelAttribute = getLabelAttribute();
    String clustererSpec = getClusterer();
    String[] clustererOptions = clustererOptions();
    QualityEvaluator evaluator = evaluator();
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
    QualityReport report = QualitySupport.evaluate(forIndices, labels, evaluator);
    if (bootstrap > 0) {
      if (clusterer == null) {
        throw new IllegalArgumentException("-B (bootstrap stability) needs a clusterer to re-run (-W), not -label-attribute");
      }
      Clusterer template = AbstractClusterer.forName(clustererSpec, clustererOptions.clone());
      report = report.withStability(QualitySupport.stability(template, data, labels, bootstrap, seed, threads()));
    }
    return new Result(clusterer, labels, report, text.toString());
  }

  private QualityEvaluator evaluator() {
    return QualityEvaluator.builder().distance(distance).silhouetteSample(silhouetteSample, seed).dunn(!noDunn)
        .threads(threads()).build();
  }

  /** Command line: prints the report, or the error and exits with status 1. */
  public static void main(String[] args) {
    main(new ClusterQuality(), args);
  }
}
