package clusterlab.core.density;

import clusterlab.core.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV fixtures written by tools/fixtures/density.py and density_hdbscan.R. */
final class Fixtures {

  private Fixtures() {
  }

  static List<String[]> rows(String file) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/density/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + file + "; run tools/fixtures/density.py");
      }
      List<String[]> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(line.trim().split(","));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double parse(String s) {
    s = s.replace("\"", "");
    if (s.equals("inf") || s.equals("Inf")) {
      return Double.POSITIVE_INFINITY;
    }
    return Double.parseDouble(s);
  }

  static Dataset data(String name) {
    List<String[]> r = rows(name + ".csv");
    int d = r.get(0).length;
    double[] v = new double[r.size() * d];
    for (int i = 0; i < r.size(); i++) {
      for (int j = 0; j < d; j++) {
        v[i * d + j] = parse(r.get(i)[j]);
      }
    }
    return Dataset.of(v, r.size(), d);
  }

  static double[] column(String file, int col) {
    List<String[]> r = rows(file);
    double[] out = new double[r.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = parse(r.get(i)[col]);
    }
    return out;
  }

  static int[] intColumn(String file, int col) {
    double[] c = column(file, col);
    int[] out = new int[c.length];
    for (int i = 0; i < c.length; i++) {
      out[i] = (int) c[i];
    }
    return out;
  }
}
