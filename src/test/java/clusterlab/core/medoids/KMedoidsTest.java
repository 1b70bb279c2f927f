package clusterlab.core.medoids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.distance.Metric;
import clusterlab.core.medoids.KMedoids.Init;
import clusterlab.core.medoids.KMedoids.Memory;
import clusterlab.core.medoids.KMedoids.Method;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** FasterPAM's contract checked by brute force; R agreement is in {@code PamFixtureTest}. */
class KMedoidsTest {

  private static double[] blobs(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        v[i * d + j] = r.nextGaussian() + 4 * (i % 4) * (j == 0 ? 1 : 0);
      }
    }
    return v;
  }

  private static double td(double[] v, int n, int d, int[] medoids, Distance dist, double[] w) {
    double s = 0;
    for (int o = 0; o < n; o++) {
      double b = Double.POSITIVE_INFINITY;
      for (int m : medoids) {
        b = Math.min(b, dist.between(v, o * d, v, m * d, d));
      }
      s += (w == null ? 1 : w[o]) * b;
    }
    return s;
  }

  @Test
  void noSingleSwapImprovesTheResult() {
    for (Init init : Init.values()) {
      int n = 60;
      int d = 3;
      double[] v = blobs(n, d, 3);
      double[] w = new double[n];
      for (int i = 0; i < n; i++) {
        w[i] = 1 + (i % 3);
      }
      KMedoidsModel m = KMedoids.builder(4).init(init).threads(1).build()
          .fit(v, n, d, w, Metric.MANHATTAN, 11, Progress.NONE);
      assertTrue(m.converged());
      int[] med = m.medoidRows();
      double best = td(v, n, d, med, Metric.MANHATTAN, w);
      assertEquals(best, m.totalDeviation(), 1e-9 * best);
      for (int i = 0; i < med.length; i++) {
        for (int c = 0; c < n; c++) {
          int[] t = med.clone();
          t[i] = c;
          assertTrue(td(v, n, d, t, Metric.MANHATTAN, w) >= best - 1e-9, init + ": swapping medoid " + i + " for row " + c + " improves");
        }
      }
    }
  }

  @Test
  void medoidsAreRealRowsAndLabelsTheirNearest() {
    int n = 50;
    double[] v = blobs(n, 2, 5);
    KMedoidsModel m = KMedoids.pam(3).fit(v, n, 2, null, Metric.EUCLIDEAN, 1, Progress.NONE);
    int[] labels = m.labels();
    for (int c = 0; c < 3; c++) {
      int row = m.medoidRows()[c];
      assertArrayEquals(new double[] {v[2 * row], v[2 * row + 1]}, m.medoid(c));
      assertEquals(c, labels[row]);
    }
    for (int o = 0; o < n; o++) {
      assertEquals(labels[o], m.predict(v, 2 * o));
    }
  }

  @Test
  void sameResultForAnyThreadCountAndMemoryMode() {
    int n = 300;
    int d = 4;
    double[] v = blobs(n, d, 9);
    KMedoidsModel ref = KMedoids.builder(6).init(Init.RANDOM).memory(Memory.MATRIX).threads(1).build()
        .fit(v, n, d, null, Metric.EUCLIDEAN, 4, Progress.NONE);
    for (int threads : new int[] {2, 3, 8}) {
      for (Memory mem : Memory.values()) {
        KMedoidsModel m = KMedoids.builder(6).init(Init.RANDOM).memory(mem).threads(threads).build()
            .fit(v, n, d, null, Metric.EUCLIDEAN, 4, Progress.NONE);
        assertArrayEquals(ref.medoidRows(), m.medoidRows(), threads + " threads, " + mem);
        assertArrayEquals(ref.labels(), m.labels());
        assertEquals(ref.swaps(), m.swaps());
      }
    }
  }

  @Test
  void claraKeepsTheBestSampleAndEqualsPamWhenTheSampleIsEverything() {
    int n = 400;
    double[] v = blobs(n, 2, 2);
    KMedoidsModel pam = KMedoids.pam(4).fit(v, n, 2, null, Metric.EUCLIDEAN, 1, Progress.NONE);
    KMedoidsModel whole = KMedoids.builder(4).method(Method.CLARA).sampleSize(n).threads(0).build()
        .fit(v, n, 2, null, Metric.EUCLIDEAN, 1, Progress.NONE);
    assertArrayEquals(pam.medoidRows(), whole.medoidRows());
    KMedoidsModel clara = KMedoids.builder(4).method(Method.CLARA).threads(0).build()
        .fit(v, n, 2, null, Metric.EUCLIDEAN, 1, Progress.NONE);
    assertEquals("clara", clara.method());
    double tdClara = clara.totalDeviation();
    assertEquals(td(v, n, 2, clara.medoidRows(), Metric.EUCLIDEAN, null), tdClara, 1e-9 * tdClara);
    assertTrue(tdClara >= pam.totalDeviation() - 1e-9, "CLARA cannot beat the PAM optimum reached from BUILD here");
    assertTrue(tdClara <= 1.1 * pam.totalDeviation(), "CLARA on well separated blobs stays within 10% of PAM: " + tdClara);
  }

  @Test
  void kEqualToNAndOneCluster() {
    double[] v = {0, 1, 5, 6};
    KMedoidsModel all = KMedoids.pam(4).fit(v, 4, 1, null, Metric.EUCLIDEAN, 1, Progress.NONE);
    assertEquals(0, all.totalDeviation());
    KMedoidsModel one = KMedoids.builder(1).init(Init.RANDOM).maxPasses(10).samples(1).threads(1).build()
        .fit(v, 4, 1, null, Metric.EUCLIDEAN, 3, Progress.NONE);
    assertEquals(10, one.totalDeviation(), 1e-12); // medoid 1 or 5: 1+0+4+5 = 10
  }

  @Test
  void tooFewRowsIsRefusedClearly() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KMedoids.pam(5).fit(new double[] {1, 2}, 2, 1, null, Metric.EUCLIDEAN, 1, Progress.NONE));
    assertTrue(e.getMessage().contains("at least 5 rows"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> KMedoids.pam(0));
    for (KMedoids.Builder bad : java.util.List.of(KMedoids.builder(3).maxPasses(0), KMedoids.builder(3).samples(0),
        KMedoids.builder(3).sampleSize(-1), KMedoids.builder(3).init(null), KMedoids.builder(3).method(null),
        KMedoids.builder(3).memory(null))) {
      assertThrows(IllegalArgumentException.class, bad::build);
    }
  }

  @Test
  void cancellationStopsTheSwapPhase() {
    int n = 200;
    double[] v = blobs(n, 2, 1);
    Progress cancelled = new Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
      }

      @Override
      public boolean isCancelled() {
        return true;
      }
    };
    assertThrows(Progress.CancelledException.class, () -> KMedoids.builder(5).init(Init.RANDOM).samples(1).threads(1).build()
        .fit(v, n, 2, null, Metric.EUCLIDEAN, 1, cancelled));
  }
}
