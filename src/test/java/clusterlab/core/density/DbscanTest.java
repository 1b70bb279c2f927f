package clusterlab.core.density;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DbscanTest {

  /** Core set, noise set and the partition of core points equal scikit-learn's; border points lie within eps of a core point of their cluster. */
  @Test
  void matchesScikitLearnOnEveryFixture() {
    int checked = 0;
    for (String[] s : Fixtures.rows("dbscan_settings.csv")) {
      String name = s[0];
      double eps = Double.parseDouble(s[2]);
      int minPts = Integer.parseInt(s[3]);
      Dataset data = Fixtures.data(name);
      int[] skLabels = Fixtures.intColumn("dbscan_" + name + "_" + s[1] + ".csv", 0);
      int[] skCore = Fixtures.intColumn("dbscan_" + name + "_" + s[1] + ".csv", 1);
      for (NeighborIndexes.Kind kind : NeighborIndexes.Kind.values()) {
        if (kind == NeighborIndexes.Kind.GRID && data.d() > 3) {
          IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
              () -> new Dbscan(eps, minPts, Metric.EUCLIDEAN, NeighborIndexes.Kind.GRID, 1).fit(data, Progress.NONE));
          assertTrue(e.getMessage().contains("1 to 3 dimensions"), e.getMessage());
          continue;
        }
        for (int threads : new int[] {1, 2}) {
          DbscanModel m = new Dbscan(eps, minPts, Metric.EUCLIDEAN, kind, threads).fit(data, Progress.NONE);
          String where = name + " eps=" + eps + " minPts=" + minPts + " " + kind;
          Map<Integer, Integer> map = new HashMap<>();
          Map<Integer, Integer> back = new HashMap<>();
          for (int i = 0; i < data.n(); i++) {
            assertEquals(skCore[i] == 1, m.isCore(i), where + " core flag of row " + i);
            assertEquals(skLabels[i] == -1, m.label(i) == -1, where + " noise flag of row " + i);
            if (m.isCore(i)) {
              Integer prev = map.put(skLabels[i], m.label(i));
              assertTrue(prev == null || prev == m.label(i), where + " core partition at row " + i);
              Integer prevBack = back.put(m.label(i), skLabels[i]);
              assertTrue(prevBack == null || prevBack == skLabels[i], where + " core partition at row " + i);
            }
          }
          assertEquals(map.size(), m.numClusters(), where);
          // sklearn numbers clusters by their first core row too: the labels of core rows are identical
          for (int i = 0; i < data.n(); i++) {
            if (m.isCore(i)) {
              assertEquals(skLabels[i], m.label(i), where);
            } else if (m.label(i) >= 0) {
              assertTrue(withinEpsOfCore(data, m, i), where + " border row " + i);
            }
          }
          checked++;
        }
      }
    }
    assertEquals(9 * 5 * 2 + 3 * 4 * 2, checked); // the grid refuses the 4-dimensional iris
  }

  private static boolean withinEpsOfCore(Dataset data, DbscanModel m, int i) {
    for (int j = 0; j < data.n(); j++) {
      if (m.isCore(j) && m.label(j) == m.label(i)
          && Metric.EUCLIDEAN.between(data.values(), i * data.d(), data.values(), j * data.d(), data.d()) <= m.eps()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void countsAndSizesAddUp() {
    Dataset data = Fixtures.data("blobs_noise");
    DbscanModel m = new Dbscan(0.5, 5, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0).fit(data, null);
    int sum = 0;
    for (int s : m.clusterSizes()) {
      sum += s;
    }
    assertEquals(data.n(), sum + m.noiseCount());
    assertEquals(data.n(), m.coreCount() + m.borderCount() + m.noiseCount());
    assertTrue(m.noiseCount() > 0 && m.borderCount() > 0);
    assertFalse(m.epsChosenAutomatically());
    assertNull(m.kDistanceCurve());
  }

  @Test
  void predictionOfTrainingRowsReproducesCoreAndBorderLabels() throws Exception {
    Dataset data = Fixtures.data("moons");
    DbscanModel m = new Dbscan(0.15, 10, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0).fit(data, null);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(m);
    }
    DbscanModel copy = (DbscanModel) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
    for (int i = 0; i < data.n(); i++) {
      // training noise rows have no core point within eps, so they stay noise; border rows keep their nearest core's cluster
      assertEquals(m.label(i), copy.predict(data.values(), i * data.d()), "row " + i);
    }
    assertEquals(-1, m.predict(new double[] {100, 100}, 0));
  }

  @Test
  void weightsCountTowardsMinPts() {
    Dataset data = Dataset.weighted(new double[] {0, 0, 0.1, 0, 5, 5}, 3, 2, new double[] {1, 4, 1});
    DbscanModel m = new Dbscan(0.2, 5, Metric.EUCLIDEAN, NeighborIndexes.Kind.KD_TREE, 1).fit(data, null);
    assertArrayEquals(new int[] {0, 0, -1}, m.labels());
    assertTrue(m.isCore(0) && m.isCore(1));
  }

  @Test
  void autoEpsUsesTheKneeOfTheKDistanceCurve() {
    Dataset data = Fixtures.data("blobs_noise");
    DbscanModel m = Dbscan.autoEps(5, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0).fit(data, null);
    double[] curve = m.kDistanceCurve();
    assertEquals(data.n(), curve.length);
    for (int i = 1; i < curve.length; i++) {
      assertTrue(curve[i - 1] <= curve[i]);
    }
    assertEquals(curve[KDistance.knee(curve)], m.eps(), 0.0);
    assertTrue(m.epsChosenAutomatically());
    assertEquals(4, m.numClusters(), "the four blobs of the fixture");
  }

  @Test
  void refusesBadParameters() {
    assertThrows(IllegalArgumentException.class, () -> new Dbscan(0, 5, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0));
    assertThrows(IllegalArgumentException.class, () -> new Dbscan(-1, 5, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0));
    assertThrows(IllegalArgumentException.class, () -> new Dbscan(1, 0, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0));
    assertThrows(IllegalArgumentException.class, () -> Dbscan.autoEps(1, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0));
    assertThrows(IllegalArgumentException.class,
        () -> new Dbscan(1, 3, Metric.COSINE, NeighborIndexes.Kind.KD_TREE, 0).fit(Fixtures.data("moons"), null));
  }
}
