package weka.filters.unsupervised.attribute;

import clusterlab.core.prep.PrepFixtures;
import java.util.ArrayList;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/** Builds Weka data sets from the prep fixtures for the adapter tests. */
public final class PrepWekaData {

  private PrepWekaData() {
  }

  /**
   * The numeric fixture as Instances, NaN as missing; with {@code extras} a nominal attribute and a
   * nominal class are appended (values cycling a/b/c and x/y) to check that they pass untouched.
   */
  public static Instances of(String fixture, boolean extras) {
    double[][] rows = PrepFixtures.rows(fixture);
    int d = rows[0].length;
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      atts.add(new Attribute("x" + j));
    }
    if (extras) {
      ArrayList<String> abc = new ArrayList<>(java.util.List.of("a", "b", "c"));
      atts.add(new Attribute("colour", abc));
      atts.add(new Attribute("class", new ArrayList<>(java.util.List.of("x", "y"))));
    }
    Instances data = new Instances(fixture, atts, rows.length);
    for (int i = 0; i < rows.length; i++) {
      double[] v = new double[atts.size()];
      for (int j = 0; j < d; j++) {
        v[j] = Double.isNaN(rows[i][j]) ? Utils.missingValue() : rows[i][j];
      }
      if (extras) {
        v[d] = i % 3;
        v[d + 1] = i % 2;
      }
      data.add(new DenseInstance(1.0, v));
    }
    if (extras) {
      data.setClassIndex(d + 1);
    }
    return data;
  }

  /** Row-major numeric values of the first {@code d} attributes, NaN for missing. */
  public static double[] values(Instances data, int d) {
    double[] v = new double[data.numInstances() * d];
    for (int i = 0; i < data.numInstances(); i++) {
      for (int j = 0; j < d; j++) {
        v[i * d + j] = data.instance(i).isMissing(j) ? Double.NaN : data.instance(i).value(j);
      }
    }
    return v;
  }
}
