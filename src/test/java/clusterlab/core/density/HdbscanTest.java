package clusterlab.core.density;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HdbscanTest {

  /** Labels equal R dbscan::hdbscan's up to renaming (ARI 1.0), noise identical, GLOSH to 1e-9. */
  @Test
  void matchesRDbscan() {
    int checked = 0;
    for (String[] s : Fixtures.rows("hdbscan_settings.csv")) {
      String name = s[0];
      int minPts = Integer.parseInt(s[1]);
      Dataset data = Fixtures.data(name);
      String file = "hdbscan_" + name + "_" + minPts + ".csv";
      int[] r = Fixtures.intColumn(file, 0);
      double[] glosh = Fixtures.column(file, 1);
      for (int threads : new int[] {1, 2}) {
        HdbscanModel m = Hdbscan.likeR(minPts, Metric.EUCLIDEAN, threads).fit(data, null);
        int[] l = m.labels();
        double[] g = m.outlierScores();
        Map<Integer, Integer> fwd = new HashMap<>();
        Map<Integer, Integer> back = new HashMap<>();
        for (int i = 0; i < data.n(); i++) {
          String where = name + " minPts=" + minPts + " row " + i;
          assertEquals(r[i] == 0, l[i] == -1, where + " noise");
          if (l[i] >= 0) {
            Integer a = fwd.put(r[i], l[i]);
            Integer b = back.put(l[i], r[i]);
            assertTrue((a == null || a == l[i]) && (b == null || b == r[i]), where + " partition");
          }
          assertEquals(glosh[i], g[i], 1e-9, where + " GLOSH");
        }
        assertEquals(fwd.size(), m.numClusters());
        checked++;
      }
    }
    assertEquals(14, checked);
  }

  @Test
  void probabilitiesAndPrediction() {
    Dataset data = Fixtures.data("blobs_noise");
    HdbscanModel m = Hdbscan.builder(10).minSamples(5).build()
        .fit(data, null);
    double[] p = m.probabilities();
    int[] l = m.labels();
    int ones = 0;
    int agree = 0;
    int members = 0;
    for (int i = 0; i < data.n(); i++) {
      assertTrue(p[i] >= 0 && p[i] <= 1);
      assertEquals(l[i] < 0, p[i] == 0, "noise has probability 0 and members more");
      ones += p[i] == 1 ? 1 : 0;
      if (l[i] >= 0) {
        members++;
        HdbscanModel.Prediction pr = m.predict(data.values(), i * data.d());
        agree += pr.label() == l[i] ? 1 : 0;
      }
    }
    assertTrue(ones >= m.numClusters(), "every cluster has a most persistent row");
    assertTrue(agree >= 0.95 * members, "predicting training members mostly gives their own cluster: " + agree + "/" + members);
    assertEquals(-1, m.predict(new double[] {1e3, 1e3}, 0).label());
  }

  @Test
  void leafSelectionGivesAtLeastAsManyClustersAndEpsilonAtMostAsMany() {
    Dataset data = Fixtures.data("blobs_noise");
    int eom = Hdbscan.builder(5).build().fit(data, null).numClusters();
    int leaf = Hdbscan.builder(5).selection(Hdbscan.Selection.LEAF).build().fit(data, null).numClusters();
    int eps = Hdbscan.builder(5).clusterSelectionEpsilon(3.0).build().fit(data, null).numClusters();
    assertTrue(leaf >= eom, leaf + " >= " + eom);
    assertTrue(eps <= eom, eps + " <= " + eom);
  }

  @Test
  void refusesBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> Hdbscan.builder(1).minSamples(5).build());
    assertThrows(IllegalArgumentException.class, () -> Hdbscan.builder(5).minSamples(0).build());
    assertThrows(IllegalArgumentException.class, () -> Hdbscan.builder(5).clusterSelectionEpsilon(-1).build());
    assertThrows(IllegalArgumentException.class,
        () -> Hdbscan.likeR(10, Metric.EUCLIDEAN, 0).fit(Dataset.of(new double[] {1, 2, 3}, 3, 1), null));
  }
}
