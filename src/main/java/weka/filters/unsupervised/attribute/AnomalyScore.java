package weka.filters.unsupervised.attribute;

import clusterlab.core.Check;
import clusterlab.core.Dataset;
import clusterlab.core.anomaly.AnomalyDetector;
import clusterlab.core.anomaly.AnomalyMethod;
import clusterlab.core.anomaly.AnomalyModel;
import clusterlab.core.anomaly.Contamination;
import clusterlab.core.anomaly.KnnDistance;
import clusterlab.core.distance.Metric;
import clusterlab.core.mixture.CovarianceType;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.ModelColumns;
import clusterlab.weka.ParallelFilter;
import clusterlab.weka.Tags;
import clusterlab.weka.WekaProgress;
import java.util.Arrays;
import java.util.List;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.filters.UnsupervisedFilter;

/**
 * Appends an anomaly score, and optionally an inlier/outlier flag, computed by one of ClusterLab's
 * scores ({@link AnomalyMethod}): GLOSH of HDBSCAN, Gaussian-mixture negative log-density, distance
 * to the nearest k-means centroid, k-th nearest-neighbour distance, local outlier factor or DBSCAN
 * noise. The model is fitted on the first batch and kept: later batches (a test set, new data) are
 * scored against it, as Weka filters do, so a threshold chosen on training data applies unchanged.
 */
public class AnomalyScore extends ParallelFilter implements UnsupervisedFilter, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  /** Name of the appended score attribute. */
  public static final String SCORE_ATTRIBUTE = "anomaly_score";
  /** Name of the appended flag attribute. */
  public static final String FLAG_ATTRIBUTE = "anomaly";
  /** The flag's values: inlier, outlier. */
  public static final List<String> FLAG_VALUES = List.of("inlier", "outlier");

  /** How the flag is decided. */
  public enum FlagRule {
    /** No flag attribute. */
    NONE,
    /** The highest-scoring fraction of the first batch (scikit-learn's contamination). */
    CONTAMINATION,
    /** Scores strictly above a fixed threshold. */
    THRESHOLD
  }

  private AnomalyMethod method = AnomalyMethod.LOF;
  private int neighbours = AnomalyDetector.DEFAULT_NEIGHBOURS;
  private KnnDistance.Aggregate aggregate = KnnDistance.Aggregate.KTH;
  private int components = AnomalyDetector.DEFAULT_COMPONENTS;
  private CovarianceType covariance = CovarianceType.FULL;
  private double eps;
  private Metric distance = Metric.EUCLIDEAN;
  private FlagRule flag = FlagRule.NONE;
  private double contamination = 0.05;
  private double threshold = 1.5;
  private long seed = 1;

  private InstancesConverter converter;
  private AnomalyModel model;
  private double cut = Double.NaN;
  private int trainedRows;
  private int flaggedRows;

  @Override
  public String globalInfo() {
    return "Appends an anomaly score (and optionally an outlier flag) from GLOSH, Gaussian-mixture log-density, centroid "
        + "distance, k-NN distance, LOF or DBSCAN noise, fitted on the first batch.\n\n"
        + "The score grows with outlyingness: lof is the local outlier factor (about 1 for inliers; Breunig et al. "
        + "2000, scikit-learn's definitions), knn the distance to the k-th nearest neighbour (or the mean of the k), "
        + "glosh HDBSCAN's GLOSH in [0, 1] with minPts = k (R dbscan::glosh), mixture the negative log-density of a "
        + "Gaussian mixture, centroid the distance to the nearest k-means centroid, dbscan 1 for DBSCAN noise and 0 "
        + "otherwise. Local scores (lof, glosh) find rows in sparse places next to dense clusters; global ones (knn, "
        + "centroid, mixture) rows far from everything. The flag ('" + FLAG_ATTRIBUTE + "': inlier/outlier) marks the "
        + "given fraction of highest-scoring first-batch rows (contamination, as scikit-learn) or the scores above a "
        + "threshold. The model sees the numeric attributes and the nominal ones one-hot encoded, as they are: nothing "
        + "is rescaled, so standardize first when units differ. The class attribute is ignored, so a labelled data set "
        + "can be scored and then evaluated (AnomalyEvaluation). Rows with a missing value get a missing score. The "
        + "first batch trains the model and gets its training scores; later batches are scored against it.\n\n"
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
    TechnicalInformation g = t.add(TechnicalInformation.Type.ARTICLE);
    g.setValue(TechnicalInformation.Field.AUTHOR, "Ricardo J. G. B. Campello and Davoud Moulavi and Arthur Zimek and Joerg Sander");
    g.setValue(TechnicalInformation.Field.TITLE, "Hierarchical Density Estimates for Data Clustering, Visualization, and Outlier Detection");
    g.setValue(TechnicalInformation.Field.JOURNAL, "ACM Transactions on Knowledge Discovery from Data");
    g.setValue(TechnicalInformation.Field.VOLUME, "10");
    g.setValue(TechnicalInformation.Field.NUMBER, "1");
    g.setValue(TechnicalInformation.Field.YEAR, "2015");
    TechnicalInformation k = t.add(TechnicalInformation.Type.INPROCEEDINGS);
    k.setValue(TechnicalInformation.Field.AUTHOR, "Sridhar Ramaswamy and Rajeev Rastogi and Kyuseok Shim");
    k.setValue(TechnicalInformation.Field.TITLE, "Efficient Algorithms for Mining Outliers from Large Data Sets");
    k.setValue(TechnicalInformation.Field.BOOKTITLE, "Proceedings of the 2000 ACM SIGMOD International Conference on Management of Data");
    k.setValue(TechnicalInformation.Field.PAGES, "427-438");
    k.setValue(TechnicalInformation.Field.YEAR, "2000");
    return t;
  }

  /**
   * Any attribute type and class, missing values: the numeric and nominal non-class attributes are
   * modelled, everything else passes through; a row with a missing modelled value gets a missing score.
   */
  @Override
  public Capabilities getCapabilities() {
    return clusterlab.weka.PrepCapabilities.passThroughAll(new Capabilities(this));
  }

  @Override
  protected Instances determineOutputFormat(Instances input) {
    Instances out = new Instances(input, 0);
    out.insertAttributeAt(new Attribute(ModelColumns.uniqueName(input, SCORE_ATTRIBUTE)), out.numAttributes());
    if (flag != FlagRule.NONE) {
      out.insertAttributeAt(new Attribute(ModelColumns.uniqueName(out, FLAG_ATTRIBUTE), FLAG_VALUES),
          out.numAttributes());
    }
    return out;
  }

  @Override
  protected Instances process(Instances input) throws Exception {
    boolean training = !isFirstBatchDone();
    Instances columns = training ? ModelColumns.of(input) : ModelColumns.like(converter.header(), input);
    double[] trainScores = training ? fit(columns) : null;
    Instances out = new Instances(getOutputFormat(), input.numInstances());
    int in = input.numAttributes();
    int t = 0; // index among the complete training rows
    int flagged = 0;
    for (int i = 0; i < input.numInstances(); i++) {
      Instance row = columns.instance(i);
      double[] v = ModelColumns.copyValues(input.instance(i), out);
      double score = Utils.missingValue();
      if (ModelColumns.complete(row)) {
        score = training ? trainScores[t++] : model.score(converter.vector(row), 0);
      }
      v[in] = score;
      if (flag != FlagRule.NONE) {
        v[in + 1] = Utils.isMissingValue(score) ? Utils.missingValue() : (score > cut ? 1 : 0);
        flagged += v[in + 1] == 1 ? 1 : 0;
      }
      Instance o = new DenseInstance(input.instance(i).weight(), v);
      o.setDataset(out);
      out.add(o);
    }
    if (training) {
      flaggedRows = flagged;
    }
    return out;
  }

  /** Fits the model on the complete rows of the model columns; returns their scores. */
  private double[] fit(Instances columns) throws Exception {
    if (columns.numInstances() == 0) {
      throw new IllegalArgumentException("no instances to fit the anomaly model on: the first batch is empty");
    }
    Instances train = ModelColumns.completeRows(columns);
    if (train.numInstances() == 0) {
      throw new IllegalArgumentException("every instance has a missing value: nothing to score; replace missing values"
          + " first (ReplaceMissingValues, MedianImputer or KNNImputer)");
    }
    converter = InstancesConverter.fit(train, InstancesConverter.NominalHandling.ONE_HOT, false);
    Dataset data = converter.convert(train);
    WekaProgress progress = WekaProgress.of("AnomalyScore", getDebug());
    model = progress.run(() -> detector().fit(data, seed, progress));
    double[] scores = model.trainingScores();
    trainedRows = scores.length;
    cut = flag == FlagRule.CONTAMINATION ? Contamination.threshold(scores, contamination)
        : flag == FlagRule.THRESHOLD ? threshold : Double.NaN;
    return scores;
  }

  /** The core configuration these options describe. */
  public AnomalyDetector detector() {
    return AnomalyDetector.builder(method).neighbours(neighbours).aggregate(aggregate).components(components)
        .covariance(covariance).eps(eps > 0 ? eps : Double.NaN).distance(distance).threads(threads()).build();
  }

  /** The model fitted on the first batch, or null before. */
  public AnomalyModel getModel() {
    return model;
  }

  /** The score above which rows are flagged (NaN without a flag, or before the first batch). */
  public double getCut() {
    return cut;
  }

  @OptionMetadata(displayName = "method", description = "The score: lof, knn, glosh, mixture, centroid or dbscan.",
      commandLineParamName = "method", commandLineParamSynopsis = "-method <glosh|mixture|centroid|knn|lof|dbscan>",
      displayOrder = 1)
  public SelectedTag getMethod() {
    return Tags.select(method);
  }

  public void setMethod(SelectedTag tag) {
    method = Tags.value(tag, AnomalyMethod.class);
  }

  @OptionMetadata(displayName = "neighbours", description = "k of knn and lof, minPts of glosh and dbscan (at least 1; "
      + "at least 2 for glosh and for dbscan with automatic eps).",
      commandLineParamName = "K", commandLineParamSynopsis = "-K <int>", displayOrder = 2)
  public int getNeighbours() {
    return neighbours;
  }

  public void setNeighbours(int k) {
    Check.atLeast("neighbours (-K)", k, 1);
    neighbours = k;
  }

  @OptionMetadata(displayName = "aggregate", description = "knn: the distance to the k-th neighbour (kth) or the mean "
      + "distance to the k nearest (mean).",
      commandLineParamName = "aggregate", commandLineParamSynopsis = "-aggregate <kth|mean>", displayOrder = 3)
  public SelectedTag getAggregate() {
    return Tags.select(aggregate);
  }

  public void setAggregate(SelectedTag tag) {
    aggregate = Tags.value(tag, KnnDistance.Aggregate.class);
  }

  @OptionMetadata(displayName = "components", description = "Clusters of centroid (k-means) and components of mixture "
      + "(at least 1).", commandLineParamName = "N", commandLineParamSynopsis = "-N <int>", displayOrder = 4)
  public int getComponents() {
    return components;
  }

  public void setComponents(int n) {
    Check.atLeast("components (-N)", n, 1);
    components = n;
  }

  @OptionMetadata(displayName = "covariance", description = "mixture: covariance type full, tied, diag or spherical.",
      commandLineParamName = "covariance", commandLineParamSynopsis = "-covariance <full|tied|diag|spherical>",
      displayOrder = 5)
  public SelectedTag getCovariance() {
    return Tags.select(covariance);
  }

  public void setCovariance(SelectedTag tag) {
    covariance = Tags.value(tag, CovarianceType.class);
  }

  @OptionMetadata(displayName = "eps", description = "dbscan: the neighbourhood radius; 0 chooses it at the knee of the "
      + "k-distance curve.", commandLineParamName = "E", commandLineParamSynopsis = "-E <double>", displayOrder = 6)
  public double getEps() {
    return eps;
  }

  public void setEps(double e) {
    Check.nonNegative("eps (-E, 0 = automatic)", e);
    eps = e;
  }

  @OptionMetadata(displayName = "distance", description = "Distance of knn, lof, glosh and dbscan (centroid and mixture "
      + "are Euclidean). Nothing is rescaled.", commandLineParamName = "distance",
      commandLineParamSynopsis = "-distance <euclidean|sqeuclidean|manhattan|chebyshev|cosine>", displayOrder = 7)
  public SelectedTag getDistance() {
    return Tags.select(distance);
  }

  public void setDistance(SelectedTag tag) {
    distance = Tags.value(tag, Metric.class);
  }

  @OptionMetadata(displayName = "flag", description = "Append an inlier/outlier flag: none, contamination (the given "
      + "fraction of highest first-batch scores) or threshold (scores above a value).",
      commandLineParamName = "flag", commandLineParamSynopsis = "-flag <none|contamination|threshold>", displayOrder = 8)
  public SelectedTag getFlag() {
    return Tags.select(flag);
  }

  public void setFlag(SelectedTag tag) {
    flag = Tags.value(tag, FlagRule.class);
  }

  @OptionMetadata(displayName = "contamination", description = "Expected fraction of outliers, in (0, 0.5], for -flag "
      + "contamination.", commandLineParamName = "contamination", commandLineParamSynopsis = "-contamination <double>",
      displayOrder = 9)
  public double getContamination() {
    return contamination;
  }

  public void setContamination(double c) {
    if (!(c > 0 && c <= 0.5)) {
      throw new IllegalArgumentException("contamination must be in (0, 0.5] (the expected fraction of outliers), got " + c);
    }
    contamination = c;
  }

  @OptionMetadata(displayName = "threshold", description = "Score above which a row is an outlier, for -flag threshold "
      + "(e.g. 1.5 for lof, 0.5 for glosh and dbscan).", commandLineParamName = "threshold",
      commandLineParamSynopsis = "-threshold <double>", displayOrder = 10)
  public double getThreshold() {
    return threshold;
  }

  public void setThreshold(double t) {
    if (Double.isNaN(t)) {
      throw new IllegalArgumentException("threshold must be a number, got NaN");
    }
    threshold = t;
  }

  @OptionMetadata(displayName = "seed", description = "Seed of k-means and the mixture's initialisation.",
      commandLineParamName = "S", commandLineParamSynopsis = "-S <long>", displayOrder = 11)
  public long getSeed() {
    return seed;
  }

  public void setSeed(long s) {
    seed = s;
  }

  @Override
  public String toString() {
    if (model == null) {
      return "AnomalyScore: no data filtered yet.";
    }
    double[] s = model.trainingScores();
    Arrays.sort(s);
    StringBuilder sb = new StringBuilder("AnomalyScore (ClusterLab): ").append(Tags.word(method))
        .append(" on ").append(trainedRows).append(" first-batch instances, ").append(converter.columns())
        .append(" columns\n");
    sb.append(String.format(java.util.Locale.ROOT, "scores: min %.6g, median %.6g, max %.6g%n", s[0],
        s[s.length / 2], s[s.length - 1]));
    if (s[0] == s[s.length - 1]) {
      sb.append("every first-batch score is the same: this score cannot rank these rows")
          .append(method == AnomalyMethod.GLOSH ? " (HDBSCAN found no cluster, so every row is noise: lower -K)\n"
              : method == AnomalyMethod.DBSCAN ? " (all noise or none: set -E or -K)\n" : "\n");
    }
    if (flag != FlagRule.NONE) {
      sb.append(String.format(java.util.Locale.ROOT, "flag: score > %.6g (%s), %d of %d first-batch instances flagged%n",
          cut, Tags.word(flag), flaggedRows, trainedRows));
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    runFilter(new AnomalyScore(), args);
  }
}
