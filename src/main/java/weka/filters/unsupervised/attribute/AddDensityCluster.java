package weka.filters.unsupervised.attribute;

import clusterlab.weka.ModelColumns;
import java.util.ArrayList;
import java.util.List;
import weka.clusterers.AbstractClusterer;
import clusterlab.weka.density.NeighbourhoodClusterer;
import weka.clusterers.density.HDBSCAN;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;

/**
 * Appends the result of a density clusterer to the data: the cluster as a nominal attribute in
 * which noise is a value of its own ("noise"), and, for HDBSCAN, the GLOSH outlier score. Weka's
 * {@code AddCluster} cannot express noise: it would leave the value missing or force a cluster.
 *
 * <p>The clusterer is trained on the first batch; its rows get their fitted labels and scores,
 * later batches are assigned by the clusterer's prediction for new instances.
 */
public class AddDensityCluster extends clusterlab.weka.StrictBatchFilter implements TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  /** Name of the appended nominal attribute. */
  public static final String CLUSTER_ATTRIBUTE = "density_cluster";
  /** Name of the appended outlier-score attribute (HDBSCAN only). */
  public static final String SCORE_ATTRIBUTE = "outlier_score";
  /** The nominal value that marks noise. */
  public static final String NOISE = "noise";

  private NeighbourhoodClusterer<?> clusterer = new HDBSCAN();
  private NeighbourhoodClusterer<?> trained;
  private Instances numericHeader;

  @Override
  public String globalInfo() {
    return "Appends the cluster of a density-based clusterer as a nominal attribute with noise as its own value, and the GLOSH outlier score. "
        + "Appends the result of a density-based clusterer (DBSCAN, OPTICS or HDBSCAN from this package) as a "
        + "nominal attribute '" + CLUSTER_ATTRIBUTE + "' whose values are the clusters plus '" + NOISE + "', and, "
        + "for HDBSCAN, the GLOSH outlier score as '" + SCORE_ATTRIBUTE + "' (0 = inlier, towards 1 = outlier). "
        + "The clusterer sees the numeric attributes and the nominal ones one-hot encoded (the class, string, date and "
        + "relational attributes pass through unused; so do columns without any value); a row with a missing value "
        + "gets missing cluster and score. The clusterer is trained on the first batch; training rows keep their "
        + "fitted labels and scores, later batches get the clusterer's predictions for new instances.";
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Ricardo J. G. B. Campello and Davoud Moulavi and Arthur Zimek and Joerg Sander");
    t.setValue(TechnicalInformation.Field.TITLE, "Hierarchical Density Estimates for Data Clustering, Visualization, and Outlier Detection");
    t.setValue(TechnicalInformation.Field.JOURNAL, "ACM Transactions on Knowledge Discovery from Data");
    t.setValue(TechnicalInformation.Field.VOLUME, "10");
    t.setValue(TechnicalInformation.Field.NUMBER, "1");
    t.setValue(TechnicalInformation.Field.PAGES, "5:1-5:51");
    t.setValue(TechnicalInformation.Field.YEAR, "2015");
    return t;
  }


  /**
   * Any attribute type, any class and missing values: only the numeric non-class attributes are
   * clustered, everything else passes through; rows with a missing numeric value cannot be placed
   * and get missing cluster and score.
   */
  @Override
  public Capabilities getCapabilities() {
    return clusterlab.weka.PrepCapabilities.passThroughAll(new Capabilities(this));
  }

  @Override
  public boolean allowAccessToFullInputFormat() {
    return true;
  }

  @Override
  protected Instances determineOutputFormat(Instances input) throws Exception {
    if (!isFirstBatchDone()) {
      if (input.numInstances() == 0) {
        throw new IllegalArgumentException("no instances to train the density clusterer on: the first batch is empty");
      }
      Instances train = ModelColumns.completeRows(ModelColumns.of(input));
      if (train.numInstances() == 0) {
        throw new IllegalArgumentException("every instance has a missing numeric value: nothing to cluster;"
            + " replace missing values first (e.g. ReplaceMissingValues or KNNImputer)");
      }
      trained = (NeighbourhoodClusterer<?>) AbstractClusterer.makeCopy(clusterer);
      boolean nominal = false;
      for (int a = 0; a < train.numAttributes(); a++) {
        nominal |= train.attribute(a).isNominal();
      }
      trained.setOneHotNominal(trained.getOneHotNominal() || nominal);
      numericHeader = new Instances(train, 0);
      trained.buildClusterer(train);
    }
    Instances out = new Instances(input, 0);
    List<String> values = new ArrayList<>();
    for (int c = 0; c < trained.numberOfClusters(); c++) {
      values.add("cluster" + c);
    }
    values.add(NOISE);
    out.insertAttributeAt(new Attribute(ModelColumns.uniqueName(input, CLUSTER_ATTRIBUTE), values), out.numAttributes());
    if (trained instanceof HDBSCAN) {
      out.insertAttributeAt(new Attribute(ModelColumns.uniqueName(input, SCORE_ATTRIBUTE)), out.numAttributes());
    }
    return out;
  }

  @Override
  protected Instances process(Instances input) throws Exception {
    Instances out = new Instances(getOutputFormat(), input.numInstances());
    boolean training = !isFirstBatchDone();
    int[] labels = training ? trained.getModel().labels() : null;
    double[] scores = training && trained instanceof HDBSCAN ? ((HDBSCAN) trained).trainingOutlierScores() : null;
    int noise = trained.numberOfClusters();
    int in = input.numAttributes();
    Instances numeric = training ? ModelColumns.of(input) : ModelColumns.like(numericHeader, input);
    int t = 0; // index among the complete training rows
    for (int i = 0; i < input.numInstances(); i++) {
      Instance inst = input.instance(i);
      Instance num = numeric.instance(i);
      double[] v = ModelColumns.copyValues(inst, out);
      boolean hasScore = trained instanceof HDBSCAN;
      if (!ModelColumns.complete(num)) {
        v[in] = Utils.missingValue();
        if (hasScore) {
          v[in + 1] = Utils.missingValue();
        }
      } else {
        int label;
        if (training) {
          label = labels[t];
        } else {
          double[] dist = trained.distributionForInstance(num);
          label = Utils.sum(dist) > 0 ? Utils.maxIndex(dist) : -1;
        }
        v[in] = label < 0 ? noise : label;
        if (hasScore) {
          v[in + 1] = training ? scores[t] : ((HDBSCAN) trained).outlierScore(num);
        }
        t++;
      }
      Instance o = new DenseInstance(inst.weight(), v);
      o.setDataset(out);
      out.add(o);
    }
    return out;
  }

  /** The clusterer trained on the first batch, or null before. */
  public NeighbourhoodClusterer<?> getTrainedClusterer() {
    return trained;
  }

  @OptionMetadata(displayName = "clusterer", description = "The density clusterer (weka.clusterers.density.DBSCAN, OPTICS or HDBSCAN) and its options.",
      commandLineParamName = "W", commandLineParamSynopsis = "-W <clusterer specification>", displayOrder = 1)
  public NeighbourhoodClusterer<?> getClusterer() {
    return clusterer;
  }

  public void setClusterer(NeighbourhoodClusterer<?> c) {
    if (c == null) {
      throw new IllegalArgumentException("clusterer must not be null: give a density clusterer such as weka.clusterers.density.HDBSCAN");
    }
    clusterer = c;
  }

  public static void main(String[] args) {
    runFilter(new AddDensityCluster(), args);
  }
}
