package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;

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
 * <p>The installed package and the display come from {@link GuiFixture}: {@code $DISPLAY} (CI's Xvfb, see
 * .ci/run) or a private Xvfb, and a failure otherwise: a GUI test that cannot run is a failure, never a
 * silent skip.
 */
class ClusterLabGuiIT {

  /** Screenshots copied into docs/img for the README (generated here, committed there). */
  static final List<String> DOC_IMAGES = List.of("02-kmeans-k-sweep", "02b-kmeans-tsne-map", "04-agglomerative-dendrogram",
      "05-dendrogram-after-drag", "08-dbscan-after-eps-drag", "09-optics-reachability-after-drag",
      "10-hdbscan-condensed-tree");

  @Test
  void theClusterLabTabClustersDrawsAndRecutsInARealExplorer() throws Exception {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    Path shots = Files.createDirectories(GuiFixture.screenshotDir());
    Path driver = base.resolve("src/test/resources/it/ClusterLabGuiDriver.java");
    WekaProcess.Result r = GuiFixture.installed().weka.runOnDisplay(GuiFixture.display(), 420, List.of("-Xmx1500m"), driver.toString(),
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
