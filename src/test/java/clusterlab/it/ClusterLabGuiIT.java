package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Cluster Lab tab in a real Explorer window: the package zip installed by Weka's package
 * manager into a fresh WEKA_HOME, the Explorer started in a JVM with only Weka's jars on an X
 * display, iris loaded, the tab opened, K-Means (with the K sweep, its per cent done reported), Agglomerative
 * and DBSCAN run with the tab's buttons, the expected chart panels (the t-SNE map embedded once its tab
 * is opened, recoloured by a re-cut) found in the Swing component tree, and the
 * dendrogram's cut line and the k-distance plot's eps line dragged with the mouse, each of which
 * must change the number of clusters. Screenshots go to {@code target/gui-screenshots}
 * ({@code -Dclusterlab.docImages=true} also copies the README's ones to {@code docs/img}).
 *
 * <p>The display is {@code $DISPLAY} (CI's Xvfb, see .ci/run); without one, the test starts its own
 * Xvfb when it is installed, and fails otherwise: a GUI test that cannot run is a failure, never a
 * silent skip.
 */
class ClusterLabGuiIT {

  /** Screenshots copied into docs/img for the README (generated here, committed there). */
  static final List<String> DOC_IMAGES = List.of("02-kmeans-k-sweep", "02b-kmeans-tsne-map", "04-agglomerative-dendrogram",
      "05-dendrogram-after-drag", "08-dbscan-after-eps-drag", "09-optics-reachability-after-drag",
      "10-hdbscan-condensed-tree");

  @TempDir
  static Path tmp;
  static WekaProcess weka;
  static Process ownXvfb;
  static String display;

  @BeforeAll
  static void installAndFindADisplay() throws Exception {
    Path zip = Path.of(System.getProperty("clusterlab.zip"));
    assertTrue(Files.isRegularFile(zip), "package zip not built: " + zip);
    Path home = Files.createDirectories(tmp.resolve("wekahome"));
    weka = new WekaProcess(home);
    WekaProcess.Result r = weka.run(300, List.of(), "weka.core.WekaPackageManager", "-offline", "-install-package",
        zip.toString());
    assertTrue(Files.isRegularFile(home.resolve("packages/clusterLab/clusterLab.jar")), "install failed:\n" + r.output());
    display = System.getenv("DISPLAY");
    if (display == null || display.isBlank()) {
      display = startXvfb();
    }
  }

  /** A private Xvfb on a free display number, or a failure saying how to get one. */
  static String startXvfb() throws IOException, InterruptedException {
    String xvfb = which("Xvfb");
    if (xvfb == null) {
      fail("no X display for the GUI test: DISPLAY is unset and Xvfb is not installed "
          + "(apt-get install xvfb, or run .ci/run, which installs and starts it)");
    }
    for (int n = 90; n < 120; n++) {
      if (new File("/tmp/.X11-unix/X" + n).exists() || new File("/tmp/.X" + n + "-lock").exists()) {
        continue;
      }
      ownXvfb = new ProcessBuilder(xvfb, ":" + n, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
          .redirectErrorStream(true).redirectOutput(tmp.resolve("xvfb.log").toFile()).start();
      for (int i = 0; i < 50 && ownXvfb.isAlive(); i++) {
        if (new File("/tmp/.X11-unix/X" + n).exists()) {
          return ":" + n;
        }
        Thread.sleep(100);
      }
      ownXvfb.destroy();
    }
    fail("could not start Xvfb: " + Files.readString(tmp.resolve("xvfb.log")));
    return null;
  }

  static String which(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, program);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  @AfterAll
  static void stopXvfb() throws InterruptedException {
    if (ownXvfb != null) {
      ownXvfb.destroy();
      ownXvfb.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theClusterLabTabClustersDrawsAndRecutsInARealExplorer() throws Exception {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    Path shots = Files.createDirectories(base.resolve("target/gui-screenshots"));
    Path driver = base.resolve("src/test/resources/it/ClusterLabGuiDriver.java");
    WekaProcess.Result r = weka.runOnDisplay(display, 420, List.of("-Xmx1500m"), driver.toString(),
        base.resolve("resources/data/iris.arff").toString(), shots.toString());
    assertTrue(r.output().contains("GUI PASS"), "the GUI test failed (screenshots in " + shots + "):\n" + r.output());
    for (String img : DOC_IMAGES) {
      Path png = shots.resolve(img + ".png");
      assertTrue(Files.size(png) > 10_000, "screenshot missing or blank: " + png);
      if (Boolean.getBoolean("clusterlab.docImages")) {
        Path docs = Files.createDirectories(base.resolve("docs/img"));
        Files.copy(png, docs.resolve("cluster-lab-" + img.substring(img.indexOf('-') + 1) + ".png"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
