package clusterlab.core.tsne;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link TransformOptions}: openTSNE's transform defaults, copies, and messages naming the setting. */
class TransformOptionsTest {

  @Test
  void defaultsAreOpenTsnesTransformDefaults() {
    TransformOptions o = TransformOptions.defaults();
    // openTSNE 1.0.x, TSNEEmbedding.transform(perplexity=5, k=25, learning_rate=0.1, exaggeration=1.5,
    // n_iter=250, final_momentum=0.8, max_grad_norm=0.25); theta 0.5 from TSNE
    assertEquals(5, o.perplexity());
    assertEquals(25, o.initNeighbours());
    assertEquals(0.1, o.learningRate());
    assertEquals(250, o.iterations());
    assertEquals(1.5, o.exaggeration());
    assertEquals(0.8, o.momentum());
    assertEquals(0.25, o.maxGradNorm());
    assertEquals(0.5, o.theta());
    assertEquals(0, o.threads());
    assertEquals(15, o.affinityNeighbours(1000), "int(3 * perplexity) neighbours");
    assertEquals(10, o.affinityNeighbours(10), "at most the training rows");
  }

  @Test
  void toBuilderCopiesEverySetting() {
    TransformOptions o = TransformOptions.builder().perplexity(7).initNeighbours(9).learningRate(0.2).iterations(3)
        .exaggeration(2).momentum(0.5).maxGradNorm(1).theta(0.3).threads(2).build();
    assertEquals(o, o.toBuilder().build());
    assertEquals(3, o.toBuilder().transform().options().iterations());
  }

  @Test
  void badSettingsAreRefusedNamingTheSetting() {
    assertMessage("perplexity", TransformOptions.builder().perplexity(0));
    assertMessage("initNeighbours", TransformOptions.builder().initNeighbours(0));
    assertMessage("learningRate", TransformOptions.builder().learningRate(-1));
    assertMessage("iterations", TransformOptions.builder().iterations(-1));
    assertMessage("exaggeration", TransformOptions.builder().exaggeration(0.5));
    assertMessage("momentum", TransformOptions.builder().momentum(1));
    assertMessage("maxGradNorm", TransformOptions.builder().maxGradNorm(Double.NaN));
    assertMessage("theta", TransformOptions.builder().theta(1.5));
  }

  private static void assertMessage(String setting, TransformOptions.Builder builder) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
    assertTrue(e.getMessage().startsWith(setting), e.getMessage());
  }
}
