package clusterlab.core.evaluation;

import clusterlab.core.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the files written by tools/fixtures/eval.py. */
final class Fixtures {

  static final Path DIR = Path.of("src/test/resources/fixtures/eval");
  static final String[] SETS = {"iris", "wine", "digits", "blobs"};

  private Fixtures() {
  }

  static List<String> lines(String file) {
    try {
      return Files.readAllLines(DIR.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dataset data(String set) {
    List<String> rows = lines(set + ".csv");
    int d = rows.get(0).split(",").length;
    double[] v = new double[rows.size() * d];
    for (int i = 0; i < rows.size(); i++) {
      String[] f = rows.get(i).split(",");
      for (int j = 0; j < d; j++) {
        v[i * d + j] = Double.parseDouble(f[j]);
      }
    }
    return Dataset.of(v, rows.size(), d);
  }

  static int[] labels(String set, String labelling) {
    return lines(set + "." + labelling + ".labels").stream().mapToInt(Integer::parseInt).toArray();
  }

  static double[] doubles(String file) {
    return lines(file).stream().mapToDouble(s -> s.equals("nan") ? Double.NaN : Double.parseDouble(s)).toArray();
  }

  /** "set labelling index" -> value. */
  static Map<String, Double> scores() {
    Map<String, Double> m = new HashMap<>();
    for (String line : lines("scores.txt")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split(" ");
      m.put(f[0] + " " + f[1] + " " + f[2], Double.parseDouble(f[3]));
    }
    return m;
  }

  static String[] labellings(String set) {
    return set.equals("blobs") ? new String[] {"true", "kmeans", "kmeans_noise"} : new String[] {"true", "kmeans"};
  }

  /** |a - b| <= tol * max(|a|, |b|), with NaN equal to NaN. */
  static boolean close(double expected, double actual, double tol) {
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      return Double.isNaN(expected) && Double.isNaN(actual);
    }
    return Math.abs(expected - actual) <= tol * Math.max(Math.abs(expected), Math.abs(actual));
  }
}
