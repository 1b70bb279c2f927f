package clusterlab.core.sparse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the "n,d" then "row,col,value" fixture files written by tools/fixtures/text.py. */
public final class CsrFixture {

  private CsrFixture() {
  }

  public static Path file(String name) {
    return Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("src/test/resources/fixtures/text").resolve(name);
  }

  public static List<String> lines(String name) {
    try {
      return Files.readAllLines(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SparseDataset read(String name) {
    List<String> lines = lines(name);
    String[] head = lines.get(0).split(",");
    int n = Integer.parseInt(head[0]);
    SparseDataset.Builder b = new SparseDataset.Builder(Integer.parseInt(head[1]));
    int row = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      int r = Integer.parseInt(f[0]);
      while (row < r) {
        b.endRow(1.0);
        row++;
      }
      b.add(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
    }
    while (row < n) {
      b.endRow(1.0);
      row++;
    }
    return b.build();
  }
}
