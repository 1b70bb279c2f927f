package clusterlab.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dunn's index and the bootstrap Jaccard against R's fpc 2.2.10 (tools/fixtures/eval_fpc.R):
 * {@code cluster.stats()$dunn}, and {@code clusterboot} with complete-linkage {@code hclustCBI}
 * (k = 3, no scaling) replayed on the very resamples R drew.
 */
class FpcReferenceTest {

  @Test
  void dunnMatchesClusterStats() {
    for (String line : Fixtures.lines("fpc_dunn.txt")) {
      if (line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(" ");
      double expected = Double.parseDouble(f[2]);
      double actual = new Dunn(Metric.EUCLIDEAN, 2).score(Fixtures.data(f[0]), Fixtures.labels(f[0], f[1]));
      assertTrue(Fixtures.close(expected, actual, 1e-12), line + " vs " + actual);
    }
  }

  @Test
  void bootstrapJaccardMatchesClusterboot() {
    Dataset x = Fixtures.data("boot");
    List<String> ref = Fixtures.lines("boot_jaccard.txt");
    int[] partition = Arrays.stream(ref.get(0).split(" ")).mapToInt(s -> Integer.parseInt(s) - 1).toArray();
    int[] labels = completeLinkage(x, 3);
    assertEquals(3, Labelling.of(labels, x.n()).k());
    // same partition as R's (ids may differ): identical contingency structure
    assertEquals(1.0, External.adjustedRand(Contingency.of(partition, labels)), 0);
    int[][] draws = Fixtures.lines("boot_samples.txt").stream()
        .map(s -> Arrays.stream(s.split(" ")).mapToInt(v -> Integer.parseInt(v) - 1).toArray()).toArray(int[][]::new);
    StabilityResult r = new BootstrapJaccard(draws.length, 0.5, 0.75, 2)
        .fromDraws(x, partition, (data, seed) -> completeLinkage(data, 3), draws, new long[draws.length]);
    double[] expected = Arrays.stream(ref.get(1).split(" ")).mapToDouble(Double::parseDouble).toArray();
    double[] mean = r.meanJaccard();
    for (int c = 0; c < 3; c++) {
      assertTrue(Fixtures.close(expected[c], mean[c], 1e-12), "cluster " + c + ": " + expected[c] + " vs " + mean[c]);
    }
    assertArrayEquals(Arrays.stream(ref.get(2).split(" ")).mapToInt(Integer::parseInt).toArray(), r.dissolved());
    assertArrayEquals(Arrays.stream(ref.get(3).split(" ")).mapToInt(Integer::parseInt).toArray(), r.recovered());
  }

  @Test
  void seededRunIsDeterministicForAnyThreadCount() {
    Dataset x = Fixtures.data("boot");
    int[] labels = completeLinkage(x, 3);
    StabilityResult one = new BootstrapJaccard(20, 0.5, 0.75, 1).run(x, labels, (d, s) -> completeLinkage(d, 3), 3);
    StabilityResult two = new BootstrapJaccard(20, 0.5, 0.75, 2).run(x, labels, (d, s) -> completeLinkage(d, 3), 3);
    assertArrayEquals(one.meanJaccard(), two.meanJaccard(), 0);
    assertTrue(one.minMeanJaccard() > 0.5, "well separated groups should be stable: " + one.minMeanJaccard());
  }

  /** Naive complete linkage cut at k clusters (the reference method; O(n^3), for small tests). */
  static int[] completeLinkage(Dataset x, int k) {
    int n = x.n();
    double[][] dist = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        dist[i][j] = Metric.EUCLIDEAN.between(x.values(), i * x.d(), x.values(), j * x.d(), x.d());
      }
    }
    int[] owner = new int[n];
    for (int i = 0; i < n; i++) {
      owner[i] = i;
    }
    boolean[] alive = new boolean[n];
    Arrays.fill(alive, true);
    for (int clusters = n; clusters > k; clusters--) {
      int bi = -1;
      int bj = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; alive[i] && j < n; j++) {
          if (alive[j] && dist[i][j] < best) {
            best = dist[i][j];
            bi = i;
            bj = j;
          }
        }
      }
      for (int m = 0; m < n; m++) {
        dist[bi][m] = Math.max(dist[bi][m], dist[bj][m]);
        dist[m][bi] = dist[bi][m];
        if (owner[m] == bj) {
          owner[m] = bi;
        }
      }
      alive[bj] = false;
    }
    return owner;
  }
}
