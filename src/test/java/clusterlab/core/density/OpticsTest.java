package clusterlab.core.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpticsTest {

  private static void assertClose(double e, double a, String msg) {
    if (Double.isInfinite(e)) {
      assertEquals(e, a, msg);
    } else {
      assertEquals(e, a, 1e-9 * Math.max(1, Math.abs(e)), msg);
    }
  }

  /** Ordering, reachability, core distances and predecessors equal scikit-learn's (tie order aside). */
  @Test
  void matchesScikitLearn() {
    int identical = 0;
    for (String[] s : Fixtures.rows("optics_settings.csv")) {
      String name = s[0];
      int minPts = Integer.parseInt(s[1]);
      Dataset data = Fixtures.data(name);
      String file = "optics_" + name + ".csv";
      int[] order = Fixtures.intColumn(file, 0);
      double[] reachPlot = Fixtures.column(file, 1);
      double[] corePlot = Fixtures.column(file, 2);
      for (NeighborIndexes.Kind kind : new NeighborIndexes.Kind[] {NeighborIndexes.Kind.AUTO, NeighborIndexes.Kind.BALL_TREE}) {
        OpticsModel m = new Optics(minPts, Double.POSITIVE_INFINITY, Metric.EUCLIDEAN, kind, 0).fit(data, null);
        double[] plot = m.reachabilityPlot();
        double[] core = m.coreDistances();
        double[] reach = m.reachability();
        int[] mine = m.ordering();
        int sameOrder = 0;
        for (int i = 0; i < data.n(); i++) {
          assertClose(reachPlot[i], plot[i], name + " reachability plot at position " + i);
          assertClose(corePlot[i], core[order[i]], name + " core distance of row " + order[i]);
          sameOrder += mine[i] == order[i] ? 1 : 0;
        }
        if (sameOrder == data.n()) {
          identical++;
          for (int i = 0; i < data.n(); i++) {
            assertClose(reachPlot[i], reach[order[i]], name + " reachability of row " + order[i]);
          }
          assertArrayEquals(Fixtures.intColumn(file, 3), permute(m.predecessor(), mine), name + " predecessors");
          assertArrayEquals(Fixtures.intColumn("optics_xi_" + name + ".csv", 0),
              m.extractXi(0.05, minPts, true).labels(), name + " xi labels");
          List<String[]> hier = Fixtures.rows("optics_xi_hier_" + name + ".csv");
          int[][] h = m.extractXi(0.05, minPts, true).hierarchy();
          assertEquals(hier.size(), h.length);
          for (int c = 0; c < h.length; c++) {
            assertEquals(Integer.parseInt(hier.get(c)[0]), h[c][0]);
            assertEquals(Integer.parseInt(hier.get(c)[1]), h[c][1]);
          }
        }
        assertTrue(sameOrder >= data.n() * 0.9, name + ": ordering differs beyond ties (" + sameOrder + " equal positions)");
      }
    }
    assertTrue(identical >= 4, "at least two data sets (both index kinds) with sklearn's exact ordering, got " + identical);
  }

  private static int[] permute(int[] byRow, int[] order) {
    int[] out = new int[order.length];
    for (int i = 0; i < order.length; i++) {
      out[i] = byRow[order[i]];
    }
    return out;
  }

  @Test
  void dbscanCutAgreesWithDbscanOnCorePoints() {
    Dataset data = Fixtures.data("blobs_noise");
    OpticsModel m = new Optics(5, Double.POSITIVE_INFINITY, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0).fit(data, null);
    int[] cut = m.extractDbscan(0.5);
    DbscanModel db = new Dbscan(0.5, 5, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0).fit(data, null);
    java.util.Map<Integer, Integer> map = new java.util.HashMap<>();
    for (int i = 0; i < data.n(); i++) {
      if (db.isCore(i)) {
        Integer prev = map.put(db.label(i), cut[i]);
        assertTrue(cut[i] >= 0 && (prev == null || prev == cut[i]), "core row " + i);
      }
    }
  }

  @Test
  void boundedMaxEpsLeavesSparseRowsUnreached() {
    Dataset data = Fixtures.data("blobs_noise");
    OpticsModel m = new Optics(5, 0.3, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 1).fit(data, null);
    int inf = 0;
    for (double c : m.coreDistances()) {
      inf += Double.isInfinite(c) ? 1 : 0;
    }
    assertTrue(inf > 0);
    int[] seen = new int[data.n()];
    for (int r : m.ordering()) {
      seen[r]++;
    }
    for (int c : seen) {
      assertEquals(1, c, "the ordering is a permutation");
    }
    assertThrows(IllegalArgumentException.class, () -> new Optics(1, 1, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0));
    assertThrows(IllegalArgumentException.class, () -> m.extractXi(1.5, 5, true));
  }
}
