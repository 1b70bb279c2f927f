package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.select.ChooseKOptions;
import clusterlab.core.select.KCurve;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The k-means family's and ChooseK's options: defaults, copies and messages that name the setting. */
class KMeansOptionsTest {

  @Test
  void defaultsAreScikitLearns() {
    KMeansOptions o = KMeansOptions.defaults();
    assertEquals(300, o.maxIterations());
    assertEquals(1e-4, o.tolerance());
    assertEquals(KMeans.Init.KMEANS_PLUS_PLUS, o.init());
    assertEquals(1, o.numInit());
    assertEquals(0, o.threads());
    MiniBatchOptions mb = MiniBatchOptions.defaults();
    assertEquals(1024, mb.batchSize());
    assertEquals(3 * 1024, mb.initSize(8));
    assertEquals(3 * 2000, mb.toBuilder().batchSize(10).build().initSize(2000));
    assertEquals(100, mb.initial().maxIterations());
    assertEquals(3, mb.initial().numInit());
    assertEquals(1e-4, mb.initial().tolerance());
    assertEquals(100, SphericalKMeans.defaults().maxIterations());
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    KMeansOptions o = KMeansOptions.builder().maxIterations(7).tolerance(0).init(KMeans.Init.RANDOM).numInit(4)
        .threads(2).build();
    assertEquals(o, o.toBuilder().build());
    assertEquals(new KMeansOptions(7, 0, KMeans.Init.RANDOM, 5, 2), o.toBuilder().numInit(5).build());
    MiniBatchOptions mb = MiniBatchOptions.builder().batchSize(10).initSize(30).init(KMeans.Init.RANDOM).threads(1)
        .build();
    assertEquals(mb, mb.toBuilder().build());
    assertEquals(KMeans.Init.RANDOM, mb.initial().init());
    assertEquals(100, mb.initial().maxIterations());
    ChooseKOptions c = ChooseKOptions.builder().ks(5, 2, 3).criterion(KCurve.BIC).threads(1).build();
    assertEquals(List.of(2, 3, 5), java.util.Arrays.stream(c.ks()).boxed().toList());
    assertEquals(c, c.toBuilder().build());
  }

  @Test
  void badSettingsAreNamed() {
    assertMessage("maxIterations must be at least 1, got 0", () -> KMeansOptions.builder().maxIterations(0).build());
    assertMessage("tolerance must be a finite number of at least 0", () -> KMeansOptions.builder().tolerance(-1).build());
    assertMessage("numInit (restarts) must be at least 1", () -> KMeansOptions.builder().numInit(0).build());
    assertMessage("init must not be null", () -> KMeansOptions.builder().init(null).build());
    assertMessage("batchSize must be at least 1", () -> MiniBatchOptions.builder().batchSize(0).build());
    assertMessage("initSize must be at least 0", () -> MiniBatchOptions.builder().initSize(-1).build());
    assertMessage("initSize (4) must be at least the number of clusters (5)",
        () -> new MiniBatchKMeans(5, 2, MiniBatchOptions.builder().initSize(4).build(), 1));
    assertMessage("spherical k-means seeds by k-means++ only",
        () -> new SphericalKMeans(3, KMeansOptions.builder().init(KMeans.Init.RANDOM).build()));
    assertMessage("algorithm must not be null", () -> new KMeans(3, null, KMeansOptions.defaults()));
    assertMessage("k (number of clusters) must be at least 1, got 0",
        () -> new BisectingKMeans(0, BisectingKMeans.SplitRule.LARGEST_SSE, KMeansOptions.defaults()));
    assertMessage("sensitivity must be a finite number of at least 0",
        () -> ChooseKOptions.builder().sensitivity(-1).build());
    assertMessage("the largest K (1) must be at least the smallest (3)", () -> ChooseKOptions.builder().kRange(3, 1));
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
