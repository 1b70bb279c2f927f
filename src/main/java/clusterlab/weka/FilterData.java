package clusterlab.weka;

import java.util.ArrayList;
import java.util.List;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Reads the numeric attributes of {@link Instances} into the row-major {@code double[]} (NaN for
 * missing values) that ClusterLab's preparation cores work on. Unlike {@link InstancesConverter},
 * which refuses missing values, this is the bridge for filters whose job is to deal with them.
 *
 * <p>"Numeric" means numeric and not a date; the class attribute is never included. Infinite
 * values are refused with a message naming the row and attribute.
 */
public final class FilterData {

  private FilterData() {
  }

  /** Indices of the numeric, non-date, non-class attributes of {@code header}. */
  public static int[] numericAttributes(Instances header) {
    List<Integer> out = new ArrayList<>();
    for (int a = 0; a < header.numAttributes(); a++) {
      Attribute att = header.attribute(a);
      if (a != header.classIndex() && att.isNumeric() && !att.isDate()) {
        out.add(a);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Row-major values of {@code attrs} (NaN where missing). */
  public static double[] read(Instances data, int[] attrs) {
    int n = data.numInstances();
    int d = attrs.length;
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      read(data.instance(i), attrs, v, i * d, i);
    }
    return v;
  }

  /** Writes one instance's values of {@code attrs} into {@code out[off..]}. */
  public static void read(Instance inst, int[] attrs, double[] out, int off, int row) {
    for (int j = 0; j < attrs.length; j++) {
      double x = inst.isMissing(attrs[j]) ? Double.NaN : inst.value(attrs[j]);
      if (Double.isInfinite(x)) {
        throw new IllegalArgumentException("instance " + (row + 1) + ", attribute '" + inst.attribute(attrs[j]).name()
            + "' is infinite (" + x + "); replace or remove infinite values first");
      }
      out[off + j] = x;
    }
  }

  /**
   * A copy of {@code data} (same header, weights kept) with attribute {@code attrs[j]} of row i set to
   * {@code values[i * d + j]} (NaN = missing).
   */
  public static Instances write(Instances data, int[] attrs, double[] values) {
    Instances out = new Instances(data, data.numInstances());
    int d = attrs.length;
    for (int i = 0; i < data.numInstances(); i++) {
      Instance copy = (Instance) data.instance(i).copy();
      for (int j = 0; j < d; j++) {
        double v = values[i * d + j];
        if (Double.isNaN(v)) {
          copy.setMissing(attrs[j]);
        } else {
          copy.setValue(attrs[j], v);
        }
      }
      out.add(copy);
    }
    return out;
  }
}
