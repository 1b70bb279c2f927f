package clusterlab.gui.model;

import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The data with the cluster of every row appended as a nominal attribute, as the Cluster Lab tab
 * saves it: values {@code cluster0 .. cluster<k-1>} and, when any row is noise, {@code noise} (the
 * convention of the AddDensityCluster filter), named {@code cluster} (or {@code cluster_2}, ... when
 * the data already has such an attribute). Every original attribute, the class included, is kept.
 */
public final class LabelledData {

  private LabelledData() {
  }

  /** A copy of {@code data} with {@code labels} (-1 = noise) appended. */
  public static Instances append(Instances data, int[] labels) {
    if (labels.length != data.numInstances()) {
      throw new IllegalArgumentException("there are " + labels.length + " labels for " + data.numInstances() + " rows");
    }
    int k = 0;
    boolean noise = false;
    for (int l : labels) {
      k = Math.max(k, l + 1);
      noise |= l < 0;
    }
    List<String> values = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      values.add("cluster" + c);
    }
    if (noise) {
      values.add("noise");
    }
    if (values.isEmpty()) {
      values.add("noise");
    }
    String name = "cluster";
    for (int i = 2; data.attribute(name) != null; i++) {
      name = "cluster_" + i;
    }
    Instances out = new Instances(data, 0);
    out.insertAttributeAt(new Attribute(name, values), out.numAttributes());
    out.setRelationName(data.relationName() + "-clustered");
    int att = out.numAttributes() - 1;
    for (int i = 0; i < labels.length; i++) {
      Instance src = data.instance(i);
      double[] v = new double[out.numAttributes()];
      for (int a = 0; a < data.numAttributes(); a++) {
        Attribute at = data.attribute(a);
        if (src.isMissing(a)) {
          v[a] = weka.core.Utils.missingValue();
        } else if (at.isString()) {
          v[a] = out.attribute(a).addStringValue(src.stringValue(a));
        } else if (at.type() == Attribute.RELATIONAL) {
          v[a] = out.attribute(a).addRelation(src.relationalValue(a));
        } else {
          v[a] = src.value(a);
        }
      }
      v[att] = labels[i] < 0 ? values.indexOf("noise") : labels[i];
      out.add(new DenseInstance(src.weight(), v));
    }
    return out;
  }
}
