package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The About-text rule catches the cuts users saw, and passes sentences that stand alone. */
class AboutTextTest {

  @Test
  void catchesCutsMidSentence() {
    assertNotNull(AboutText.problem("DBSCAN density-based clustering (Ester et al. 1996) with k-d trees."));
    assertNotNull(AboutText.problem("Rules: robust-z: modified z-score 0.6745 (x - median) / MAD."));
    assertNotNull(AboutText.problem("Scales the data, e.g. by the IQR. More text."));
    assertNotNull(AboutText.problem("Clusters the rows (see the paper. More text) with k-means."));
    assertNotNull(AboutText.problem("x".repeat(300) + ". More."));
  }

  /** ChooseK's text said its first sentence twice: the About box, then the same opening again below it. */
  @Test
  void catchesASecondSentenceThatRepeatsTheFirst() {
    assertNotNull(AboutText.problem("Chooses the number of clusters K for any clusterer by the elbow. "
        + "Chooses the number of clusters K: builds the wrapped clusterer for every K."));
  }

  @Test
  void passesSentencesThatStandAlone() {
    assertNull(AboutText.problem("DBSCAN finds clusters as dense regions separated by sparse ones. Ester et al. 1996."));
    assertNull(AboutText.problem("Removes outlying instances."));
    assertNull(AboutText.problem("Chooses the number of clusters K by the elbow. It builds the clusterer for every K."));
  }
}
