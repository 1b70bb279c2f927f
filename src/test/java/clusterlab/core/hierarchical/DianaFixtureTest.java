package clusterlab.core.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DIANA against R's cluster::diana (tools/fixtures/hier_diana.R): coefficient, heights, cutree partitions. */
class DianaFixtureTest {

  @ParameterizedTest
  @ValueSource(strings = {"usarrests", "iris", "blobs", "wine"})
  void matchesR(String name) {
    Dataset x = HierFixtures.data(name);
    MergeHistory tree = new Diana(Metric.EUCLIDEAN, 2).fit(x, Progress.NONE);
    List<String> lines = HierFixtures.lines(HierFixtures.DIR.resolve("diana_" + name + ".csv"));
    int cuts = 0;
    for (String l : lines) {
      String[] p = l.split(",");
      if (p[0].equals("dc")) {
        assertEquals(Double.parseDouble(p[1]), tree.bannerCoefficient(), 1e-9, name + " divisive coefficient");
      } else if (p[0].equals("height")) {
        double[] expected = Arrays.stream(p, 1, p.length).mapToDouble(Double::parseDouble).toArray();
        double[] actual = tree.heights();
        Arrays.sort(actual);
        for (int m = 0; m < expected.length; m++) {
          assertTrue(HierFixtures.close(expected[m], actual[m], 1e-9, expected[expected.length - 1]),
              name + " height " + m + ": " + expected[m] + " vs " + actual[m]);
        }
      } else if (p[0].equals("cutree")) {
        int k = Integer.parseInt(p[1]);
        assertArrayEquals(HierFixtures.canonical(HierFixtures.ints(p, 2)), tree.cutCount(k), name + " cutree k=" + k);
        cuts++;
      }
    }
    assertEquals(7, cuts);
    assertTrue(tree.isMonotone(), "DIANA split diameters never increase going down");
  }
}
