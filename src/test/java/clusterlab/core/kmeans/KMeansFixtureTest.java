package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lloyd from a fixed initial centroid matrix against scikit-learn's
 * {@code KMeans(init=C, n_init=1, algorithm='lloyd', tol=0)} (tools/fixtures/kmeans.py): final
 * centroids, labels, inertia and iteration count; Elkan and Hamerly reach the same labels.
 */
class KMeansFixtureTest {

  private static final double REL = 1e-9;

  @ParameterizedTest
  @CsvSource({"iris", "wine", "blobs10"})
  void lloydMatchesScikitLearn(String name) {
    Dataset data = Fixtures.data(name);
    double[][] init = Fixtures.matrix(name + "_init.csv");
    String ref = name + "_lloyd.txt";
    int k = init.length;
    KMeansModel m = new KMeans(k, KMeans.Algorithm.LLOYD, KMeansOptions.builder().tolerance(0).init(KMeans.Init.RANDOM)
        .threads(2).build())
        .fitFrom(data, Fixtures.flat(init), Progress.NONE);
    assertEquals(Integer.parseInt(Fixtures.value(ref, "n_iter")), m.iterations(), "iterations");
    double inertia = Double.parseDouble(Fixtures.value(ref, "inertia"));
    assertEquals(inertia, m.inertia(), REL * inertia, "inertia");
    assertArrayEquals(Fixtures.parseInts(Fixtures.value(ref, "labels")), m.labels(), "labels");
    List<double[]> centroids = new ArrayList<>();
    for (String l : Fixtures.lines(ref)) {
      if (l.startsWith("centroid ")) {
        centroids.add(Fixtures.parse(l.substring(9)));
      }
    }
    assertEquals(k, centroids.size());
    for (int c = 0; c < k; c++) {
      double[] got = m.centroid(c);
      for (int j = 0; j < got.length; j++) {
        double want = centroids.get(c)[j];
        assertEquals(want, got[j], REL * Math.max(1, Math.abs(want)), "centroid " + c + " column " + j);
      }
    }
    assertTrue(m.converged());
  }

  @ParameterizedTest
  @CsvSource({"iris", "wine", "blobs10"})
  void acceleratedVariantsGiveLloydsLabelsAndCentroids(String name) {
    Dataset data = Fixtures.data(name);
    double[] init = Fixtures.flat(Fixtures.matrix(name + "_init.csv"));
    int k = init.length / data.d();
    KMeansModel lloyd = new KMeans(k, KMeans.Algorithm.LLOYD, KMeansOptions.builder().tolerance(0)
        .init(KMeans.Init.RANDOM).threads(1).build()).fitFrom(data, init, Progress.NONE);
    for (KMeans.Algorithm a : new KMeans.Algorithm[] {KMeans.Algorithm.ELKAN, KMeans.Algorithm.HAMERLY, KMeans.Algorithm.BLOCKED}) {
      KMeansModel m = new KMeans(k, a, KMeansOptions.builder().tolerance(0).init(KMeans.Init.RANDOM).threads(2).build())
          .fitFrom(data, init, Progress.NONE);
      assertArrayEquals(lloyd.labels(), m.labels(), a + " labels");
      assertArrayEquals(lloyd.centroids(), m.centroids(), a + " centroids");
      assertEquals(lloyd.iterations(), m.iterations(), a + " iterations");
      assertEquals(a, m.algorithm());
    }
  }
}
