package weka.filters.unsupervised.attribute;

import clusterlab.weka.InstancesConverter;
import clusterlab.weka.PrepCapabilities;
import java.util.Locale;
import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Weka filter over {@link clusterlab.core.prep.MedianImputer}: missing numeric values become the
 * first batch's column medians (scikit-learn's {@code SimpleImputer(strategy="median")}).
 */
public class MedianImputer extends clusterlab.weka.StrictBatchFilter implements UnsupervisedFilter, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private InstancesConverter columns;
  private int[] numeric;
  private clusterlab.core.prep.MedianImputer model;

  public String globalInfo() {
    return "Replaces missing values of numeric attributes by the attribute's median in the first batch, as "
        + "scikit-learn's SimpleImputer(strategy='median'). Unlike ReplaceMissingValues (means and modes), the median "
        + "is not pulled by outliers. The class attribute and non-numeric attributes are left untouched; an attribute "
        + "with no observed value in the first batch stays missing. Later batches use the first batch's medians.\n\n"
        + "For more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.BOOK);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Roderick J. A. Little and Donald B. Rubin");
    t.setValue(TechnicalInformation.Field.TITLE, "Statistical Analysis with Missing Data");
    t.setValue(TechnicalInformation.Field.EDITION, "3");
    t.setValue(TechnicalInformation.Field.PUBLISHER, "Wiley");
    t.setValue(TechnicalInformation.Field.YEAR, "2019");
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
          : clusterlab.core.prep.MedianImputer.fit(columns.read(data), n, numeric.length);
    }
    if (model == null) {
      return new Instances(data);
    }
    return columns.write(data, model.transform(columns.read(data), n));
  }

  /** The fitted medians (one per numeric non-class attribute, in attribute order), or null before. */
  public double[] getMedians() {
    return model == null ? null : model.medians();
  }

  @Override
  public String toString() {
    if (numeric == null) {
      return "MedianImputer: no data filtered yet.";
    }
    if (model == null) {
      return "MedianImputer: the data have no numeric attribute besides the class; nothing to impute.";
    }
    StringBuilder sb = new StringBuilder("MedianImputer (ClusterLab)\n");
    double[] m = model.medians();
    Instances header = getInputFormat();
    for (int j = 0; j < numeric.length; j++) {
      sb.append(String.format(Locale.ROOT, "%-24s %s%n", header.attribute(numeric[j]).name(),
          Double.isNaN(m[j]) ? "no observed value: left missing" : String.format(Locale.ROOT, "%.6g", m[j])));
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    runFilter(new MedianImputer(), args);
  }
}
