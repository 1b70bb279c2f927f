package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** t-SNE's options: defaults, copies and messages that name the setting. */
class TsneOptionsTest {

  /**
   * scikit-learn's documented {@code TSNE} defaults (1.5: n_components=2, perplexity=30.0,
   * early_exaggeration=12.0, learning_rate='auto', max_iter=1000, n_iter_without_progress=300,
   * min_grad_norm=1e-07, init='pca', angle=0.5; 250 exaggerated iterations, fixed there); the method
   * and the k-NN search are chosen by size here, and all cores are used.
   */
  @Test
  void defaultsAreScikitLearns() {
    TsneOptions o = TsneOptions.defaults();
    assertEquals(2, o.dims());
    assertEquals(30.0, o.perplexity());
    assertEquals(12.0, o.earlyExaggeration());
    assertEquals(250, o.exaggerationIterations());
    assertEquals(1000, o.maxIterations());
    assertTrue(Double.isNaN(o.learningRate()), "learning rate 'auto'");
    assertEquals(0.5, o.theta());
    assertEquals(TSNE.Method.AUTO, o.method());
    assertEquals(TSNE.Init.PCA, o.init());
    assertEquals(TSNE.Neighbours.AUTO, o.neighbours());
    assertEquals(300, o.iterationsWithoutProgress());
    assertEquals(1e-7, o.minGradNorm());
    assertEquals(0, o.threads());
    assertEquals(o, new TSNE().options());
    // 'auto' is scikit-learn's max(n / early_exaggeration / 4, 50), for NaN and any value <= 0
    assertEquals(5000 / 12.0 / 4, new TSNE(o).learningRateFor(5000), 0.0);
    assertEquals(50, new TSNE(o.toBuilder().learningRate(0).build()).learningRateFor(100), 0.0);
    assertEquals(200, new TSNE(o.toBuilder().learningRate(200).build()).learningRateFor(100), 0.0);
  }

  @Test
  void toBuilderCopiesEverySetting() {
    TsneOptions o = TsneOptions.builder().dims(3).perplexity(12.5).earlyExaggeration(4).exaggerationIterations(100)
        .maxIterations(700).learningRate(150).theta(0.25).method(TSNE.Method.BARNES_HUT).init(TSNE.Init.RANDOM)
        .neighbours(TSNE.Neighbours.APPROXIMATE).iterationsWithoutProgress(50).minGradNorm(1e-5).threads(3).build();
    assertEquals(o, o.toBuilder().build());
    assertEquals(new TsneOptions(3, 12.5, 4, 100, 700, 150, 0.25, TSNE.Method.BARNES_HUT, TSNE.Init.RANDOM,
        TSNE.Neighbours.APPROXIMATE, 50, 1e-5, 1), o.toBuilder().threads(1).build());
    assertNotEquals(o, TsneOptions.defaults());
    assertEquals(TsneOptions.defaults(), TsneOptions.defaults().toBuilder().build());
    TsneOptions given = TsneOptions.builder().perplexity(5).build();
    assertEquals(given, new TSNE(given).options());
  }

  @Test
  void badSettingsAreNamed() {
    assertMessage("dims (output dimensions) must be between 2 and 3, got 4", TsneOptions.builder().dims(4));
    assertMessage("dims (output dimensions) must be between 2 and 3, got 1", TsneOptions.builder().dims(1));
    assertMessage("perplexity must be a finite number greater than 0, got 0.0", TsneOptions.builder().perplexity(0));
    assertMessage("perplexity must be a finite number greater than 0, got NaN",
        TsneOptions.builder().perplexity(Double.NaN));
    assertMessage("perplexity must be a finite number greater than 0, got Infinity",
        TsneOptions.builder().perplexity(Double.POSITIVE_INFINITY));
    assertMessage("early exaggeration must be a finite number of at least 1, got 0.5",
        TsneOptions.builder().earlyExaggeration(0.5));
    assertMessage("early exaggeration must be a finite number of at least 1, got Infinity",
        TsneOptions.builder().earlyExaggeration(Double.POSITIVE_INFINITY));
    assertMessage("exaggeration iterations must be at least 0, got -1", TsneOptions.builder().exaggerationIterations(-1));
    assertMessage("maxIterations must be at least 1, got 0", TsneOptions.builder().maxIterations(0));
    assertMessage("learning rate must be finite (or <= 0 for auto), got Infinity",
        TsneOptions.builder().learningRate(Double.POSITIVE_INFINITY));
    assertMessage("theta (Barnes-Hut angle) must be between 0.0 and 1.0, got 1.5", TsneOptions.builder().theta(1.5));
    assertMessage("theta (Barnes-Hut angle) must be between 0.0 and 1.0, got -0.1", TsneOptions.builder().theta(-0.1));
    assertMessage("method must not be null", TsneOptions.builder().method(null));
    assertMessage("init must not be null", TsneOptions.builder().init(null));
    assertMessage("neighbours must not be null", TsneOptions.builder().neighbours(null));
    assertMessage("iterations without progress must be at least 1, got 0",
        TsneOptions.builder().iterationsWithoutProgress(0));
    assertMessage("minGradNorm must be a finite number of at least 0, got -1.0", TsneOptions.builder().minGradNorm(-1));
    // the limits, and the values that mean something special, are accepted
    TsneOptions edge = TsneOptions.builder().learningRate(-1).exaggerationIterations(0).theta(0).minGradNorm(0)
        .earlyExaggeration(1).threads(-1).build();
    assertEquals(-1, edge.learningRate());
    assertEquals(0, edge.exaggerationIterations());
    assertEquals(0, edge.theta());
  }

  private static void assertMessage(String expected, TsneOptions.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
