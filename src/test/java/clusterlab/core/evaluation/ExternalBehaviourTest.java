package clusterlab.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Special cases of the external indices (as scikit-learn defines them) and the contingency table. */
class ExternalBehaviourTest {

  @Test
  void identicalPartitionsUpToRenamingScoreOne() {
    Contingency c = Contingency.of(new int[] {0, 0, 1, 1, 2}, new int[] {5, 5, 3, 3, -1});
    assertEquals(1.0, External.adjustedRand(c), 0);
    assertEquals(1.0, External.rand(c), 0);
    assertEquals(1.0, External.fowlkesMallows(c), 1e-15);
    assertEquals(1.0, External.vMeasure(c, 1), 1e-15);
    assertEquals(1.0, External.purity(c), 0);
    for (External.Average a : External.Average.values()) {
      assertEquals(1.0, External.normalizedMutualInformation(c, a), 1e-15);
      assertEquals(1.0, External.adjustedMutualInformation(c, a), 1e-12);
    }
  }

  @Test
  void knownValuesFromScikitLearnDocs() {
    Contingency c = Contingency.of(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1});
    assertEquals(-0.5, External.adjustedRand(c), 1e-15);
    assertEquals(0.0, External.normalizedMutualInformation(c, External.Average.ARITHMETIC), 0);
    // both single-label: sklearn returns 1 for NMI/AMI, homogeneity and completeness 1
    Contingency one = Contingency.of(new int[] {3, 3, 3}, new int[] {1, 1, 1});
    assertEquals(1.0, External.normalizedMutualInformation(one, External.Average.MAX), 0);
    assertEquals(1.0, External.adjustedMutualInformation(one, External.Average.MAX), 0);
    assertEquals(1.0, External.homogeneity(one), 0);
  }

  @Test
  void contingencyCountsAndRefusesMismatchedLengths() {
    Contingency c = Contingency.of(new int[] {0, 0, 1, 1, 1}, new int[] {1, 0, 0, 0, -1});
    assertEquals(2, c.count(1, 1));
    assertEquals(1, c.count(1, 0));
    assertEquals(-1, c.clusterIds()[0]);
    assertEquals(0.8, External.purity(c), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Contingency.of(new int[2], new int[3]));
  }
}
