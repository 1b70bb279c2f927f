package clusterlab.core.mixed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the fixtures tools/fixtures/mixed_daisy.R writes: lines "key,values..." with NA for missing. */
public final class MixedFixtures {

  private final Map<String, String[]> single = new LinkedHashMap<>();
  private final List<double[]> rows = new ArrayList<>();

  private MixedFixtures() {
  }

  public static MixedFixtures read(String name) {
    Path file = Path.of("src/test/resources/fixtures/mixed").resolve(name);
    MixedFixtures f = new MixedFixtures();
    try {
      for (String line : Files.readAllLines(file)) {
        String[] parts = line.split(",", -1);
        String[] rest = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        if (parts[0].equals("row")) {
          f.rows.add(numbers(rest));
        } else {
          f.single.put(parts[0], rest);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read fixture " + file, e);
    }
    return f;
  }

  private static double[] numbers(String[] s) {
    double[] v = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      v[i] = s[i].equals("NA") ? Double.NaN : Double.parseDouble(s[i]);
    }
    return v;
  }

  public String[] strings(String key) {
    String[] v = single.get(key);
    if (v == null) {
      throw new IllegalStateException("fixture has no line '" + key + "'");
    }
    return v;
  }

  public double[] doubles(String key) {
    return numbers(strings(key));
  }

  public int[] ints(String key) {
    double[] d = doubles(key);
    int[] v = new int[d.length];
    for (int i = 0; i < d.length; i++) {
      v[i] = (int) d[i];
    }
    return v;
  }

  public int n() {
    return rows.size();
  }

  /** The "row" lines, row-major. */
  public double[] rowMajor() {
    int d = rows.get(0).length;
    double[] v = new double[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      System.arraycopy(rows.get(i), 0, v, i * d, d);
    }
    return v;
  }

  public int d() {
    return rows.get(0).length;
  }

  /** The "types" line as column types (N numeric, O ordinal, C nominal, A asymmetric binary). */
  public ColumnType[] types() {
    String[] t = strings("types");
    ColumnType[] c = new ColumnType[t.length];
    for (int j = 0; j < t.length; j++) {
      switch (t[j]) {
        case "N":
          c[j] = ColumnType.NUMERIC;
          break;
        case "O":
          c[j] = ColumnType.ORDINAL;
          break;
        case "C":
          c[j] = ColumnType.NOMINAL;
          break;
        case "A":
          c[j] = ColumnType.ASYMMETRIC_BINARY;
          break;
        default:
          throw new IllegalStateException("unknown type " + t[j]);
      }
    }
    return c;
  }

  /** Entry (i, j) of R's dist vector for n objects (lower triangle by columns, 0-based, i != j). */
  public static double dist(double[] dist, int n, int i, int j) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    return dist[n * a - a * (a + 1) / 2 + b - a - 1];
  }
}
