package clusterlab.core.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import org.junit.jupiter.api.Test;

class MergeHistoryTest {

  /** ((0,1):1, (2,3):2) at 5 : a hand-made tree. */
  private static MergeHistory small() {
    return MergeHistory.of(4, new int[] {0, 2, 4}, new int[] {1, 3, 5}, new double[] {1, 2, 5});
  }

  @Test
  void sizesAndCuts() {
    MergeHistory t = small();
    assertEquals(2, t.size(0));
    assertEquals(4, t.size(2));
    assertArrayEquals(new int[] {0, 0, 1, 1}, t.cutCount(2));
    assertArrayEquals(new int[] {0, 0, 1, 2}, t.cutCount(3));
    assertArrayEquals(new int[] {0, 1, 2, 3}, t.cutCount(4));
    assertArrayEquals(new int[] {0, 0, 0, 0}, t.cutCount(1));
    assertArrayEquals(new int[] {0, 0, 1, 2}, t.cutHeight(1.5));
    assertArrayEquals(new int[] {0, 0, 0, 0}, t.cutHeight(5));
    assertThrows(IllegalArgumentException.class, () -> t.cutCount(0));
    assertThrows(IllegalArgumentException.class, () -> t.cutCount(5));
  }

  @Test
  void newickHasEveryLeafAndBranchLengths() {
    String s = NewickWriter.write(small(), new String[] {"a", "b", "c d", "e"});
    assertEquals("((a:1.0,b:1.0):4.0,(c_d:2.0,e:2.0):3.0);", s);
    assertEquals("((0:1.0,1:1.0):4.0,(2:2.0,3:2.0):3.0);", NewickWriter.write(small(), null));
  }

  @Test
  void deepChainNewickDoesNotOverflowTheStack() {
    int n = 30_000;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i * 1.5 + (i % 2) * 0.25;
    }
    MergeHistory t = new Agglomerative(Linkage.SINGLE, Metric.EUCLIDEAN, Agglomerative.Storage.AUTO, 1)
        .fit(Dataset.of(v, n, 1), Progress.NONE);
    String s = NewickWriter.write(t, null);
    assertTrue(s.endsWith(";"));
    assertEquals(n - 1, s.chars().filter(c -> c == '(').count());
  }

  @Test
  void invalidHistoriesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> MergeHistory.of(3, new int[] {0, 0}, new int[] {1, 2}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> MergeHistory.of(3, new int[] {0, 2}, new int[] {1, 4}, new double[] {1, 2}));
    assertThrows(IllegalArgumentException.class,
        () -> MergeHistory.of(3, new int[] {0, 2}, new int[] {1, 3}, new double[] {1, Double.NaN}));
  }

  @Test
  void inversionsAreDetectedAndHeightCutUsesSubtreeMaximum() {
    MergeHistory t = MergeHistory.of(3, new int[] {0, 2}, new int[] {1, 3}, new double[] {2, 1.5});
    assertFalse(t.isMonotone());
    assertArrayEquals(new double[] {2, 2}, t.maxDists());
    assertArrayEquals(new int[] {0, 1, 2}, t.cutHeight(1.7));
  }

  @Test
  void bannerCoefficientOfTheSmallTree() {
    // rows 0,1 join at 1, rows 2,3 at 2, top 5: mean(1 - h/5) = (0.8 + 0.8 + 0.6 + 0.6) / 4
    assertEquals(0.7, small().bannerCoefficient(), 1e-15);
  }

  @Test
  void leafOrderKeepsClustersContiguous() {
    assertArrayEquals(new int[] {0, 1, 2, 3}, small().leafOrder());
    MergeHistory t = MergeHistory.of(3, new int[] {0, 1}, new int[] {2, 3}, new double[] {1, 2});
    assertArrayEquals(new int[] {1, 0, 2}, t.leafOrder());
  }

  @Test
  void singleRowAndUnknownNames() {
    MergeHistory t = new Agglomerative(Linkage.AVERAGE, Metric.EUCLIDEAN, Agglomerative.Storage.AUTO, 1)
        .fit(Dataset.of(new double[] {1, 2}, 1, 2), Progress.NONE);
    assertEquals(0, t.merges());
    assertArrayEquals(new int[] {0}, t.cutCount(1));
    assertEquals("0;", NewickWriter.write(t, null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Linkage.byId("upgmx"));
    assertTrue(e.getMessage().contains("ward"));
  }
}
