package clusterlab.core.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.Dataset;
import clusterlab.core.prep.PrepFixtures;

/** The fixtures of tools/fixtures/anomaly.py and anomaly_glosh.R. */
final class AnomalyFixtures {

  private AnomalyFixtures() {
  }

  static double[][] rows(String name) {
    return PrepFixtures.resource("/fixtures/anomaly/" + name);
  }

  static Dataset dataset(String name) {
    return Dataset.ofRows(rows(name));
  }

  /** A one-column (or one-row) fixture as a vector. */
  static double[] vector(String name) {
    double[][] r = rows(name);
    if (r.length == 1) {
      return r[0];
    }
    double[] v = new double[r.length];
    for (int i = 0; i < r.length; i++) {
      v[i] = r[i][0];
    }
    return v;
  }

  static double[] flat(double[][] rows) {
    int d = rows[0].length;
    double[] v = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, v, i * d, d);
    }
    return v;
  }

  /** Scores of every row of {@code rows} by {@code model} (new-row scoring). */
  static double[] scoreAll(AnomalyModel model, double[][] rows) {
    double[] x = flat(rows);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = model.score(x, i * model.d());
    }
    return out;
  }

  static double[] negate(double[] v) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] = -o[i];
    }
    return o;
  }

  static void assertClose(double[] expected, double[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], tol * Math.max(1, Math.abs(expected[i])), what + ", row " + (i + 1));
    }
  }
}
