package clusterlab.core.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NewickTreeTest {

  @Test
  void readsHeightsFromBranchLengths() {
    NewickTree t = NewickTree.parse("Newick:((a:1,b:1):4,(c:2,d:2):3)");
    assertArrayEquals(new String[] {"a", "b", "c", "d"}, t.labels());
    MergeHistory h = t.tree();
    assertEquals(4, h.n());
    assertArrayEquals(new double[] {1, 2, 5}, h.heights(), 1e-12);
    assertArrayEquals(new int[] {0, 0, 1, 2}, h.cutHeight(1.5));
    assertArrayEquals(new int[] {0, 0, 1, 1}, h.cutCount(2));
  }

  @Test
  void roundTripsEveryCutOfARealTree() {
    Random r = new Random(3);
    int n = 200;
    double[] v = new double[n * 2];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.nextGaussian() + (i % 4 < 2 ? 0 : 6);
    }
    for (Linkage link : new Linkage[] {Linkage.SINGLE, Linkage.AVERAGE, Linkage.WARD, Linkage.COMPLETE}) {
      MergeHistory orig = new Agglomerative(link, Metric.EUCLIDEAN, Agglomerative.Storage.AUTO, 1)
          .fit(Dataset.of(v, n, 2), Progress.NONE);
      NewickTree back = NewickTree.parse(NewickWriter.write(orig, null));
      // leaves come back in the text's order: map them to the original rows by their labels
      String[] labels = back.labels();
      for (double cut : new double[] {0.5, 1, 2, 4, 8}) {
        int[] a = orig.cutHeight(cut);
        int[] b = back.tree().cutHeight(cut + 1e-9);
        int[] bByRow = new int[n];
        for (int leaf = 0; leaf < n; leaf++) {
          bByRow[Integer.parseInt(labels[leaf])] = b[leaf];
        }
        assertTrue(samePartition(a, bByRow), link + " cut at " + cut);
      }
      assertEquals(orig.height(n - 2), back.tree().height(n - 2), 1e-9 * orig.height(n - 2));
    }
  }

  @Test
  void polytomiesBecomeRunsOfMergesAtOneHeight() {
    MergeHistory h = NewickTree.parse("(a:1,b:1,c:1,(d:0.5,e:0.5):0.5);").tree();
    assertEquals(5, h.n());
    assertArrayEquals(new double[] {0.5, 1, 1, 1}, h.heights(), 1e-12);
    assertArrayEquals(new int[] {0, 1, 2, 3, 3}, h.cutHeight(0.7));
  }

  @Test
  void aChainAsDeepAsItHasLeavesIsReadWithoutRecursion() {
    int n = 100_000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n - 1; i++) {
      sb.append('(');
    }
    sb.append("x0:1");
    for (int i = 1; i < n; i++) {
      sb.append(",x").append(i).append(":1):1");
    }
    NewickTree t = NewickTree.parse(sb.append(';').toString());
    assertEquals(n, t.tree().n());
    assertEquals(n - 1, t.tree().height(n - 2), 1e-9);
  }

  @Test
  void badTextIsRefusedWithThePosition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NewickTree.parse("((a:1,b:x),c)"));
    assertTrue(e.getMessage().contains("branch length 'x'"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> NewickTree.parse("((a,b),c"));
    assertThrows(IllegalArgumentException.class, () -> NewickTree.parse(""));
    assertThrows(IllegalArgumentException.class, () -> NewickTree.parse("a)b"));
  }

  private static boolean samePartition(int[] a, int[] b) {
    java.util.Map<Integer, Integer> ab = new java.util.HashMap<>();
    java.util.Map<Integer, Integer> ba = new java.util.HashMap<>();
    for (int i = 0; i < a.length; i++) {
      if (ab.computeIfAbsent(a[i], k -> -1) == -1) {
        ab.put(a[i], b[i]);
      }
      if (ba.computeIfAbsent(b[i], k -> -1) == -1) {
        ba.put(b[i], a[i]);
      }
      if (ab.get(a[i]) != b[i] || ba.get(b[i]) != a[i]) {
        return false;
      }
    }
    return true;
  }
}
