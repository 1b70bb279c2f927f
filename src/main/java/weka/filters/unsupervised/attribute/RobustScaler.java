package weka.filters.unsupervised.attribute;

import clusterlab.weka.InstancesConverter;
import clusterlab.weka.PrepCapabilities;
import java.util.Locale;
import weka.core.Capabilities;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformationHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Weka filter over {@link clusterlab.core.prep.RobustScaler}: (x - median) / IQR per numeric
 * attribute, scikit-learn's {@code RobustScaler}.
 */
public class RobustScaler extends clusterlab.weka.StrictBatchFilter implements UnsupervisedFilter, TechnicalInformationHandler {

  private static final long serialVersionUID = 1L;

  private double lowerQuantile = 25;
  private double upperQuantile = 75;
  private boolean noCentering;
  private boolean noScaling;
  private boolean unitVariance;

  private InstancesConverter columns;
  private int[] numeric;
  private clusterlab.core.prep.RobustScaler model;

  public String globalInfo() {
    return "Centres each numeric attribute on its median and scales it by its interquartile range, so that outliers do not dominate the scale. "
        + "The range may be another quantile range; this is scikit-learn's RobustScaler: unlike Standardize (mean, standard deviation) and Normalize "
        + "(min, max), a few extreme values barely move the statistics, so they do not squash the bulk of the data. "
        + "Quantiles use linear interpolation (NumPy's default); a zero range (constant attribute) scales by 1. "
        + "Missing values stay missing and are ignored by the statistics; the class attribute and non-numeric "
        + "attributes are untouched. Later batches use the first batch's statistics.\n\n"
        + "For more information see:\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Fabian Pedregosa and others");
    t.setValue(TechnicalInformation.Field.TITLE, "Scikit-learn: Machine Learning in Python");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Journal of Machine Learning Research");
    t.setValue(TechnicalInformation.Field.VOLUME, "12");
    t.setValue(TechnicalInformation.Field.PAGES, "2825-2830");
    t.setValue(TechnicalInformation.Field.YEAR, "2011");
    return t;
  }


  @Override
  public Capabilities getCapabilities() {
    return PrepCapabilities.passThroughAll(super.getCapabilities());
  }

  @Override
  protected Instances determineOutputFormat(Instances input) {
    if (!(lowerQuantile <= upperQuantile)) {
      throw new IllegalArgumentException("the quantile range must satisfy lowerQuantile <= upperQuantile, got ("
          + lowerQuantile + ", " + upperQuantile + ")");
    }
    return new Instances(input, 0);
  }

  @Override
  protected Instances process(Instances data) {
    int n = data.numInstances();
    if (!isFirstBatchDone()) {
      columns = InstancesConverter.forFilter(data, false);
      numeric = columns.attributes();
      model = numeric.length == 0 ? null : clusterlab.core.prep.RobustScaler.fit(columns.read(data), n,
          numeric.length, lowerQuantile, upperQuantile, !noCentering, !noScaling, unitVariance);
    }
    if (model == null) {
      return new Instances(data);
    }
    return columns.write(data, model.transform(columns.read(data), n));
  }

  private static void checkPercent(String name, double q) {
    if (!(q >= 0 && q <= 100)) {
      throw new IllegalArgumentException(name + " must be a percentage in [0, 100], got " + q);
    }
  }

  @OptionMetadata(displayName = "lowerQuantile", description = "Lower end of the quantile range, in percent "
      + "(default 25).", commandLineParamName = "lower", commandLineParamSynopsis = "-lower <percent>", displayOrder = 1)
  public double getLowerQuantile() {
    return lowerQuantile;
  }

  public void setLowerQuantile(double q) {
    checkPercent("lowerQuantile", q);
    lowerQuantile = q;
  }

  @OptionMetadata(displayName = "upperQuantile", description = "Upper end of the quantile range, in percent "
      + "(default 75).", commandLineParamName = "upper", commandLineParamSynopsis = "-upper <percent>", displayOrder = 2)
  public double getUpperQuantile() {
    return upperQuantile;
  }

  public void setUpperQuantile(double q) {
    checkPercent("upperQuantile", q);
    upperQuantile = q;
  }

  @OptionMetadata(displayName = "noCentering", description = "Do not subtract the median.",
      commandLineParamName = "no-centering", commandLineParamSynopsis = "-no-centering", commandLineParamIsFlag = true,
      displayOrder = 3)
  public boolean getNoCentering() {
    return noCentering;
  }

  public void setNoCentering(boolean b) {
    noCentering = b;
  }

  @OptionMetadata(displayName = "noScaling", description = "Do not divide by the quantile range.",
      commandLineParamName = "no-scaling", commandLineParamSynopsis = "-no-scaling", commandLineParamIsFlag = true,
      displayOrder = 4)
  public boolean getNoScaling() {
    return noScaling;
  }

  public void setNoScaling(boolean b) {
    noScaling = b;
  }

  @OptionMetadata(displayName = "unitVariance", description = "Also divide by the standard normal's range between the "
      + "same quantiles, so that normally distributed attributes end with variance 1.",
      commandLineParamName = "unit-variance", commandLineParamSynopsis = "-unit-variance", commandLineParamIsFlag = true,
      displayOrder = 5)
  public boolean getUnitVariance() {
    return unitVariance;
  }

  public void setUnitVariance(boolean b) {
    unitVariance = b;
  }

  /** The fitted medians (centres), one per numeric non-class attribute, or null before. */
  public double[] getCenters() {
    return model == null ? null : model.center();
  }

  /** The fitted scales, or null before. */
  public double[] getScales() {
    return model == null ? null : model.scale();
  }

  @Override
  public String toString() {
    if (numeric == null) {
      return "RobustScaler: no data filtered yet.";
    }
    if (model == null) {
      return "RobustScaler: the data have no numeric attribute besides the class; nothing to scale.";
    }
    StringBuilder sb = new StringBuilder("RobustScaler (ClusterLab)\n");
    double[] c = model.center();
    double[] s = model.scale();
    sb.append(String.format(Locale.ROOT, "%-24s %14s %14s%n", "attribute", "centre", "scale"));
    for (int j = 0; j < numeric.length; j++) {
      sb.append(String.format(Locale.ROOT, "%-24s %14.6g %14.6g%n", getInputFormat().attribute(numeric[j]).name(),
          c[j], s[j]));
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    runFilter(new RobustScaler(), args);
  }
}
