package clusterlab.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.charts.DendrogramLayout.Cut;
import clusterlab.charts.DendrogramLayout.Truncation;
import clusterlab.core.hierarchical.MergeHistory;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DendrogramChartTest {

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  @Test
  void usArrestsCutIntoFourHasFourBranchColoursMatchingTheCutLabels() throws Exception {
    MergeHistory tree = ChartFixtures.ward(ChartFixtures.usArrests());
    String[] states = new String[tree.n()];
    for (int i = 0; i < states.length; i++) {
      states[i] = "state " + i;
    }
    DendrogramChart builder = DendrogramChart.of(tree).leafLabels(states).cut(Cut.clusters(4)).parameters("Ward, USArrests");
    JFreeChart chart = builder.build();
    ChartFixtures.save(chart, "dendrogram-usarrests");
    int[] colours = DendrogramChart.linkColours(chart);
    Set<Integer> distinct = new HashSet<>();
    int above = 0;
    for (int c : colours) {
      distinct.add(c);
      above += c < 0 ? 1 : 0;
    }
    assertEquals(3, above, "the three merges above a 4-cluster cut are neutral");
    assertEquals(Set.of(-1, 0, 1, 2, 3), distinct);
    assertEquals(50, ((SymbolAxis) chart.getXYPlot().getDomainAxis()).getSymbols().length, "a label per state");
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    assertTrue(ChartFixtures.inked(img) > 0.01);
    for (int c = 0; c < 4; c++) {
      assertTrue(ChartFixtures.pixelsNear(img, ChartTheme.colour(c), 3) > 50, "branch colour " + c);
    }
    assertEquals(0, ChartFixtures.pixelsNear(img, ChartTheme.colour(4), 2));
    // a leaf's colour is the label the cut gives its row
    int[] labels = tree.cutCount(4);
    DendrogramLayout layout = DendrogramChart.layoutOf(chart);
    int[] leafColour = layout.leafColours(Cut.clusters(4));
    for (int p = 0; p < layout.leaves(); p++) {
      assertEquals(labels[layout.leafNode(p)], leafColour[p]);
    }
    // moving the cut recolours and returns the new labels
    int[] two = builder.setCut(Cut.clusters(2));
    assertArrayEquals(tree.cutCount(2), two);
    int neutral = 0;
    for (int c : DendrogramChart.linkColours(chart)) {
      neutral += c < 0 ? 1 : 0;
    }
    assertEquals(1, neutral);
    int[] byHeight = DendrogramChart.setCut(chart, Cut.atHeight(200));
    assertArrayEquals(tree.cutHeight(200), byHeight);
  }

  @Test
  void cutLineSitsBetweenTheMergesItSeparates() {
    MergeHistory tree = ChartFixtures.ward(ChartFixtures.usArrests());
    double h = Cut.clusters(4).lineHeight(tree);
    int m = tree.merges();
    assertTrue(h > tree.height(m - 4) && h < tree.height(m - 3), "line at " + h);
    assertEquals(4, Cut.atHeight(h).clustersIn(tree));
  }

  @Test
  void truncationFollowsScipy() {
    MergeHistory tree = ChartFixtures.ward(ChartFixtures.usArrests());
    DendrogramLayout last = DendrogramLayout.of(tree, Truncation.lastP(6));
    assertEquals(6, last.leaves());
    assertEquals(5, last.links());
    int rows = 0;
    for (int p = 0; p < last.leaves(); p++) {
      rows += last.leafSize(p);
    }
    assertEquals(50, rows, "truncated leaves account for every row");
    assertTrue(last.leafLabels(null)[0].matches("\\(\\d+\\)|\\d+"));
    DendrogramLayout level = DendrogramLayout.of(tree, Truncation.level(2));
    assertEquals(7, level.links(), "root plus two full levels of a binary tree: 1 + 2 + 4 merges");
    assertEquals(8, level.leaves());
    // full layout: leaves in MergeHistory.leafOrder
    DendrogramLayout full = DendrogramLayout.of(tree, Truncation.none());
    int[] order = tree.leafOrder();
    for (int p = 0; p < 50; p++) {
      assertEquals(order[p], full.leafNode(p));
    }
  }

  @Test
  void aHundredThousandLeafTreeDrawsTruncatedWithinAMemoryBound() throws Exception {
    MergeHistory tree = ChartFixtures.randomTree(100_000, 7);
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    JFreeChart chart = DendrogramChart.of(tree).truncate(Truncation.lastP(30)).cut(Cut.clusters(6)).build();
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    assertTrue(ChartFixtures.inked(img) > 0.01);
    assertEquals(30, DendrogramChart.layoutOf(chart).leaves());
    // O(n) arrays of a few ints/doubles per node (~2n nodes) plus the image (900x600x4 bytes)
    assertTrue(allocated < 64L << 20, "allocated " + (allocated >> 20) + " MiB");
  }

  @Test
  void aChainOfAHundredThousandRowsLaysOutWithoutRecursion() {
    MergeHistory chain = ChartFixtures.chain(100_000);
    DendrogramLayout layout = DendrogramLayout.of(chain, Truncation.none());
    assertEquals(100_000, layout.leaves());
    assertEquals(99_999, layout.links());
    JFreeChart chart = DendrogramChart.of(chain).truncate(Truncation.none()).cut(Cut.clusters(3)).build();
    assertTrue(ChartFixtures.inked(ChartFixtures.render(chart, new ChartRenderingInfo())) > 0.005);
  }

  @Test
  void horizontalDendrogramRenders() throws Exception {
    MergeHistory tree = ChartFixtures.ward(ChartFixtures.usArrests());
    JFreeChart chart = DendrogramChart.of(tree).horizontal(true).cut(Cut.atHeight(150)).build();
    ChartFixtures.save(chart, "dendrogram-horizontal");
    BufferedImage img = ChartFixtures.render(chart, new ChartRenderingInfo());
    assertTrue(ChartFixtures.pixelsNear(img, ChartTheme.colour(3), 3) > 50);
  }
}
