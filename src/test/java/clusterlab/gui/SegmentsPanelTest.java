package clusterlab.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.io.FileReader;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * The Cluster Lab tab's Segments panel profiles in the background, only once it is opened (at a
 * million rows the profile must not compete with opening the charts); a newer clustering wins.
 */
class SegmentsPanelTest {

  @Test
  void showsTheProfileOfTheLatestClustering() throws Exception {
    Instances iris;
    try (FileReader r = new FileReader(PluginManifest.basedir().resolve("resources/data/iris.arff").toFile())) {
      iris = new Instances(r);
    }
    iris.deleteAttributeAt(4);
    int[] two = new int[150];
    int[] three = new int[150];
    for (int i = 0; i < 150; i++) {
      two[i] = i < 50 ? 0 : 1;
      three[i] = i / 50;
    }
    SegmentsPanel p = new SegmentsPanel();
    Instances data = iris;
    SwingUtilities.invokeAndWait(() -> {
      p.show(data, two);
      p.show(data, three);
    });
    Thread.sleep(300);
    SwingUtilities.invokeAndWait(() -> assertEquals(SegmentsPanel.PENDING, p.text(),
        "nothing is profiled while the tab is not on screen"));
    SwingUtilities.invokeAndWait(p::ensureComputed);
    long end = System.currentTimeMillis() + 30_000;
    String[] text = {""};
    while (!text[0].contains("In short") && System.currentTimeMillis() < end) {
      Thread.sleep(50);
      SwingUtilities.invokeAndWait(() -> text[0] = p.text());
    }
    assertTrue(text[0].contains("150 rows in 3 segments, 4 attributes"), text[0]);
  }
}
