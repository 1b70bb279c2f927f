package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Progress;
import clusterlab.core.sparse.CsrFixture;
import clusterlab.core.sparse.SparseDataset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against tools/fixtures/text.py: an independent NumPy spherical k-means on sklearn's L2-normalised
 * TF-IDF rows from the same initial centres (labels, objective and iteration count must match), and
 * scikit-learn's Euclidean KMeans on the same unit rows, which agrees only approximately.
 */
class SphericalKMeansTest {

  private static final SparseDataset TFIDF = CsrFixture.read("spherical_tfidf.csv");
  private static final List<String> REF = CsrFixture.lines("spherical_ref.txt");

  private static double[] initialCentres() {
    List<String> rows = CsrFixture.lines("spherical_init.csv");
    double[] c = new double[rows.size() * TFIDF.d()];
    for (int j = 0; j < rows.size(); j++) {
      TFIDF.addTo(Integer.parseInt(rows.get(j).trim()), 1.0, c, j * TFIDF.d());
    }
    return c;
  }

  private static int[] labels(String line) {
    return Arrays.stream(line.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
  }

  @Test
  void matchesTheNumpyReferenceFromTheSameCentres() {
    for (int threads : new int[] {1, 2}) {
      SphericalKMeansModel m = new SphericalKMeans(4, KMeansOptions.builder().maxIterations(1000).tolerance(0)
          .threads(threads).build()).fitFrom(TFIDF, initialCentres(), Progress.NONE);
      assertArrayEquals(labels(REF.get(2)), m.labels());
      assertEquals(Double.parseDouble(REF.get(1)), m.objective(), 1e-9);
      assertEquals(Integer.parseInt(REF.get(0).trim()), m.iterations());
      assertTrue(m.converged());
    }
  }

  @Test
  void isCloseToScikitLearnsEuclideanKMeansOnUnitRows() {
    SphericalKMeansModel m = new SphericalKMeans(4, KMeansOptions.builder().maxIterations(1000).tolerance(0).threads(1)
        .build()).fitFrom(TFIDF, initialCentres(), Progress.NONE);
    int[] sk = labels(REF.get(3));
    int same = 0;
    for (int i = 0; i < sk.length; i++) {
      same += sk[i] == m.labels()[i] ? 1 : 0;
    }
    assertTrue(same >= 0.98 * sk.length, same + " of " + sk.length + " rows agree with scikit-learn");
  }

  @Test
  void seededRunsAreDeterministicForAnyThreadCountAndPredictTheirLabels() {
    SparseDataset counts = CsrFixture.read("spherical_counts.csv");
    SphericalKMeansModel a = new SphericalKMeans(4, KMeansOptions.builder().maxIterations(100).numInit(3).threads(1)
        .build()).fit(counts, 5, Progress.NONE);
    SphericalKMeansModel b = new SphericalKMeans(4, KMeansOptions.builder().maxIterations(100).numInit(3).threads(2)
        .build()).fit(counts, 5, Progress.NONE);
    assertArrayEquals(a.labels(), b.labels());
    assertEquals(a.objective(), b.objective());
    for (int i = 0; i < counts.n(); i++) {
      int[] cols = Arrays.copyOfRange(counts.cols(), counts.rowStart(i), counts.rowEnd(i));
      double[] vals = Arrays.copyOfRange(counts.values(), counts.rowStart(i), counts.rowEnd(i));
      assertEquals(a.labels()[i], a.predictSparse(cols, vals, 0, cols.length), "row " + i);
      assertEquals(a.labels()[i], a.predict(counts.denseRow(i)), "row " + i);
    }
    // the three true topics' documents mostly end up in their own clusters: objective well above random
    assertTrue(a.objective() / counts.n() > 0.3, "mean similarity " + a.objective() / counts.n());
  }

  @Test
  void emptyDocumentsAndTooManyClustersAreRefusedClearly() {
    SparseDataset withEmpty = new SparseDataset.Builder(3).add(0, 1).endRow(1).endRow(1).add(1, 2).endRow(1).build();
    String msg = assertThrows(IllegalArgumentException.class,
        () -> new SphericalKMeans(2, KMeansOptions.builder().maxIterations(10).tolerance(0).threads(1).build())
            .fit(withEmpty, 1, Progress.NONE)).getMessage();
    assertTrue(msg.contains("row 2") && msg.contains("empty document"), msg);
    SparseDataset two = new SparseDataset.Builder(3).add(0, 1).endRow(1).add(1, 2).endRow(1).build();
    msg = assertThrows(IllegalArgumentException.class,
        () -> new SphericalKMeans(3, KMeansOptions.builder().maxIterations(10).tolerance(0).threads(1).build())
            .fit(two, 1, Progress.NONE)).getMessage();
    assertTrue(msg.contains("number of clusters"), msg);
  }
}
