package weka.filters.unsupervised.attribute;

import clusterlab.core.Check;
import clusterlab.core.prep.KnnImputer;
import clusterlab.weka.InstancesConverter;
import clusterlab.weka.ParallelFilter;
import clusterlab.weka.PrepCapabilities;
import clusterlab.weka.Tags;
import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Weka filter over {@link KnnImputer}: each missing numeric value becomes the (optionally
 * distance-weighted) mean of the k nearest first-batch instances that observe it, with
 * scikit-learn's {@code KNNImputer} semantics.
 */
public class KNNImputer extends ParallelFilter implements UnsupervisedFilter, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private int numNeighbours = 5;
  private KnnImputer.Weights weighting = KnnImputer.Weights.UNIFORM;

  private InstancesConverter columns;
  private int[] numeric;
  private KnnImputer model;

  public String globalInfo() {
    return "Replaces each missing value of a numeric attribute by the mean of that attribute over the k nearest "
        + "instances of the first batch that observe it (scikit-learn's KNNImputer). Distances are scikit-learn's "
        + "nan_euclidean over the numeric attributes: Euclidean over the attributes both instances observe, scaled up "
        + "by (number of attributes / number shared). Weighting 'distance' weights donors by 1/distance. An instance "
        + "sharing no observed attribute with any donor gets the attribute's mean. Nothing is rescaled: standardize or "
        + "robust-scale first when attributes have different units. The class attribute and non-numeric attributes "
        + "are untouched and take no part in the distances. Later batches draw their donors from the first batch.\n\n"
        + "For more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Olga Troyanskaya and others");
    t.setValue(TechnicalInformation.Field.TITLE, "Missing value estimation methods for DNA microarrays");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Bioinformatics");
    t.setValue(TechnicalInformation.Field.VOLUME, "17");
    t.setValue(TechnicalInformation.Field.NUMBER, "6");
    t.setValue(TechnicalInformation.Field.PAGES, "520-525");
    t.setValue(TechnicalInformation.Field.YEAR, "2001");
    return t;
  }

  @Override
  public Capabilities getCapabilities() {
    return PrepCapabilities.passThroughAll(super.getCapabilities());
  }

  @Override
  protected Instances determineOutputFormat(Instances input) {
    return new Instances(input, 0);
  }

  @Override
  protected Instances process(Instances data) {
    int n = data.numInstances();
    if (!isFirstBatchDone()) {
      columns = InstancesConverter.forFilter(data, false);
      numeric = columns.attributes();
      model = numeric.length == 0 ? null
          : KnnImputer.fit(columns.read(data), n, numeric.length, numNeighbours, weighting);
    }
    if (model == null) {
      return new Instances(data);
    }
    return columns.write(data, model.transform(columns.read(data), n, threads()));
  }

  @OptionMetadata(displayName = "numNeighbours", description = "Number of donor instances k (at least 1).",
      commandLineParamName = "K", commandLineParamSynopsis = "-K <int>", displayOrder = 1)
  public int getNumNeighbours() {
    return numNeighbours;
  }

  public void setNumNeighbours(int k) {
    Check.atLeast("numNeighbours (k)", k, 1);
    numNeighbours = k;
  }

  @OptionMetadata(displayName = "weighting", description = "uniform: plain mean of the donors; distance: weighted by "
      + "1/distance (donors at distance 0 take all the weight).",
      commandLineParamName = "W", commandLineParamSynopsis = "-W <uniform|distance>", displayOrder = 2)
  public SelectedTag getWeighting() {
    return Tags.select(weighting);
  }

  public void setWeighting(SelectedTag tag) {
    weighting = Tags.value(tag, KnnImputer.Weights.class);
  }

  @Override
  public String toString() {
    if (numeric == null) {
      return "KNNImputer: no data filtered yet.";
    }
    return "KNNImputer (ClusterLab): k = " + numNeighbours + ", weighting " + Tags.word(weighting) + ", "
        + (model == null ? "no numeric attribute to impute" : model.fittedRows() + " donor instances, "
        + numeric.length + " numeric attributes");
  }

  public static void main(String[] args) {
    runFilter(new KNNImputer(), args);
  }
}
