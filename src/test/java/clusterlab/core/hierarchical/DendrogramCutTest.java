package clusterlab.core.hierarchical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The cut rules as separate core classes, chosen from options by {@link DendrogramCut#of}. */
class DendrogramCutTest {

  /** ((0,1)@1, (2,3)@2)@5. */
  private static MergeHistory small() {
    return MergeHistory.of(4, new int[] {0, 2, 4}, new int[] {1, 3, 5}, new double[] {1, 2, 5});
  }

  @Test
  void eachCriterionPicksItsRule() {
    DendrogramCut count = DendrogramCut.of(DendrogramCut.Criterion.COUNT, 3, 9, 9, 2);
    DendrogramCut height = DendrogramCut.of(DendrogramCut.Criterion.HEIGHT, 3, 1.5, 9, 2);
    DendrogramCut inconsistency = DendrogramCut.of(DendrogramCut.Criterion.INCONSISTENCY, 3, 9, 0.5, 2);
    assertTrue(count instanceof CutByCount);
    assertTrue(height instanceof CutByHeight);
    assertTrue(inconsistency instanceof CutByInconsistency);
    assertArrayEquals(new int[] {0, 0, 1, 2}, count.labels(small()));
    assertArrayEquals(new int[] {0, 0, 1, 2}, height.labels(small()));
    assertEquals("3 clusters", count.describe());
    assertEquals("height <= 1.5", height.describe());
    assertEquals("inconsistency <= 0.5 (depth 2)", inconsistency.describe());
  }

  @Test
  void theShorthandsOnTheHistoryAreTheRules() {
    MergeHistory t = small();
    for (int k = 1; k <= 4; k++) {
      assertArrayEquals(new CutByCount(k).labels(t), t.cutCount(k));
    }
    assertArrayEquals(new CutByInconsistency(0.7, 2).labels(t), t.cutInconsistent(0.7, 2));
    assertArrayEquals(new int[1], new CutByInconsistency(1, 2).labels(MergeHistory.of(1, new int[0], new int[0], new double[0])));
  }

  @Test
  void badSettingsAreRefusedWhenTheRuleIsMade() {
    assertThrows(IllegalArgumentException.class, () -> new CutByCount(0));
    assertThrows(IllegalArgumentException.class, () -> new CutByHeight(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new CutByInconsistency(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new CutByCount(5).labels(small()));
  }
}
