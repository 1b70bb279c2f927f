package clusterlab.core.medoids;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.mixed.MixedFixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * k-medoids (BUILD + FasterPAM) against R's {@code cluster::pam} (BUILD + SWAP) on iris and
 * USArrests, Euclidean: the same medoids, clustering, and both objectives (after BUILD and after
 * the swaps, as mean dissimilarity) to 1e-12. The Gower case on the bundled customer data is in
 * {@code weka.clusterers.centroid.KMedoidsTest}.
 */
class PamFixtureTest {

  @ParameterizedTest
  @ValueSource(strings = {"pam_iris_k3.csv", "pam_usarrests_k2.csv", "pam_usarrests_k3.csv", "pam_usarrests_k4.csv",
      "pam_usarrests_k5.csv"})
  void sameMedoidsAndObjectiveAsR(String file) {
    MixedFixtures f = MixedFixtures.read(file);
    int k = f.ints("k")[0];
    for (int threads : new int[] {1, 2}) {
      KMedoidsModel m = KMedoids.builder(k).threads(threads).build()
          .fit(f.rowMajor(), f.n(), f.d(), null, Metric.EUCLIDEAN, 1, Progress.NONE);
      assertSameAsR(f, m);
    }
  }

  /** Medoids (as a set: FasterPAM may hold them in other slots), labels by medoid, objectives. */
  static void assertSameAsR(MixedFixtures f, KMedoidsModel m) {
    int[] rMedoids = f.ints("medoids");
    int[] ours = m.medoidRows();
    int[] a = rMedoids.clone();
    int[] b = ours.clone();
    java.util.Arrays.sort(a);
    java.util.Arrays.sort(b);
    assertArrayEquals(a, b, "medoid rows");
    int[] rLabels = f.ints("clustering");
    int[] labels = m.labels();
    for (int o = 0; o < labels.length; o++) {
      assertEquals(rMedoids[rLabels[o]], ours[labels[o]], "medoid of row " + o);
    }
    double[] objective = f.doubles("objective");
    int n = labels.length;
    assertEquals(objective[0], m.initialDeviation() / n, 1e-12, "objective after BUILD");
    assertEquals(objective[1], m.meanDeviation(), 1e-12, "objective after SWAP");
  }
}
