package clusterlab.core.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import clusterlab.core.select.Kneedle.Curve;
import clusterlab.core.select.Kneedle.Direction;
import org.junit.jupiter.api.Test;

class KneedleTest {

  private static final double[] K = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  @Test
  void elbowOfADecreasingConvexCurve() {
    // an inertia-like curve falling steeply until k = 4, then flat
    double[] inertia = {1000, 600, 300, 100, 90, 82, 75, 70, 66, 63};
    Kneedle.Result r = Kneedle.find(K, inertia, Curve.CONVEX, Direction.DECREASING, 1.0);
    assertEquals(3, r.index());
  }

  @Test
  void kneeOfAnIncreasingConvexCurve() {
    // a sorted k-distance-like curve: flat, then rising sharply after index 7
    double[] kdist = {0.10, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.60, 2.00};
    Kneedle.Result r = Kneedle.find(K, kdist, Curve.CONVEX, Direction.INCREASING, 1.0);
    assertEquals(7, r.index());
  }

  @Test
  void kneeOfAnIncreasingConcaveCurve() {
    double[] y = {0, 50, 80, 90, 93, 95, 96, 97, 98, 99};
    assertEquals(2, Kneedle.find(K, y, Curve.CONCAVE, Direction.INCREASING, 1.0).index());
  }

  @Test
  void aStraightLineHasNoKnee() {
    double[] y = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    assertFalse(Kneedle.find(K, y, Curve.CONVEX, Direction.DECREASING, 1.0).found());
  }

  @Test
  void highSensitivityFindsNoKneeInAMildBend() {
    double[] y = {100, 80, 62, 48, 38, 30, 24, 20, 17, 15};
    assertFalse(Kneedle.find(K, y, Curve.CONVEX, Direction.DECREASING, 50).found());
  }

  @Test
  void badCurvesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Kneedle.find(new double[] {1, 2}, new double[] {1, 2},
        Curve.CONVEX, Direction.DECREASING, 1));
    assertThrows(IllegalArgumentException.class, () -> Kneedle.find(new double[] {1, 1, 2}, new double[] {1, 2, 3},
        Curve.CONVEX, Direction.DECREASING, 1));
    assertThrows(IllegalArgumentException.class, () -> Kneedle.find(K, new double[3], Curve.CONVEX, Direction.DECREASING, 1));
  }
}
