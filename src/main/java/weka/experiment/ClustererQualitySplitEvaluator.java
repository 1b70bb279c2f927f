package weka.experiment;

import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.QualityEvaluator;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.weka.QualitySupport;
import clusterlab.weka.StrictOptions;
import clusterlab.weka.ThreadsOption;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.core.AdditionalMeasureProducer;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.RevisionHandler;
import weka.core.Utils;

/**
 * An Experimenter split evaluator for <b>any</b> clusterer (Weka's own accepts only density-based
 * ones and reports only the log-likelihood): trains the clusterer on the training split with the
 * class removed, assigns the test split (or, with {@code -train}, the training split), and reports
 * every ClusterLab quality index, the number of clusters, the noise count and the times, so the
 * Experimenter can compare clusterers across data sets with its paired tests.
 */
public class ClustererQualitySplitEvaluator implements SplitEvaluator, OptionHandler, AdditionalMeasureProducer,
    RevisionHandler {

  private static final long serialVersionUID = 1L;

  /** The index columns, in order; external ones are missing values without a nominal class. */
  static final String[] INDICES = {"silhouette", "simplified_silhouette", "davies_bouldin", "calinski_harabasz", "dunn",
      "within_ss", "between_ss", "total_ss", "adjusted_rand", "rand", "mutual_info", "nmi_arithmetic", "nmi_geometric",
      "nmi_min", "nmi_max", "ami_arithmetic", "ami_geometric", "ami_min", "ami_max", "fowlkes_mallows", "homogeneity",
      "completeness", "v_measure", "purity"};

  private static final String[] FIXED = {"Number_of_training_instances", "Number_of_testing_instances",
      "Number_of_clusters", "Number_of_noise", "Time_training", "Time_testing"};

  private Clusterer clusterer = new weka.clusterers.centroid.KMeans();
  private Metric distance = Metric.EUCLIDEAN;
  private int silhouetteSample;
  private long seed = 1;
  private boolean noDunn;
  private boolean onTraining;
  private int numThreads = ThreadsOption.DEFAULT;
  private String[] additional = new String[0];
  private transient QualityReport last;

  public String globalInfo() {
    return "Evaluates any clusterer in the Experimenter with every cluster quality index, the number of clusters, the noise count and the times. "
        + "A split evaluator for any clusterer: trains it on the training split (class column removed), assigns the "
        + "test split (or the training split with -train) and reports every ClusterLab cluster quality index "
        + "(silhouette, simplified silhouette, Davies-Bouldin, Calinski-Harabasz, Dunn, sums of squares and, with a "
        + "nominal class, adjusted Rand, Rand, mutual information, NMI and AMI with four averages, Fowlkes-Mallows, "
        + "homogeneity, completeness, V-measure, purity), the number of clusters, the number of unassigned (noise) "
        + "instances and the training and testing times. Undefined indices (one cluster, no class) are missing values.";
  }

  /** The options from the annotations (so help and parser agree), then -W and the clusterer's own. */
  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>(StrictOptions.listAnnotated(getClass(), Object.class));
    v.add(new Option("\tThe clusterer's full class name, its options after --. (default "
        + weka.clusterers.centroid.KMeans.class.getName() + ")", "W", 1, "-W <class name>"));
    if (clusterer instanceof OptionHandler) {
      v.add(new Option("", "", 0, "\nOptions specific to clusterer " + clusterer.getClass().getName() + ":"));
      v.addAll(Collections.list(((OptionHandler) clusterer).listOptions()));
    }
    return v.elements();
  }

  /**
   * Strict parsing ({@link StrictOptions}): a bad value fails naming its option, an unknown option
   * is refused; the clusterer follows -W and --.
   */
  @Override
  public void setOptions(String[] options) throws Exception {
    String w = Utils.getOption('W', options);
    StrictOptions.applyAnnotated(options, this, Object.class);
    setClusterer(AbstractClusterer.forName(w.isEmpty() ? weka.clusterers.centroid.KMeans.class.getName() : w,
        Utils.partitionOptions(options)));
    Utils.checkForRemainingOptions(options);
  }

  /** The settings as {@link #setOptions} reads them back: the annotated options, then -W and the clusterer's. */
  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>(StrictOptions.getAnnotated(this, Object.class));
    Collections.addAll(o, "-W", clusterer.getClass().getName(), "--");
    if (clusterer instanceof OptionHandler) {
      o.addAll(Arrays.asList(((OptionHandler) clusterer).getOptions()));
    }
    return o.toArray(new String[0]);
  }

  public Clusterer getClusterer() {
    return clusterer;
  }

  public void setClusterer(Clusterer c) {
    if (c == null) {
      throw new IllegalArgumentException("clusterer must not be null");
    }
    clusterer = c;
  }

  public String clustererTipText() {
    return "The clusterer to evaluate (any Weka clusterer).";
  }

  @OptionMetadata(displayName = "distance", description = "Distance for silhouette and Dunn: euclidean, manhattan, cosine, chebyshev or sqeuclidean. (default euclidean)",
      commandLineParamName = "distance", commandLineParamSynopsis = "-distance <name>", displayOrder = 2)
  public String getDistance() {
    return distance.id();
  }

  public void setDistance(String d) {
    distance = Metric.byId(d);
  }

  @OptionMetadata(displayName = "silhouetteSample", description = "Compute the silhouette on a random sample of this many instances (0 = exact). (default 0)",
      commandLineParamName = "silhouette-sample", commandLineParamSynopsis = "-silhouette-sample <int>", displayOrder = 3)
  public int getSilhouetteSample() {
    return silhouetteSample;
  }

  public void setSilhouetteSample(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("silhouette sample size must be at least 0 (0 = exact), got " + n);
    }
    silhouetteSample = n;
  }

  @OptionMetadata(displayName = "seed", description = "Seed of the silhouette sample. (default 1)",
      commandLineParamName = "S", commandLineParamSynopsis = "-S <long>", displayOrder = 4)
  public long getSeed() {
    return seed;
  }

  public void setSeed(long s) {
    seed = s;
  }

  @OptionMetadata(displayName = ThreadsOption.DISPLAY_NAME, description = ThreadsOption.DESCRIPTION,
      commandLineParamName = ThreadsOption.NAME, commandLineParamSynopsis = ThreadsOption.SYNOPSIS,
      displayOrder = ThreadsOption.DISPLAY_ORDER)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  @OptionMetadata(displayName = "noDunn", description = "Skip Dunn's index (quadratic time).",
      commandLineParamName = "no-dunn", commandLineParamSynopsis = "-no-dunn", commandLineParamIsFlag = true, displayOrder = 5)
  public boolean getNoDunn() {
    return noDunn;
  }

  public void setNoDunn(boolean b) {
    noDunn = b;
  }

  @OptionMetadata(displayName = "onTraining", description = "Evaluate the labelling of the training split instead of the test split.",
      commandLineParamName = "train", commandLineParamSynopsis = "-train", commandLineParamIsFlag = true, displayOrder = 6)
  public boolean getOnTraining() {
    return onTraining;
  }

  public void setOnTraining(boolean b) {
    onTraining = b;
  }

  @Override
  public void setAdditionalMeasures(String[] measures) {
    additional = measures == null ? new String[0] : measures.clone();
  }

  /**
   * The wrapped clusterer's own additional measures (as Weka's split evaluators do). The quality
   * indices are result fields already, so they are not offered a second time here.
   */
  @Override
  public Enumeration<String> enumerateMeasures() {
    Vector<String> v = new Vector<>();
    if (clusterer instanceof AdditionalMeasureProducer) {
      v.addAll(Collections.list(((AdditionalMeasureProducer) clusterer).enumerateMeasures()));
    }
    return v.elements();
  }

  /** A wrapped clusterer's additional measure, or a quality index of the last evaluation by its name. */
  @Override
  public double getMeasure(String name) {
    if (clusterer instanceof AdditionalMeasureProducer
        && Collections.list(((AdditionalMeasureProducer) clusterer).enumerateMeasures()).contains(name)) {
      return ((AdditionalMeasureProducer) clusterer).getMeasure(name);
    }
    if (last == null) {
      return Double.NaN;
    }
    return last.value(name);
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
    String opts = clusterer instanceof OptionHandler ? Utils.joinOptions(((OptionHandler) clusterer).getOptions()) : "";
    String version = clusterer instanceof Serializable
        ? "" + ObjectStreamClass.lookup(clusterer.getClass()).getSerialVersionUID() : "";
    return new Object[] {clusterer.getClass().getName(), opts, version};
  }

  @Override
  public String[] getResultNames() {
    List<String> n = new ArrayList<>(Arrays.asList(FIXED));
    n.addAll(Arrays.asList(INDICES));
    n.addAll(Arrays.asList(additional));
    return n.toArray(new String[0]);
  }

  @Override
  public Object[] getResultTypes() {
    Object[] t = new Object[FIXED.length + INDICES.length + additional.length];
    Arrays.fill(t, Double.valueOf(0));
    return t;
  }

  @Override
  public Object[] getResult(Instances train, Instances test) throws Exception {
    Instances trainNoClass = QualitySupport.withoutClass(train);
    Instances testNoClass = QualitySupport.withoutClass(test);
    Clusterer c = AbstractClusterer.makeCopy(clusterer);
    long t0 = System.nanoTime();
    c.buildClusterer(trainNoClass);
    long t1 = System.nanoTime();
    Instances evaluated = onTraining ? train : test;
    int[] labels = QualitySupport.assign(c, onTraining ? trainNoClass : testNoClass);
    long t2 = System.nanoTime();
    QualityEvaluator evaluator = QualityEvaluator.builder().distance(distance).silhouetteSample(silhouetteSample, seed)
        .dunn(!noDunn).threads(numThreads).build();
    QualityReport report = QualitySupport.evaluate(evaluated, labels, evaluator);
    last = report;
    Object[] r = new Object[FIXED.length + INDICES.length + additional.length];
    int p = 0;
    r[p++] = (double) train.numInstances();
    r[p++] = (double) test.numInstances();
    r[p++] = (double) c.numberOfClusters();
    r[p++] = report.value("noise");
    r[p++] = (t1 - t0) / 1e9;
    r[p++] = (t2 - t1) / 1e9;
    for (String name : INDICES) {
      r[p++] = report.value(name);
    }
    for (String m : additional) {
      double v = Double.NaN;
      if (c instanceof AdditionalMeasureProducer) {
        try {
          v = ((AdditionalMeasureProducer) c).getMeasure(m);
        } catch (IllegalArgumentException e) {
          v = Double.NaN;
        }
      }
      r[p++] = Double.isNaN(v) ? null : (Object) v;
    }
    clusterer = c;
    return r;
  }

  @Override
  public String getRawResultOutput() {
    StringBuilder sb = new StringBuilder(toString()).append('\n');
    sb.append("Clustering model:\n").append(clusterer).append('\n');
    if (last != null) {
      sb.append(last.toText());
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    Object[] k = getKey();
    return "ClustererQualitySplitEvaluator: " + k[0] + " " + k[1] + " (version " + k[2] + ")";
  }

  @Override
  public String getRevision() {
    return "1";
  }
}
