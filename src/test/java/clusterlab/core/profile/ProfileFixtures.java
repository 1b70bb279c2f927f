package clusterlab.core.profile;

import clusterlab.core.mixed.ColumnType;
import clusterlab.core.mixed.MixedTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the fixtures tools/fixtures/profile.R writes (R's t.test, chisq.test, p.adjust on mixed tables). */
final class ProfileFixtures {

  final MixedTable table;
  final int[] labels;
  /** Result lines: kind ("num", "cat", "res", "cnt"), segment, column, values. */
  final List<Result> results = new ArrayList<>();

  record Result(String kind, int cluster, int column, double[] values) {
  }

  private ProfileFixtures(MixedTable table, int[] labels) {
    this.table = table;
    this.labels = labels;
  }

  static ProfileFixtures read(String name) {
    Path file = Path.of("src/test/resources/fixtures/profile").resolve(name);
    try {
      String[] names = null;
      String[] types = null;
      int[] levels = null;
      int[] labels = null;
      List<double[]> rows = new ArrayList<>();
      List<Result> results = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        String[] p = line.split(",", -1);
        String[] rest = Arrays.copyOfRange(p, 1, p.length);
        switch (p[0]) {
          case "names" -> names = rest;
          case "types" -> types = rest;
          case "levels" -> levels = Arrays.stream(rest).mapToInt(Integer::parseInt).toArray();
          case "row" -> rows.add(numbers(rest));
          case "labels" -> labels = Arrays.stream(rest).mapToInt(Integer::parseInt).toArray();
          default -> results.add(new Result(p[0], Integer.parseInt(p[1]), Integer.parseInt(p[2]),
              numbers(Arrays.copyOfRange(p, 3, p.length))));
        }
      }
      int m = names.length;
      double[] v = new double[rows.size() * m];
      for (int i = 0; i < rows.size(); i++) {
        System.arraycopy(rows.get(i), 0, v, i * m, m);
      }
      ColumnType[] t = new ColumnType[m];
      for (int j = 0; j < m; j++) {
        t[j] = switch (types[j]) {
          case "N" -> ColumnType.NUMERIC;
          case "O" -> ColumnType.ORDINAL;
          default -> ColumnType.NOMINAL;
        };
      }
      ProfileFixtures f = new ProfileFixtures(MixedTable.of(v, rows.size(), t, levels, names, null), labels);
      f.results.addAll(results);
      return f;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read fixture " + file, e);
    }
  }

  private static double[] numbers(String[] s) {
    double[] v = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      v[i] = s[i].equals("NA") ? Double.NaN : Double.parseDouble(s[i]);
    }
    return v;
  }
}
