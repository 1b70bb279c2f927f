package clusterlab.core.hierarchical;

import clusterlab.core.Dataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Reads the fixtures written by tools/fixtures/hier.py and hier_diana.R; compares partitions. */
final class HierFixtures {

  static final Path DIR = Paths.get("src", "test", "resources", "fixtures", "hier");

  private HierFixtures() {
  }

  static Dataset data(String name) {
    List<double[]> rows = new ArrayList<>();
    for (String line : lines(DIR.resolve("data_" + name + ".csv"))) {
      rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
    }
    return Dataset.ofRows(rows.toArray(new double[0][]));
  }

  static List<String> lines(Path p) {
    try {
      List<String> out = new ArrayList<>();
      for (String l : Files.readAllLines(p)) {
        if (!l.isBlank()) {
          out.add(l.trim());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> cases() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.getFileName().toString().startsWith("case_")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int[] ints(String[] parts, int from) {
    int[] v = new int[parts.length - from];
    for (int i = from; i < parts.length; i++) {
      v[i - from] = Integer.parseInt(parts[i]);
    }
    return v;
  }

  /** Labels renumbered 0, 1, ... by first occurrence: equal arrays mean equal partitions (ARI 1). */
  static int[] canonical(int[] labels) {
    int[] out = new int[labels.length];
    java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      out[i] = map.computeIfAbsent(labels[i], k -> map.size());
    }
    return out;
  }

  static int clusters(int[] labels) {
    return (int) Arrays.stream(labels).distinct().count();
  }

  /** Relative difference with an absolute floor relative to the scale of the values compared. */
  static boolean close(double a, double b, double rel, double scale) {
    return Math.abs(a - b) <= rel * Math.max(Math.max(Math.abs(a), Math.abs(b)), scale * 1e-3);
  }
}
