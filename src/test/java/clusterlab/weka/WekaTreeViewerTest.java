package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import weka.clusterers.AbstractClusterer;
import weka.core.Drawable;
import weka.core.Instances;
import weka.core.Utils;
import weka.gui.hierarchyvisualizer.HierarchyVisualizer;

/**
 * Our trees drawn by Weka's own tree viewer (the Explorer's "Visualize tree"), rendered off screen:
 * the top merge must be drawn inside the picture. Weka clips 7 px at the top and draws a root
 * without a branch 1 unit down, which was on the edge for USArrests Ward and BisectingKMeans trees.
 */
class WekaTreeViewerTest {

  @Test
  void wardOnUsArrestsShowsItsTopMerge() throws Exception {
    assertTopMergeDrawn("weka.clusterers.hierarchical.Agglomerative", "-L ward -N 4");
  }

  @Test
  void bisectingKMeansShowsItsTopMerge() throws Exception {
    assertTopMergeDrawn("weka.clusterers.centroid.BisectingKMeans", "-N 4");
  }

  private static void assertTopMergeDrawn(String cls, String options) throws Exception {
    Instances data = TestData.bundled("usarrests.arff", false);
    if (cls.endsWith("BisectingKMeans")) {
      data.deleteAttributeAt(0); // BisectingKMeans takes numeric attributes only
    }
    weka.clusterers.Clusterer c = AbstractClusterer.forName(cls, Utils.splitOptions(options));
    c.buildClusterer(data);
    String graph = ((Drawable) c).graph();
    HierarchyVisualizer v = new HierarchyVisualizer(graph);
    v.setSize(600, 400);
    v.fitToScreen();
    BufferedImage img = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.BLACK); // what Swing hands a component: its foreground colour
    v.paintComponent(g);
    g.dispose();
    int top = -1;
    for (int y = 7; y < 400 && top < 0; y++) {
      if (longestDarkRun(img, y) >= 100) {
        top = y;
      }
    }
    assertTrue(top >= 7 && top < 80, cls + ": no top merge drawn near the top of Weka's tree viewer (first long "
        + "horizontal line at y = " + top + "); runs per row: " + profile(img) + "\n" + graph.substring(0, Math.min(200, graph.length())));
  }

  private static String profile(BufferedImage img) {
    StringBuilder sb = new StringBuilder();
    for (int y = 0; y < img.getHeight(); y += 5) {
      sb.append(y).append(':').append(longestDarkRun(img, y)).append(' ');
    }
    return sb.toString();
  }

  private static int longestDarkRun(BufferedImage img, int y) {
    int best = 0;
    int run = 0;
    for (int x = 0; x < img.getWidth(); x++) {
      int rgb = img.getRGB(x, y) & 0xffffff;
      run = rgb != 0xffffff ? run + 1 : 0;
      best = Math.max(best, run);
    }
    return best;
  }
}
