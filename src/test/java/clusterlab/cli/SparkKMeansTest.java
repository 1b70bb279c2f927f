package clusterlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Utils;

/**
 * The Spark launcher without Spark: the job's command line it composes, a failing or missing submit
 * command, and the loading of the model a job left in the output directory (the real job through
 * run-spark.sh and spark-submit runs in the Spark unit's ReadmeCommandsIT).
 */
class SparkKMeansTest {

  @TempDir
  Path tmp;

  private static SparkKMeans tool(String options) throws Exception {
    SparkKMeans s = new SparkKMeans();
    s.setOptions(Utils.splitOptions(options));
    return s;
  }

  private static String run(SparkKMeans s) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      s.execute(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theJobGetsTheDataKTheOutputAndTheOptionsAfterTheDashes() throws Exception {
    SparkKMeans s = tool("-t data.parquet -N 7 -o out -submit \"spark-submit --master yarn --class clusterlab.spark.Main "
        + "clusterlab-spark.jar\" -overwrite -- --columns a,b --quality");
    assertEquals(List.of("spark-submit", "--master", "yarn", "--class", "clusterlab.spark.Main", "clusterlab-spark.jar",
        "kmeans", "--input", "data.parquet", "--k", "7", "--output", "out", "--overwrite", "--columns", "a,b", "--quality"),
        s.command());
    SparkKMeans again = new SparkKMeans();
    again.setOptions(s.getOptions());
    assertArrayEquals(s.getOptions(), again.getOptions());
    assertEquals(SparkKMeans.DEFAULT_SUBMIT, tool("-t x.csv -o o").command().get(0));
  }

  @Test
  void theModelTheJobWroteIsLoadedAndPrintedWithTheWekaCommands() throws Exception {
    Path out = Files.createDirectories(tmp.resolve("out"));
    KMeansModel m = KMeansModel.of(2, 3, new double[] {1, 2, 3, 4, 5, 6}, new int[0], new double[] {1.5, 2.5},
        new double[] {10, 20}, 4, true, KMeans.Algorithm.HAMERLY);
    try (OutputStream o = Files.newOutputStream(out.resolve("kmeans.model")); ObjectOutputStream oo = new ObjectOutputStream(o)) {
      oo.writeObject(m);
    }
    Files.writeString(out.resolve("centroids.csv"), "cluster,size,inertia,lat,long,depth\n");
    // "true" stands in for a job that already ran: exit status 0, the model in the output directory
    String text = run(tool("-t data.arff -N 2 -o " + out + " -submit true"));
    assertTrue(text.contains("k = 2, 3 columns, 4 iterations, converged, inertia 4.000000000"), text);
    assertTrue(text.contains("lat") && text.contains("depth") && text.contains("6.00000"), text);
    assertTrue(text.contains("java weka.Run ClusterQuality -t data.arff -W weka.clusterers.centroid.KMeans -- -model-file "
        + out.resolve("kmeans.model")), text);
    assertArrayEquals(m.centroids(), SparkKMeans.load(out.resolve("kmeans.model").toFile()).centroids());
  }

  @Test
  void aFailedJobAMissingLauncherOrAMissingModelIsReportedClearly() throws Exception {
    Exception e = assertThrows(IllegalStateException.class, () -> run(tool("-t d.csv -o o -submit false")));
    assertTrue(e.getMessage().contains("failed with exit status 1") && e.getMessage().contains("false kmeans --input d.csv"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> run(tool("-t d.csv -o o -submit no/such/run-spark.sh")));
    assertTrue(e.getMessage().contains("no/such/run-spark.sh does not exist"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> run(tool("-t d.csv -o o -submit no-such-spark-submit")));
    assertTrue(e.getMessage().contains("cannot start 'no-such-spark-submit'"), e.getMessage());
    e = assertThrows(java.io.IOException.class, () -> run(tool("-t d.csv -o " + tmp.resolve("empty") + " -submit true")));
    assertTrue(e.getMessage().contains("wrote no model"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> tool("-o o").command());
    assertTrue(e.getMessage().contains("-t"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> tool("-t d.csv -N 0"));
    assertTrue(e.getMessage().contains("option -N: the number of clusters must be at least 1, got 0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> tool("-t d.csv -N two"));
    assertEquals("option -N expects a whole number, got 'two'", e.getMessage());
  }

  @Test
  void aModelOnTheClustersFileSystemIsNamedNotRead() throws Exception {
    SparkKMeans s = tool("-t hdfs:///d.parquet -o hdfs:///out -submit true");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertNull(s.submitAndLoad(new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("hdfs dfs -get hdfs:///out/kmeans.model"));
    assertTrue(SparkKMeans.isLocal("target/out") && SparkKMeans.isLocal("file:/tmp/x") && !SparkKMeans.isLocal("s3a://b/x"));
  }
}
