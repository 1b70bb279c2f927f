package clusterlab.core.prep;

import clusterlab.core.Dataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the CSV fixtures written by tools/fixtures/prep.py (no header, 'nan' for missing). */
public final class PrepFixtures {

  private PrepFixtures() {
  }

  /** Rows of the fixture file {@code name}. */
  public static double[][] rows(String name) {
    return resource("/fixtures/prep/" + name);
  }

  /** Rows of the CSV test resource at {@code path} (no header, 'nan' for missing). */
  public static double[][] resource(String path) {
    try (InputStream in = PrepFixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + path + ": run its generator in tools/fixtures");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<double[]> out = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        double[] row = new double[f.length];
        for (int j = 0; j < f.length; j++) {
          row[j] = f[j].trim().equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(f[j]);
        }
        out.add(row);
      }
      return out.toArray(new double[0][]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture as one flat row-major array. */
  public static double[] flat(String name) {
    double[][] rows = rows(name);
    int d = rows[0].length;
    double[] v = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(rows[i], 0, v, i * d, d);
    }
    return v;
  }

  /** The fixture as a dataset (finite values only). */
  public static Dataset dataset(String name) {
    return Dataset.ofRows(rows(name));
  }

  /** A one-row or one-column fixture as a vector. */
  public static double[] vector(String name) {
    return flat(name);
  }
}
