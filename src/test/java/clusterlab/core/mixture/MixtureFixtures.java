package clusterlab.core.mixture;

import clusterlab.core.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the files written by tools/fixtures/mixture.py and tools/fixtures/mixture_mclust.R. */
final class MixtureFixtures {

  private MixtureFixtures() {
  }

  static List<String> lines(String file) {
    try (InputStream in = MixtureFixtures.class.getResourceAsStream("/fixtures/mixture/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + file + ": run /usr/bin/python3 tools/fixtures/mixture.py"
            + " and Rscript tools/fixtures/mixture_mclust.R");
      }
      List<String> out = new ArrayList<>();
      for (String l : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!l.isBlank()) {
          out.add(l.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static double[] values(String line) {
    String[] p = line.split(",");
    double[] v = new double[p.length - 1];
    for (int j = 1; j < p.length; j++) {
      v[j - 1] = Double.parseDouble(p[j]);
    }
    return v;
  }

  /** A 'key,v1,v2,...' file as key -> values. */
  static Map<String, double[]> keyed(String file) {
    Map<String, double[]> m = new LinkedHashMap<>();
    for (String l : lines(file)) {
      m.put(l.substring(0, l.indexOf(',')), values(l));
    }
    return m;
  }

  static Dataset data(String name) {
    List<String> ls = lines(name + ".csv");
    int d = ls.get(0).split(",").length;
    double[] v = new double[ls.size() * d];
    for (int i = 0; i < ls.size(); i++) {
      String[] p = ls.get(i).split(",");
      for (int j = 0; j < d; j++) {
        v[i * d + j] = Double.parseDouble(p[j]);
      }
    }
    return Dataset.of(v, ls.size(), d);
  }
}
