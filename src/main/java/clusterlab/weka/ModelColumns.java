package clusterlab.weka;

import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * The columns a filter that appends a model's result (a density cluster, an anomaly score) trains
 * the model on, chosen once from the first batch and found again by name in later batches: the
 * numeric (not date) and nominal attributes that are not the class and have at least one value.
 * Everything else passes through the filter untouched.
 */
public final class ModelColumns {

  private ModelColumns() {
  }

  /**
   * The model columns of {@code data} as a data set of their own (class unset).
   *
   * @throws IllegalArgumentException when there is none
   */
  public static Instances of(Instances data) {
    StringBuilder keep = new StringBuilder();
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute att = data.attribute(a);
      boolean usable = (att.isNumeric() && !att.isDate()) || att.isNominal();
      if (a != data.classIndex() && usable && !allMissing(data, a)) {
        keep.append(keep.length() == 0 ? "" : ",").append(a + 1);
      }
    }
    if (keep.length() == 0) {
      throw new IllegalArgumentException("no numeric or nominal attribute with values to model (besides the class)");
    }
    return keep(data, keep.toString());
  }

  /**
   * The columns of {@code header} (found by name) in a later batch.
   *
   * @throws IllegalArgumentException when the batch lacks one of them
   */
  public static Instances like(Instances header, Instances data) {
    StringBuilder keep = new StringBuilder();
    for (int a = 0; a < header.numAttributes(); a++) {
      Attribute att = data.attribute(header.attribute(a).name());
      if (att == null) {
        throw new IllegalArgumentException("attribute '" + header.attribute(a).name() + "' of the first batch is"
            + " missing from this batch: later batches need the attributes the model was trained on");
      }
      keep.append(a == 0 ? "" : ",").append(att.index() + 1);
    }
    return keep(data, keep.toString());
  }

  private static Instances keep(Instances data, String indices) {
    try {
      Remove r = new Remove();
      r.setAttributeIndices(indices);
      r.setInvertSelection(true);
      r.setInputFormat(data);
      Instances out = Filter.useFilter(data, r);
      out.setClassIndex(-1);
      return out;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The rows of {@code data} without a missing value. */
  public static Instances completeRows(Instances data) {
    Instances out = new Instances(data, data.numInstances());
    for (int i = 0; i < data.numInstances(); i++) {
      if (complete(data.instance(i))) {
        out.add(data.instance(i));
      }
    }
    return out;
  }

  /** True when {@code inst} has no missing value. */
  public static boolean complete(Instance inst) {
    for (int a = 0; a < inst.numAttributes(); a++) {
      if (inst.isMissing(a)) {
        return false;
      }
    }
    return true;
  }

  /** True when attribute {@code a} has no value in any row. */
  private static boolean allMissing(Instances data, int a) {
    for (int i = 0; i < data.numInstances(); i++) {
      if (!data.instance(i).isMissing(a)) {
        return false;
      }
    }
    return true;
  }

  /** {@code name}, or {@code name_2}, {@code name_3} ... when the data already has an attribute of that name. */
  public static String uniqueName(Instances data, String name) {
    String n = name;
    for (int i = 2; data.attribute(n) != null; i++) {
      n = name + "_" + i;
    }
    return n;
  }

  /**
   * A copy of the values of {@code inst} laid out for {@code out} (which has the same attributes
   * first, then appended ones), strings and relations re-registered in {@code out}'s header.
   */
  public static double[] copyValues(Instance inst, Instances out) {
    double[] v = new double[out.numAttributes()];
    for (int a = 0; a < inst.numAttributes(); a++) {
      Attribute att = inst.attribute(a);
      if (inst.isMissing(a)) {
        v[a] = weka.core.Utils.missingValue();
      } else if (att.isString()) {
        v[a] = out.attribute(a).addStringValue(inst.stringValue(a));
      } else if (att.isRelationValued()) {
        v[a] = out.attribute(a).addRelation(inst.relationalValue(a));
      } else {
        v[a] = inst.value(a);
      }
    }
    return v;
  }
}
