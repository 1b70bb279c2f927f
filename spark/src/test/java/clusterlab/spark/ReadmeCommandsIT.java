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
 * exactly; the cluster lines ({@code spark-submit --master yarn ...}, also inside a Weka launcher's
 * {@code -submit "..."}) with a {@code spark-submit} on the PATH that runs Spark's own
 * {@code SparkSubmit} class, the master set to local[2] and the HDFS paths replaced by local ones
 * (there is no YARN cluster in CI). The {@code java weka.Run ...} lines run as a Weka user runs them:
 * {@code java} with Weka's class path only, and the ClusterLab package zip (built by the root
 * project, which .ci/run verifies first) installed by Weka's package manager into a fresh WEKA_HOME.
 * (The root project's InstalledPackageIT skips these lines: they need this unit.)
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
    boolean weka = false;
    for (String c : cmds) {
      if (c.startsWith("spark/run-spark.sh")) {
        String out = run(c);
        assertTrue(out.contains("iterations"), out);
        local = true;
      } else if (c.startsWith("spark-submit")) {
        runOnLocalMaster(c);
        cluster = true;
      } else if (c.startsWith("java ")) {
        weka |= runWeka(c);
      } else if (c.startsWith("mvn ")) {
        run(c);
      }
    }
    assertTrue(local && cluster && weka, "a local, a cluster and a Weka command: " + cmds);
  }

  @Test
  void theSparkGuideCommandsRunAsWritten() throws Exception {
    int ran = 0;
    for (String heading : List.of("Run it", "From Weka")) {
      for (String c : commands(ROOT.resolve("docs/spark.md"), heading)) {
        if (c.startsWith("spark/run-spark.sh")) {
          run(c);
        } else if (c.startsWith("spark-submit")) {
          runOnLocalMaster(c);
        } else if (c.startsWith("java ")) {
          runWeka(c);
        } else {
          continue;
        }
        ran++;
      }
    }
    assertTrue(ran >= 6, "the guide's commands: " + ran);
  }

  /**
   * A {@code java weka.Run ...} line as a Weka user runs it, from the repository root: Weka's class
   * path, the package from a fresh WEKA_HOME, cluster parts made local as in {@link #runOnLocalMaster}.
   * Returns whether it was the Spark launcher, whose output must show the loaded model.
   */
  private static boolean runWeka(String c) throws Exception {
    Path scratch = Files.createTempDirectory(UNIT.resolve("target"), "hdfs");
    String local = localCluster(c, scratch);
    String out = run("export WEKA_HOME='" + wekaHome() + "'; export PATH='" + sparkSubmitBin() + "':\"$PATH\"; "
        + "java() { command java " + WEKA_FLAGS + " -cp '" + wekaClasspath() + "' \"$@\"; }; " + local);
    boolean launcher = c.contains(" SparkKMeans ");
    // the launcher streams Spark's own log, whose warnings may name exceptions; the Weka tools' output may not
    assertFalse(!launcher && out.contains("Exception") || out.contains("Select a scheme"), local + "\n" + out);
    if (launcher) {
      assertTrue(out.contains("iterations") && out.contains("Loaded ") && out.contains("-model-file"), local + "\n" + out);
    }
    return launcher;
  }

  private static final String WEKA_FLAGS = "--add-opens=java.base/java.lang=ALL-UNNAMED "
      + "--add-opens=java.base/sun.net.www.protocol.jar=ALL-UNNAMED -Djava.awt.headless=true "
      + "-Dweka.packageManager.offline=true";
  private static Path wekaHome;
  private static Path bin;

  /** Weka's own class path (no ClusterLab), as the root project writes it. */
  private static String wekaClasspath() throws Exception {
    Path cp = ROOT.resolve("target/weka-classpath.txt");
    if (!Files.isRegularFile(cp) || zip() == null) {
      run("mvn -B -q -f pom.xml package -DskipTests"); // the root project, as .ci/run has built it before this unit
    }
    return Files.readString(cp).trim();
  }

  private static Path zip() throws Exception {
    try (java.util.stream.Stream<Path> s = Files.list(ROOT.resolve("target"))) {
      return s.filter(p -> p.getFileName().toString().matches("clusterLab-.*\\.zip")).findFirst().orElse(null);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  /** A fresh WEKA_HOME with the package zip installed by Weka's package manager (once per run). */
  private static synchronized Path wekaHome() throws Exception {
    if (wekaHome == null) {
      String cp = wekaClasspath();
      Path home = Files.createTempDirectory(UNIT.resolve("target"), "wekahome");
      run("export WEKA_HOME='" + home + "'; java " + WEKA_FLAGS + " -cp '" + cp
          + "' weka.core.WekaPackageManager -offline -install-package '" + zip() + "'");
      assertTrue(Files.isRegularFile(home.resolve("packages/clusterLab/Description.props")), "package installed in " + home);
      wekaHome = home;
    }
    return wekaHome;
  }

  /** A directory holding a {@code spark-submit} that runs Spark's SparkSubmit on this unit's class path. */
  private static synchronized Path sparkSubmitBin() throws Exception {
    if (bin == null) {
      Path dir = Files.createTempDirectory(UNIT.resolve("target"), "bin");
      Path script = dir.resolve("spark-submit");
      String flags = System.getProperty("clusterlab.spark.jvmFlags", "");
      String cp = Files.readString(UNIT.resolve("target/classpath.txt")).trim();
      Files.writeString(script, "#!/usr/bin/env bash\nexec java -Xmx2g " + flags + " -cp '" + cp
          + "' org.apache.spark.deploy.SparkSubmit \"$@\"\n");
      assertTrue(script.toFile().setExecutable(true));
      bin = dir;
    }
    return bin;
  }

  /** Master local[2] for a cluster's, no deploy mode, the sample data for the cluster's input, local paths for HDFS ones. */
  private static String localCluster(String c, Path scratch) {
    return c.replaceAll("--master \\S+", "--master local[2]").replaceAll("--deploy-mode \\S+ ?", "")
        .replace("hdfs:///data/customers.parquet", ROOT.resolve("resources/data/quakes.arff").toString())
        .replaceAll("hdfs:///(\\S+)", scratch.toString() + "/$1");
  }

  /** A spark-submit line with SparkSubmit for the script, master local[2] and local paths for HDFS ones. */
  private static void runOnLocalMaster(String c) throws Exception {
    Path scratch = Files.createTempDirectory(UNIT.resolve("target"), "hdfs");
    String local = localCluster(c, scratch);
    String out = run("export PATH='" + sparkSubmitBin() + "':\"$PATH\"; " + local);
    assertTrue(out.contains("iterations"), out);
    assertTrue(Files.exists(Path.of(scratch + File.separator + "clusterlab/customers-k32/kmeans.model"))
        || !local.contains(scratch.toString()), "the model is written: " + local);
  }
}
