package clusterlab.core.kmeans;

import clusterlab.core.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the files written by tools/fixtures/kmeans.py. */
public final class Fixtures {

  private Fixtures() {
  }

  public static List<String> lines(String file) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/kmeans/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + file + ": run /usr/bin/python3 tools/fixtures/kmeans.py");
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

  public static double[][] matrix(String file) {
    List<String> ls = lines(file);
    double[][] m = new double[ls.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = parse(ls.get(i));
    }
    return m;
  }

  public static double[] parse(String csv) {
    String[] p = csv.split(",");
    double[] v = new double[p.length];
    for (int j = 0; j < p.length; j++) {
      v[j] = p[j].equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(p[j]);
    }
    return v;
  }

  public static int[] parseInts(String csv) {
    String[] p = csv.split(",");
    int[] v = new int[p.length];
    for (int j = 0; j < p.length; j++) {
      v[j] = (int) Double.parseDouble(p[j]);
    }
    return v;
  }

  public static Dataset data(String name) {
    return Dataset.ofRows(matrix(name + ".csv"));
  }

  public static double[] flat(double[][] rows) {
    int d = rows[0].length;
    double[] f = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, f, i * d, d);
    }
    return f;
  }

  /** The value after "key " in a key-value fixture file. */
  public static String value(String file, String key) {
    for (String l : lines(file)) {
      if (l.startsWith(key + " ")) {
        return l.substring(key.length() + 1);
      }
    }
    throw new IllegalStateException("no " + key + " in " + file);
  }
}
