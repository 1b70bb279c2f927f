package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndex;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.prep.PrepFixtures;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link TsneTransform}, openTSNE's {@code transform}, judged by what it is for. There is no
 * openTSNE reference fixture: openTSNE is not packaged in Debian ({@code apt-cache policy
 * python3-opentsne}: no candidate) and PyPI is not reachable from the build machine, so these tests
 * check properties instead: training rows transformed again land much closer to their own embedding
 * than the neighbour average of {@link TsneResult#place} puts them, held-out rows of a cluster land
 * in that cluster's region, the objective falls, the settings are openTSNE's, and the result does not
 * depend on the thread count.
 */
class TsneTransformTest {

  private static final int CLUSTERS = 5;
  private static final int TRAIN_PER_CLUSTER = 240;
  private static final int HELD_OUT_PER_CLUSTER = 60;

  private static Dataset iris;
  private static TsneResult irisEmbedding;
  private static NeighborIndex irisIndex;
  private static Blobs blobs;
  private static TsneResult blobEmbedding;

  /** The one place tests build an embedding (so a change of TSNE's configuration API is one line here). */
  private static TsneResult embed(Dataset data, int dims) {
    return new TSNE(TsneOptions.builder().dims(dims).maxIterations(500).threads(2).build()).fit(data, 0, Progress.NONE);
  }

  @BeforeAll
  static void fitIris() {
    iris = PrepFixtures.dataset("iris.csv");
    irisEmbedding = embed(iris, 2);
    irisIndex = new VpTree(iris, Metric.EUCLIDEAN, 0);
    blobs = new Blobs(7);
    blobEmbedding = embed(blobs.train, 2);
  }

  private static PartialEmbedding transform(TransformOptions options, Dataset training, TsneResult r, Dataset rows) {
    return new TsneTransform(options).transform(r, training, new VpTree(training, Metric.EUCLIDEAN, 0), rows,
        Progress.NONE);
  }

  private static double distance(double[] a, int i, TsneResult r, int own) {
    double s = 0;
    for (int k = 0; k < r.dims(); k++) {
      double diff = a[i * r.dims() + k] - r.get(own, k);
      s += diff * diff;
    }
    return Math.sqrt(s);
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  @Test
  void trainingRowsLandMuchCloserToTheirOwnEmbeddingThanTheNeighbourAverage() {
    double[] optimised = new TsneTransform(TransformOptions.builder().threads(2).build())
        .transform(irisEmbedding, iris, irisIndex, iris, Progress.NONE).embedding();
    double[] placed = irisEmbedding.place(iris, irisIndex, iris, 2);
    double[] dOpt = new double[iris.n()];
    double[] dPlace = new double[iris.n()];
    for (int i = 0; i < iris.n(); i++) {
      dOpt[i] = distance(optimised, i, irisEmbedding, i);
      dPlace[i] = distance(placed, i, irisEmbedding, i);
    }
    double ratio = median(dOpt) / median(dPlace);
    System.out.printf("iris: median distance to own embedding, transform %.4f, place %.4f, ratio %.3f%n",
        median(dOpt), median(dPlace), ratio);
    assertTrue(ratio < 0.25, "transform / place median distance ratio " + ratio);
  }

  @Test
  void heldOutRowsLandInTheirClustersRegion() {
    Blobs b = blobs;
    TsneResult r = blobEmbedding;
    PartialEmbedding p = transform(TransformOptions.builder().threads(2).build(), b.train, r, b.heldOut);
    double[][] centroids = new double[CLUSTERS][r.dims()];
    for (int i = 0; i < r.n(); i++) {
      for (int k = 0; k < r.dims(); k++) {
        centroids[b.trainLabel[i]][k] += r.get(i, k) / TRAIN_PER_CLUSTER;
      }
    }
    int agree = 0;
    for (int i = 0; i < p.n(); i++) {
      int best = 0;
      double bestD = Double.POSITIVE_INFINITY;
      for (int c = 0; c < CLUSTERS; c++) {
        double dx = p.get(i, 0) - centroids[c][0];
        double dy = p.get(i, 1) - centroids[c][1];
        if (dx * dx + dy * dy < bestD) {
          bestD = dx * dx + dy * dy;
          best = c;
        }
      }
      agree += best == b.heldOutLabel[i] ? 1 : 0;
    }
    double share = (double) agree / p.n();
    System.out.printf("blobs: nearest embedded centroid agrees with the cluster for %.4f of held-out rows, KL %s%n",
        share, Arrays.deepToString(p.klCurve()));
    assertTrue(share >= 0.95, "agreement " + share);
  }

  @Test
  void theObjectiveOfTheNewPointsFalls() {
    Blobs b = blobs;
    TsneResult r = blobEmbedding;
    PartialEmbedding p = transform(TransformOptions.builder().threads(2).build(), b.train, r, b.heldOut);
    double[][] curve = p.klCurve();
    assertEquals(6, curve.length, "recorded at 0, 50, ..., 250");
    assertEquals(0, curve[0][0]);
    assertEquals(250, curve[5][0]);
    // the descent minimises the exaggerated objective (x1.5 attraction), so once converged the true KL may
    // drift up in the last digits (measured: 6e-9 on 2.58); it must never rise by more than that
    for (int c = 1; c < curve.length; c++) {
      assertTrue(curve[c][1] <= curve[c - 1][1] * (1 + 1e-6), "KL rose: " + Arrays.deepToString(curve));
    }
    assertTrue(p.klDivergence() < 0.9 * curve[0][1], "KL " + Arrays.deepToString(curve));
  }

  @Test
  void noIterationsKeepTheMedianOfTheNeighbours() {
    TransformOptions none = TransformOptions.builder().iterations(0).build();
    PartialEmbedding p = new TsneTransform(none).transform(irisEmbedding, iris, irisIndex, iris.subset(new int[] {42}),
        Progress.NONE);
    int[] rows = new int[15];
    double[] dist = new double[15];
    irisIndex.knn(iris.values(), 42 * iris.d(), 15, -1, rows, dist);
    for (int k = 0; k < 2; k++) {
      double[] v = new double[15];
      for (int e = 0; e < 15; e++) {
        v[e] = irisEmbedding.get(rows[e], k);
      }
      assertEquals(median(v), p.get(0, k), 0.0, "openTSNE's k = 25 is cut to the 3 * perplexity = 15 neighbours");
    }
    assertEquals(1, p.klCurve().length);
  }

  @Test
  void sameResultForOneAndTwoThreadsAndForAnyBatch() {
    Dataset rows = iris.subset(new int[] {3, 50, 77, 101, 142, 149});
    TransformOptions one = TransformOptions.builder().threads(1).build();
    PartialEmbedding a = new TsneTransform(one).transform(irisEmbedding, iris, irisIndex, rows, Progress.NONE);
    PartialEmbedding b = new TsneTransform(one.toBuilder().threads(2).build())
        .transform(irisEmbedding, iris, irisIndex, rows, Progress.NONE);
    assertArrayEquals(a.embedding(), b.embedding(), 0.0);
    assertArrayEquals(a.klCurve()[5], b.klCurve()[5], 0.0);
    PartialEmbedding alone = new TsneTransform(one).transform(irisEmbedding, iris, irisIndex,
        iris.subset(new int[] {77}), Progress.NONE);
    assertEquals(a.get(2, 0), alone.get(0, 0), 0.0, "new points do not interact");
    assertEquals(a.get(2, 1), alone.get(0, 1), 0.0);
  }

  @Test
  void mismatchedOrEmptyDataIsRefusedWithClearMessages() {
    TsneTransform t = new TsneTransform(TransformOptions.defaults());
    Dataset threeColumns = Dataset.of(new double[] {1, 2, 3}, 1, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> t.transform(irisEmbedding, iris, irisIndex, threeColumns, Progress.NONE));
    assertTrue(e.getMessage().contains("3 columns but the training data has 4"), e.getMessage());
    Dataset empty = Dataset.of(new double[0], 0, 4);
    e = assertThrows(IllegalArgumentException.class, () -> t.transform(irisEmbedding, iris, irisIndex, empty,
        Progress.NONE));
    assertTrue(e.getMessage().contains("no new rows"), e.getMessage());
    Dataset fewer = iris.subset(new int[] {0, 1, 2});
    e = assertThrows(IllegalArgumentException.class, () -> t.transform(irisEmbedding, fewer, irisIndex, fewer,
        Progress.NONE));
    assertTrue(e.getMessage().contains("3 rows but the embedding has 150"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> t.transform(irisEmbedding, iris,
        new VpTree(fewer, Metric.EUCLIDEAN, 0), fewer, Progress.NONE));
    assertTrue(e.getMessage().contains("index holds 3 rows"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TsneTransform(null));
  }

  @Test
  void cancellationStopsTheTransform() {
    AtomicInteger reports = new AtomicInteger();
    Progress cancelled = new Progress() {
      @Override
      public void report(String stage, double fraction, String message) {
        reports.incrementAndGet();
      }

      @Override
      public boolean isCancelled() {
        return true;
      }
    };
    assertThrows(Progress.CancelledException.class, () -> new TsneTransform(TransformOptions.defaults())
        .transform(irisEmbedding, iris, irisIndex, iris, cancelled));
    assertEquals(1, reports.get(), "stopped before the first block");
  }

  @Test
  void threeDimensionalEmbeddingsAreTransformedToo() {
    TsneResult r3 = embed(iris, 3);
    PartialEmbedding p = new TsneTransform(TransformOptions.defaults()).transform(r3, iris, irisIndex,
        iris.subset(new int[] {0, 60, 120}), Progress.NONE);
    assertEquals(3, p.dims());
    assertTrue(p.klDivergence() < p.klCurve()[0][1], Arrays.deepToString(p.klCurve()));
  }

  /** Well-separated Gaussian clusters in 10 dimensions, with held-out rows of every cluster. */
  private static final class Blobs {
    final Dataset train;
    final Dataset heldOut;
    final int[] trainLabel = new int[CLUSTERS * TRAIN_PER_CLUSTER];
    final int[] heldOutLabel = new int[CLUSTERS * HELD_OUT_PER_CLUSTER];

    Blobs(long seed) {
      int d = 10;
      Random r = new Random(seed);
      double[][] centres = new double[CLUSTERS][d];
      for (double[] c : centres) {
        for (int k = 0; k < d; k++) {
          c[k] = 8 * r.nextGaussian();
        }
      }
      double[] a = new double[trainLabel.length * d];
      double[] b = new double[heldOutLabel.length * d];
      for (int i = 0; i < trainLabel.length; i++) {
        trainLabel[i] = i % CLUSTERS;
        fill(a, i, centres[trainLabel[i]], r);
      }
      for (int i = 0; i < heldOutLabel.length; i++) {
        heldOutLabel[i] = i % CLUSTERS;
        fill(b, i, centres[heldOutLabel[i]], r);
      }
      train = Dataset.of(a, trainLabel.length, d);
      heldOut = Dataset.of(b, heldOutLabel.length, d);
    }

    private static void fill(double[] x, int i, double[] centre, Random r) {
      for (int k = 0; k < centre.length; k++) {
        x[i * centre.length + k] = centre[k] + r.nextGaussian();
      }
    }
  }
}
