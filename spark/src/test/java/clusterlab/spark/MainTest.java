package clusterlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.kmeans.KMeansModel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir
  Path tmp;

  private Path csv(int n) throws Exception {
    StringBuilder sb = new StringBuilder("a,b,c\n");
    double[] row = new double[3];
    for (int i = 0; i < n; i++) {
      Blobs.row(4, i, 3, 10, row);
      sb.append(String.format(Locale.ROOT, "%.17g,%.17g,%.17g%n", row[0], row[1], row[2]));
    }
    Path p = tmp.resolve("data.csv");
    Files.writeString(p, sb.toString());
    return p;
  }

  private static String[] args(Object... a) {
    String[] s = new String[a.length];
    for (int i = 0; i < a.length; i++) {
      s[i] = a[i].toString();
    }
    return s;
  }

  private static int run(String... args) throws Exception {
    TestSpark.session();
    return Main.run(args);
  }

  @Test
  void kmeansWritesModelCentroidsLabelsAndQuality() throws Exception {
    Path data = csv(600);
    Path out = tmp.resolve("out");
    assertEquals(0, run(args("kmeans", "--input", data, "--k", 3, "--output", out, "--quality", "--silhouette-sample", 100)));
    KMeansModel model = Output.readModel(TestSpark.session().sparkContext().hadoopConfiguration(),
        out.resolve(Output.MODEL).toString());
    assertEquals(3, model.k());
    assertEquals(3, model.d());
    List<String> centroids = Files.readAllLines(out.resolve(Output.CENTROIDS));
    assertEquals("cluster,size,inertia,a,b,c", centroids.get(0));
    assertEquals(4, centroids.size());
    List<Row> rows = TestSpark.session().read().parquet(out.resolve(Output.LABELLED).toString()).collectAsList();
    assertEquals(600, rows.size());
    for (Row r : rows.subList(0, 20)) {
      double[] x = {r.getDouble(0), r.getDouble(1), r.getDouble(2)};
      assertEquals(model.predict(x, 0), r.getInt(3), "labelled rows carry the model's cluster");
    }
    String json = Files.readString(out.resolve(Output.QUALITY));
    assertTrue(json.contains("\"davies_bouldin\"") && json.contains("\"silhouette_se\""), json);
    // the same output again is refused without --overwrite
    assertEquals(2, run(args("kmeans", "--input", data, "--k", 3, "--output", out)));
  }

  @Test
  void arffAndParquetInputsGiveTheSameModelAsCsv() throws Exception {
    Path data = csv(300);
    List<String> lines = Files.readAllLines(data);
    StringBuilder arff = new StringBuilder("@relation t\n@attribute a numeric\n@attribute b real\n@attribute c numeric\n@data\n");
    lines.subList(1, lines.size()).forEach(l -> arff.append(l).append('\n'));
    Path arffFile = tmp.resolve("data.arff");
    Files.writeString(arffFile, arff.toString());
    Path parquet = tmp.resolve("data.parquet");
    TestSpark.session().read().option("header", "true").option("inferSchema", "true").csv(data.toString())
        .coalesce(1).write().parquet(parquet.toString());
    double[] ref = null;
    for (Path in : new Path[] {data, arffFile, parquet}) {
      Path out = tmp.resolve("out-" + in.getFileName());
      assertEquals(0, run(args("kmeans", "--input", in, "--k", 2, "--output", out, "--init", "random", "--labelled", "csv")));
      double[] c = Output.readModel(TestSpark.session().sparkContext().hadoopConfiguration(),
          out.resolve(Output.MODEL).toString()).centroids();
      if (ref == null) {
        ref = c;
      } else {
        assertArrayEquals(ref, c, 1e-12, in.toString());
      }
      assertTrue(Files.list(out.resolve(Output.LABELLED)).anyMatch(p -> p.toString().endsWith(".csv")));
    }
  }

  @Test
  void badInputGetsAClearError() throws Exception {
    Path text = tmp.resolve("mixed.csv");
    Files.writeString(text, "x,name\n1.0,a\n2.0,b\n3.0,c\n");
    assertTrue(error("kmeans", "--input", text.toString(), "--k", "2", "--output", tmp.resolve("o1").toString())
        .contains("column 'name' is string, not numeric"));
    Path missing = tmp.resolve("missing.csv");
    Files.writeString(missing, "x,y\n1.0,2.0\n3.0,\n5.0,6.0\n");
    assertTrue(error("kmeans", "--input", missing.toString(), "--k", "2", "--output", tmp.resolve("o2").toString())
        .contains("row 2, column 2 is NaN"));
    Path nominal = tmp.resolve("nominal.arff");
    Files.writeString(nominal, "@relation r\n@attribute x numeric\n@attribute k {a,b}\n@data\n1,a\n");
    assertTrue(error("kmeans", "--input", nominal.toString(), "--k", "2", "--output", tmp.resolve("o3").toString())
        .contains("attribute 'k' is {a,b}, not numeric"));
    assertEquals(0, run("kmeans", "--input", nominal.toString(), "--columns", "x", "--k", "1", "--output",
        tmp.resolve("o4").toString(), "--labelled", "none"), "the numeric attributes of an ARFF with a nominal one");
    assertTrue(error("kmeans", "--input", text.toString(), "--output", "x").contains("--k is required"));
    assertTrue(error("kmeans", "--input", text.toString(), "--k", "zero", "--output", "x")
        .contains("--k must be an integer"));
  }

  private static String error(String... args) throws Exception {
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, run(args));
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }
}
