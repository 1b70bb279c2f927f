package weka.core;

import clusterlab.core.distance.Gower;
import clusterlab.core.mixed.MixedTable;
import clusterlab.weka.MixedConverter;
import clusterlab.weka.StrictOptions;
import java.util.Enumeration;
import weka.core.neighboursearch.PerformanceStats;

/**
 * Gower's coefficient as a Weka {@link DistanceFunction}, so Weka's own distance-based schemes
 * (HierarchicalClusterer, IBk, LOF, the nearest-neighbour searches) work on mixed numeric and
 * nominal data with missing values. The arithmetic is ClusterLab's core {@link Gower}, checked
 * against R's {@code cluster::daisy}.
 */
public class GowerDistance implements DistanceFunction, TechnicalInformationHandler, RevisionHandler,
    java.io.Serializable {

  private static final long serialVersionUID = 1L;

  private String attributeIndices = "first-last";
  private boolean invertSelection;
  private String ordinal = "";
  private String asymmetric = "";
  private String weights = "";

  private Instances data;
  private MixedConverter converter;
  private Gower gower;

  public String globalInfo() {
    return "Gower's general dissimilarity coefficient for mixed numeric, ordinal, nominal and asymmetric binary "
        + "attributes with missing values, as R's cluster::daisy(metric = \"gower\"). Numeric (and ordinal, by the "
        + "declared order of their values) attributes contribute |x - y| / range, with ranges from the instances "
        + "given to setInstances (the training data); nominal attributes contribute 0 for a match, 1 for a "
        + "mismatch; asymmetric binary ones leave out a shared absence (first value). A term is left out when "
        + "either value is missing, and the result is the weighted mean of the remaining terms (1 when none "
        + "remains). The class attribute is ignored.\n\nFor more information see:\n" + getTechnicalInformation();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.ARTICLE);
    t.setValue(TechnicalInformation.Field.AUTHOR, "J. C. Gower");
    t.setValue(TechnicalInformation.Field.TITLE, "A general coefficient of similarity and some of its properties");
    t.setValue(TechnicalInformation.Field.JOURNAL, "Biometrics");
    t.setValue(TechnicalInformation.Field.VOLUME, "27");
    t.setValue(TechnicalInformation.Field.NUMBER, "4");
    t.setValue(TechnicalInformation.Field.PAGES, "857-871");
    t.setValue(TechnicalInformation.Field.YEAR, "1971");
    TechnicalInformation k = t.add(TechnicalInformation.Type.BOOK);
    k.setValue(TechnicalInformation.Field.AUTHOR, "Leonard Kaufman and Peter J. Rousseeuw");
    k.setValue(TechnicalInformation.Field.TITLE, "Finding Groups in Data: An Introduction to Cluster Analysis");
    k.setValue(TechnicalInformation.Field.PUBLISHER, "Wiley");
    k.setValue(TechnicalInformation.Field.YEAR, "1990");
    return t;
  }

  /** Fits the ranges (and the column layout) to {@code insts}. */
  @Override
  public void setInstances(Instances insts) {
    data = insts;
    converter = MixedConverter.fit(insts, ordinal, asymmetric, attributeIndices, invertSelection);
    MixedTable table = insts.numInstances() == 0 ? null : converter.convert(insts);
    gower = table == null ? null : Gower.fit(table, columnWeights(insts));
  }

  private double[] columnWeights(Instances insts) {
    if (weights.isBlank()) {
      return null;
    }
    String[] parts = weights.trim().split("\\s*,\\s*");
    if (parts.length != insts.numAttributes()) {
      throw new IllegalArgumentException("GowerDistance -weights lists " + parts.length + " weights but the data has "
          + insts.numAttributes() + " attributes; give one weight per attribute, in order (the class's is ignored)");
    }
    double[] w = new double[converter.columns()];
    for (int u = 0; u < w.length; u++) {
      w[u] = Double.parseDouble(parts[converter.attribute(u).index()]);
    }
    return w;
  }

  @Override
  public Instances getInstances() {
    return data;
  }

  @Override
  public double distance(Instance first, Instance second) {
    if (gower == null) {
      throw new IllegalStateException("GowerDistance has no training data: call setInstances with at least one instance first");
    }
    double[] a = converter.vector(first);
    double[] b = converter.vector(second);
    return gower.between(a, 0, b, 0, a.length);
  }

  @Override
  public double distance(Instance first, Instance second, PerformanceStats stats) {
    return distance(first, second, Double.POSITIVE_INFINITY, stats);
  }

  @Override
  public double distance(Instance first, Instance second, double cutOffValue) {
    return distance(first, second, cutOffValue, null);
  }

  @Override
  public double distance(Instance first, Instance second, double cutOffValue, PerformanceStats stats) {
    double d = distance(first, second);
    if (stats != null) {
      stats.incrCoordCount();
    }
    return d > cutOffValue ? Double.POSITIVE_INFINITY : d;
  }

  /** Distances are final as computed (no square root pending). */
  @Override
  public void postProcessDistances(double[] distances) {
  }

  /** Ranges stay those of the training data, so distances between training rows never change. */
  @Override
  public void update(Instance ins) {
  }

  @Override
  public void clean() {
    data = data == null ? null : new Instances(data, 0);
  }

  @OptionMetadata(displayName = "attributeIndices", description = "Attributes to use (a range such as first-last or 1,3-5).",
      commandLineParamName = "R", commandLineParamSynopsis = "-R <range>", displayOrder = 1)
  @Override
  public String getAttributeIndices() {
    return attributeIndices;
  }

  @Override
  public void setAttributeIndices(String value) {
    attributeIndices = checkRange("attributeIndices (-R)", value, true);
  }

  @OptionMetadata(displayName = "invertSelection", description = "Use the attributes not in the range instead.",
      commandLineParamName = "V", commandLineParamSynopsis = "-V", commandLineParamIsFlag = true, displayOrder = 2)
  @Override
  public boolean getInvertSelection() {
    return invertSelection;
  }

  @Override
  public void setInvertSelection(boolean value) {
    invertSelection = value;
  }

  @OptionMetadata(displayName = "ordinal", description = "Nominal attributes whose values are ordered (a range, e.g. 1,4,5): compared by the rank of their declared values over the training range, as R's ordered factors.",
      commandLineParamName = "ordinal", commandLineParamSynopsis = "-ordinal <range>", displayOrder = 3)
  public String getOrdinal() {
    return ordinal;
  }

  public void setOrdinal(String value) {
    ordinal = checkRange("ordinal", value, false);
  }

  @OptionMetadata(displayName = "asymmetric", description = "Two-valued nominal attributes that are asymmetric binary (a range): a shared first value (absence) is left out, as daisy's type 'asymm'.",
      commandLineParamName = "asymmetric", commandLineParamSynopsis = "-asymmetric <range>", displayOrder = 4)
  public String getAsymmetric() {
    return asymmetric;
  }

  public void setAsymmetric(String value) {
    asymmetric = checkRange("asymmetric", value, false);
  }

  @OptionMetadata(displayName = "weights", description = "Per-attribute weights, comma-separated, one per attribute in order (the class's is ignored); empty for all 1.",
      commandLineParamName = "weights", commandLineParamSynopsis = "-weights <w1,w2,...>", displayOrder = 5)
  public String getWeights() {
    return weights;
  }

  public void setWeights(String value) {
    String v = value == null ? "" : value.trim();
    if (!v.isEmpty()) {
      for (String p : v.split("\\s*,\\s*")) {
        double w;
        try {
          w = Double.parseDouble(p);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("weights: '" + p + "' is not a number; give comma-separated non-negative numbers", e);
        }
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("weights: " + p + " is not a finite non-negative weight");
        }
      }
    }
    weights = v;
  }

  private static String checkRange(String name, String value, boolean required) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      if (required) {
        throw new IllegalArgumentException(name + " must not be empty; use first-last for all attributes");
      }
      return v;
    }
    return clusterlab.weka.AttributeRanges.check(name, v);
  }

  @Override
  public Enumeration<Option> listOptions() {
    return Option.listOptionsForClassHierarchy(getClass(), Object.class).elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.applyAnnotated(options, this, Object.class);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return Option.getOptionsForHierarchy(this, Object.class);
  }

  @Override
  public String getRevision() {
    return "1";
  }

  @Override
  public String toString() {
    return "GowerDistance " + Utils.joinOptions(getOptions());
  }
}
