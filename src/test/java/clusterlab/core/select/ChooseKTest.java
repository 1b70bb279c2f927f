package clusterlab.core.select;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.evaluation.InternalIndex;
import clusterlab.core.kmeans.Fixtures;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.kmeans.KMeansOptions;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChooseKTest {

  private static final List<clusterlab.core.evaluation.InternalIndex> SILHOUETTE =
      List.of(new clusterlab.core.evaluation.Silhouette(clusterlab.core.distance.Metric.EUCLIDEAN));

  /** Lloyd from the first K rows of the fixture's permutation: the runs tools/fixtures/kmeans.py made. */
  private static ChooseK.Clustering<KMeansModel> fixedInit(Dataset data, int[] perm) {
    return (ds, k, seed) -> {
      if (ds != data) { // reference sets of the gap statistic: ordinary seeded k-means
        KMeansModel m = new KMeans(k, KMeansOptions.builder().threads(1).build()).fit(ds, seed, Progress.NONE);
        return new ChooseK.Fit<>(m.labels(), m);
      }
      double[] init = new double[k * data.d()];
      for (int c = 0; c < k; c++) {
        System.arraycopy(data.values(), perm[c] * data.d(), init, c * data.d(), data.d());
      }
      KMeansModel m = new KMeans(k, KMeans.Algorithm.LLOYD, KMeansOptions.builder().tolerance(0)
          .init(KMeans.Init.RANDOM).threads(1).build()).fitFrom(data, init, Progress.NONE);
      return new ChooseK.Fit<>(m.labels(), m);
    };
  }

  @ParameterizedTest
  @CsvSource({"iris", "wine", "blobs10"})
  void elbowAndSilhouetteAgreeWithTheReferences(String name) {
    Dataset data = Fixtures.data(name);
    int[] perm = Fixtures.parseInts(Fixtures.lines(name + "_perm.csv").get(0));
    double[][] curve = Fixtures.matrix(name + "_curve.csv");
    List<String> labels = Fixtures.lines(name + "_curve_labels.csv");
    String knee = Fixtures.value(name + "_knee.txt", "knee");
    int silBest = Integer.parseInt(Fixtures.value(name + "_knee.txt", "silhouette_best"));

    ChooseK<KMeansModel> chooser = new ChooseK<>(ChooseKOptions.builder().kRange(1, 10).indices(SILHOUETTE).threads(2)
        .build());
    ChooseK.Selection<KMeansModel> sel = chooser.run(data, fixedInit(data, perm), 1, Progress.NONE);
    KCurve c = sel.curve();
    double[] inertia = c.inertia();
    double[] sil = c.column("silhouette");
    for (int i = 0; i < curve.length; i++) {
      assertEquals(curve[i][1], inertia[i], 1e-9 * curve[i][1], "inertia at K = " + (i + 1));
      if (i > 0) {
        assertEquals(curve[i][2], sil[i], 1e-9, "silhouette at K = " + (i + 1));
      }
    }
    assertTrue(Double.isNaN(sil[0]), "silhouette is undefined for one cluster");
    assertEquals(knee.equals("none") ? -1 : Integer.parseInt(knee), c.kneeK(), "Kneedle knee");
    assertEquals(silBest, (int) c.picks().get("silhouette"), "silhouette-best K");
    if (c.kneeK() > 0) {
      assertEquals(c.kneeK(), c.chosenK());
      assertArrayEquals(Fixtures.parseInts(labels.get(c.kneeK() - 1)), sel.labels());
      assertEquals(c.kneeK(), sel.model().k());
    }
  }

  static Dataset blobs(int perBlob, double[][] centres, long seed) {
    Random r = new Random(seed);
    int d = centres[0].length;
    int n = perBlob * centres.length;
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        v[i * d + j] = centres[i % centres.length][j] + r.nextGaussian();
      }
    }
    return Dataset.of(v, n, d);
  }

  private static final ChooseK.Clustering<KMeansModel> KMEANS = (ds, k, seed) -> {
    KMeansModel m = new KMeans(k, KMeansOptions.builder().numInit(3).threads(1).build()).fit(ds, seed, Progress.NONE);
    return new ChooseK.Fit<>(m.labels(), m);
  };

  @Test
  void gapStatisticFindsFourSeparatedBlobs() {
    Dataset data = blobs(60, new double[][] {{0, 0}, {12, 0}, {0, 12}, {12, 12}}, 3);
    KCurve c = new ChooseK<KMeansModel>(ChooseKOptions.builder().kRange(1, 8).criterion(KCurve.GAP).gapReferences(10)
        .threads(2).build()).run(data, KMEANS, 5, Progress.NONE).curve();
    assertEquals(4, c.chosenK(), "gap " + java.util.Arrays.toString(c.column(KCurve.GAP)));
    double[] se = c.column(KCurve.GAP_SE);
    for (double s : se) {
      assertTrue(s >= 0 && Double.isFinite(s));
    }
    assertEquals(4, c.kneeK(), "the elbow too");
  }

  @Test
  void sameCurveForAnyThreadCount() {
    Dataset data = blobs(50, new double[][] {{0, 0}, {8, 0}, {0, 8}}, 1);
    KCurve one = new ChooseK<KMeansModel>(ChooseKOptions.builder().kRange(1, 6).indices(SILHOUETTE).gapReferences(3)
        .threads(1).build())
        .run(data, KMEANS, 9, Progress.NONE).curve();
    KCurve three = new ChooseK<KMeansModel>(ChooseKOptions.builder().kRange(1, 6).indices(SILHOUETTE).gapReferences(3)
        .threads(3).build())
        .run(data, KMEANS, 9, Progress.NONE).curve();
    for (String col : one.columnNames()) {
      assertArrayEquals(one.column(col), three.column(col), col);
    }
    assertEquals(3, one.chosenK());
  }

  @Test
  void bicIsMinimisedAndIndicesRespectTheirDirection() {
    Dataset data = blobs(20, new double[][] {{0, 0}, {8, 0}}, 1);
    double[] ll = {-500, -300, -290, -285};
    ChooseK.Clustering<String> fake = (ds, k, seed) -> {
      int[] labels = new int[ds.n()];
      for (int i = 0; i < labels.length; i++) {
        labels[i] = i % k;
      }
      return new ChooseK.Fit<>(labels, ll[k - 1], 5 * k - 1, "model" + k);
    };
    InternalIndex lowerIsBetter = new InternalIndex() {
      public String name() {
        return "k-itself";
      }

      public boolean higherIsBetter() {
        return false;
      }

      public double score(Dataset d, int[] labels) {
        int k = 0;
        for (int l : labels) {
          k = Math.max(k, l + 1);
        }
        return Math.abs(k - 3);
      }
    };
    ChooseK.Selection<String> s = new ChooseK<String>(ChooseKOptions.builder().kRange(1, 4).criterion(KCurve.BIC)
        .indices(List.of(lowerIsBetter)).threads(2).build())
        .run(data, fake, 1, Progress.NONE);
    double[] bic = s.curve().column(KCurve.BIC);
    int best = 0;
    for (int i = 1; i < 4; i++) {
      if (bic[i] < bic[best]) {
        best = i;
      }
    }
    assertEquals(best + 1, s.curve().chosenK());
    assertEquals(-2 * ll[1] + 9 * Math.log(40), bic[1], 1e-9);
    assertEquals("model" + (best + 1), s.model());
    assertEquals(3, (int) s.curve().picks().get("k-itself"));
  }

  @Test
  void badSettingsAreRefusedWithTheReason() {
    assertThrows(IllegalArgumentException.class, () -> new ChooseK<>(ChooseKOptions.builder().ks(new int[] {2, 2, 3})
        .threads(1).build()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ChooseK<>(ChooseKOptions.builder().kRange(1, 5).criterion("silhouette").threads(1).build()));
    assertTrue(e.getMessage().contains("criterion 'silhouette' is not one of"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ChooseK<>(ChooseKOptions.builder().kRange(1, 5)
        .criterion(KCurve.GAP).threads(1).build()));
    assertTrue(e.getMessage().contains("gapReferences"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new ChooseK<>(ChooseKOptions.builder().kRange(2, 3)
        .threads(1).build()));
    assertTrue(e.getMessage().contains("at least 3 K values"), e.getMessage());
    Dataset tiny = Dataset.of(new double[] {1, 2, 3}, 3, 1);
    e = assertThrows(IllegalArgumentException.class,
        () -> new ChooseK<KMeansModel>(ChooseKOptions.builder().kRange(1, 5).threads(1).build()).run(tiny, KMEANS, 1,
            Progress.NONE));
    assertTrue(e.getMessage().contains("need at least 5 rows"), e.getMessage());
    Dataset flat = Dataset.of(new double[] {1, 1, 1, 1, 1, 1}, 6, 1);
    e = assertThrows(IllegalArgumentException.class,
        () -> new ChooseK<KMeansModel>(ChooseKOptions.builder().kRange(1, 3).criterion(KCurve.BIC).threads(1).build())
            .run(flat, KMEANS, 1, Progress.NONE));
    assertTrue(e.getMessage().contains("no K has a defined BIC"), e.getMessage());
  }

  @Test
  void kMeansGetsTheSphericalBicOfItsLabels() {
    Dataset data = blobs(30, new double[][] {{0, 0}, {9, 0}, {0, 9}}, 1);
    ChooseK.Selection<KMeansModel> s = new ChooseK<KMeansModel>(ChooseKOptions.builder().kRange(1, 6)
        .criterion(KCurve.BIC).threads(2).build())
        .run(data, KMEANS, 3, Progress.NONE);
    double[] bic = s.curve().column(KCurve.BIC);
    assertEquals(3, s.curve().chosenK(), java.util.Arrays.toString(bic));
    assertEquals(SphericalBic.of(data, s.labels(), ChooseK.withinSS(data, s.labels())), bic[2], 1e-9);
  }
}
