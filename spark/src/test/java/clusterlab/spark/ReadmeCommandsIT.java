package clusterlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The commands of the README's "Scaling out" section and of docs/spark.md, run as written from the
 * repository root after the unit is packaged (failsafe, {@code mvn verify}): the local-mode lines
 * exactly; the cluster line ({@code spark-submit --master yarn ...}) with Spark's own
 * {@code SparkSubmit} class standing in for the {@code spark-submit} script, the master set to
 * local[2] and the HDFS paths replaced by local ones (there is no YARN cluster in CI).
 */
class ReadmeCommandsIT {

  private static final Path UNIT = Path.of(System.getProperty("clusterlab.spark.basedir", ".")).toAbsolutePath();
  private static final Path ROOT = UNIT.getParent();

  /** Lines of the fenced bash blocks under the heading that starts with {@code heading}, joined over backslashes. */
  static List<String> commands(Path file, String heading) throws Exception {
    List<String> out = new ArrayList<>();
    boolean inSection = false;
    boolean inCode = false;
    StringBuilder pending = new StringBuilder();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("#") && !inCode) {
        inSection = line.replaceFirst("^#+\\s*", "").startsWith(heading);
        continue;
      }
      if (!inSection) {
        continue;
      }
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (!inCode || line.trim().startsWith("#") || line.isBlank()) {
        continue;
      }
      String t = line.trim();
      if (t.endsWith("\\")) {
        pending.append(t, 0, t.length() - 1).append(' ');
      } else {
        out.add(pending.append(t).toString().replaceAll("\\s+", " "));
        pending.setLength(0);
      }
    }
    return out;
  }

  private static String run(String command) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), command);
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), command + "\n" + text);
    return text;
  }

  @Test
  void theReadmeScalingOutCommandsRunAsWritten() throws Exception {
    List<String> cmds = commands(ROOT.resolve("README.md"), "Scaling out");
    assertFalse(cmds.isEmpty(), "README has a Scaling out section with commands");
    boolean local = false;
    boolean cluster = false;
    for (String c : cmds) {
      if (c.startsWith("spark/run-spark.sh")) {
        String out = run(c);
        assertTrue(out.contains("iterations"), out);
        local = true;
      } else if (c.startsWith("spark-submit")) {
        runOnLocalMaster(c);
        cluster = true;
      } else if (c.startsWith("java ") || c.startsWith("mvn ")) {
        run(c);
      }
    }
    assertTrue(local && cluster, "both a local and a cluster command: " + cmds);
  }

  @Test
  void theSparkGuideCommandsRunAsWritten() throws Exception {
    for (String c : commands(ROOT.resolve("docs/spark.md"), "Run it")) {
      if (c.startsWith("spark/run-spark.sh")) {
        run(c);
      } else if (c.startsWith("spark-submit")) {
        runOnLocalMaster(c);
      }
    }
  }

  /** A spark-submit line with SparkSubmit for the script, master local[2] and local paths for HDFS ones. */
  private static void runOnLocalMaster(String c) throws Exception {
    Path scratch = Files.createTempDirectory(UNIT.resolve("target"), "hdfs");
    String local = c.replaceAll("--master \\S+", "--master local[2]").replaceAll("--deploy-mode \\S+", "")
        .replace("hdfs:///data/customers.parquet", ROOT.resolve("resources/data/quakes.arff").toString())
        .replaceAll("hdfs:///(\\S+)", scratch.toString() + "/$1");
    String flags = System.getProperty("clusterlab.spark.jvmFlags", "");
    String cp = Files.readString(UNIT.resolve("target/classpath.txt")).trim();
    String shim = "spark-submit() { java -Xmx2g " + flags + " -cp '" + cp + "' org.apache.spark.deploy.SparkSubmit \"$@\"; }; ";
    String out = run(shim + local);
    assertTrue(out.contains("iterations"), out);
    assertTrue(Files.exists(Path.of(scratch + File.separator + "clusterlab/customers-k32/kmeans.model"))
        || !local.contains(scratch.toString()), "the model is written: " + local);
  }
}
