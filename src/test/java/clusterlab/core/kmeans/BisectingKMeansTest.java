package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BisectingKMeansTest {

  /** Four blobs: two tight ones far left, two loose ones far right. */
  private static Dataset blobs() {
    Random r = new Random(2);
    double[][] c = {{-50, 0}, {-50, 10}, {50, 0}, {50, 30}};
    double[] s = {0.5, 0.5, 3, 3};
    int per = 100;
    double[] v = new double[4 * per * 2];
    for (int i = 0; i < 4 * per; i++) {
      v[2 * i] = c[i % 4][0] + s[i % 4] * r.nextGaussian();
      v[2 * i + 1] = c[i % 4][1] + s[i % 4] * r.nextGaussian();
    }
    return Dataset.of(v, 4 * per, 2);
  }

  @Test
  void recoversTheBlobsAndKeepsAConsistentTree() {
    Dataset data = blobs();
    BisectingModel m = new BisectingKMeans(4, BisectingKMeans.SplitRule.LARGEST_SSE, KMeansOptions.builder().numInit(3)
        .threads(2).build())
        .fit(data, 1, Progress.NONE);
    assertEquals(4, m.k());
    assertEquals(7, m.numNodes());
    int[] labels = m.labels();
    for (int i = 4; i < data.n(); i++) {
      assertEquals(labels[i % 4], labels[i], "row " + i);
    }
    double leafSse = 0;
    for (int c = 0; c < 4; c++) {
      BisectingModel.Node leaf = m.node(m.clusterNode(c));
      assertTrue(leaf.isLeaf());
      leafSse += leaf.sse();
      BisectingModel.Node parent = m.node(leaf.parent());
      assertTrue(parent.sse() >= leaf.sse());
      assertEquals(parent.size(), m.node(parent.left()).size() + m.node(parent.right()).size());
    }
    assertEquals(m.inertia(), leafSse, 1e-9);
    for (int i = 0; i < data.n(); i++) {
      assertEquals(labels[i], m.predict(data.values(), i * 2), "prediction descends to the training leaf");
    }
    String nw = m.newick();
    assertTrue(nw.startsWith("((") && nw.endsWith(";"), nw);
    for (int c = 0; c < 4; c++) {
      assertTrue(nw.contains("cluster" + c + "_n100"), nw);
    }
  }

  @Test
  void splitRulesDiffer() {
    // largest size splits the 300-row group; largest SSE splits the spread-out 100-row group
    Random r = new Random(1);
    double[] v = new double[400];
    for (int i = 0; i < 300; i++) {
      v[i] = r.nextGaussian() * 0.1;
    }
    for (int i = 300; i < 400; i++) {
      v[i] = 100 + (i % 2 == 0 ? -20 : 20) + r.nextGaussian();
    }
    Dataset data = Dataset.of(v, 400, 1);
    BisectingModel sse = new BisectingKMeans(3, BisectingKMeans.SplitRule.LARGEST_SSE, KMeansOptions.builder()
        .maxIterations(100).tolerance(0).threads(1).build())
        .fit(data, 1, Progress.NONE);
    BisectingModel size = new BisectingKMeans(3, BisectingKMeans.SplitRule.LARGEST_SIZE, KMeansOptions.builder()
        .maxIterations(100).tolerance(0).threads(1).build())
        .fit(data, 1, Progress.NONE);
    int[] ls = sse.labels();
    int[] lz = size.labels();
    assertTrue(ls[300] != ls[301], "SSE rule splits the spread group");
    assertEquals(ls[0], ls[1]);
    assertEquals(lz[300], lz[301], "size rule leaves the small group whole");
    assertArrayEquals(sse.labels(), new BisectingKMeans(3, BisectingKMeans.SplitRule.LARGEST_SSE,
        KMeansOptions.builder().maxIterations(100).tolerance(0).threads(2).build())
        .fit(data, 1, Progress.NONE).labels(), "deterministic for any thread count");
  }

  /**
   * Regression (issue #11): with fewer distinct rows than k, bisecting k-means gives a defined
   * result as k-means does (it used to refuse): k clusters, the rows where k-means puts them, the
   * clusters that cannot be formed empty, every training row predicted to its label.
   */
  @Test
  void fewerDistinctRowsThanKLeavesClustersEmptyAsKMeansDoes() {
    Dataset[] cases = {Dataset.of(new double[] {1, 1, 1, 2}, 4, 1), Dataset.of(new double[] {3, 3, 3, 3, 3}, 5, 1)};
    for (Dataset data : cases) {
      BisectingModel b = new BisectingKMeans(3, BisectingKMeans.SplitRule.LARGEST_SSE, KMeansOptions.builder()
          .maxIterations(10).tolerance(0).init(KMeans.Init.RANDOM).threads(1).build())
          .fit(data, 1, Progress.NONE);
      KMeansModel m = new KMeans(3, KMeans.Algorithm.LLOYD, KMeansOptions.builder().maxIterations(10).tolerance(0)
          .threads(1).build())
          .fit(data, 1, Progress.NONE);
      assertEquals(3, b.numClusters());
      assertEquals(m.numClusters(), b.numClusters());
      assertEquals(sizes(m.labels()), sizes(b.labels()));
      for (int i = 0; i < data.n(); i++) {
        assertEquals(b.labels()[i], b.predict(data.values(), i));
      }
    }
  }

  /** Sorted cluster sizes of a labelling of three clusters (empty ones count as 0). */
  private static java.util.List<Integer> sizes(int[] labels) {
    int[] s = new int[3];
    for (int l : labels) {
      s[l]++;
    }
    java.util.Arrays.sort(s);
    return java.util.List.of(s[0], s[1], s[2]);
  }
}
