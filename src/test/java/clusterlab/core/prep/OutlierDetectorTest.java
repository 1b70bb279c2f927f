package clusterlab.core.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import org.junit.jupiter.api.Test;

class OutlierDetectorTest {

  // column 0: 1..9 and 100; column 1: constant-ish with a missing value
  private static final double[] X = {1, 5, 2, 5, 3, 5, 4, 5, 5, Double.NaN, 6, 5, 7, 5, 8, 5, 9, 5, 100, 5};

  @Test
  void zScoreUsesPopulationSd() {
    OutlierDetector z = OutlierDetector.fit(OutlierDetector.Method.Z, X, 10, 2);
    double mean = 14.5;
    double ss = 0;
    for (int i = 0; i < 10; i++) {
      ss += (X[2 * i] - mean) * (X[2 * i] - mean);
    }
    OutlierResult r = z.score(X, 10, 2.5);
    assertEquals((100 - mean) / Math.sqrt(ss / 10), r.score(9), 1e-12);
    assertEquals(1, r.outliers());
    assertEquals(0, r.column(9));
  }

  @Test
  void robustZUsesMadAndFallsBackToMeanAbsoluteDeviation() {
    OutlierDetector rz = OutlierDetector.fit(OutlierDetector.Method.ROBUST_Z, X, 10, 2);
    // median 5.5, |dev| = 4.5 3.5 2.5 1.5 .5 .5 1.5 2.5 3.5 94.5 -> MAD 2.5
    assertEquals(2.5 / 0.6745, rz.scale()[0], 1e-12);
    OutlierResult r = rz.score(X, 10, 3.5);
    assertEquals(0.6745 * 94.5 / 2.5, r.score(9), 1e-12);
    assertTrue(r.isOutlier(9));
    assertFalse(r.isOutlier(0));
    // column 1 is constant: MAD = mean absolute deviation = 0 -> a different value scores infinity
    OutlierResult other = rz.score(new double[] {5, 6}, 1, 3.5);
    assertEquals(Double.POSITIVE_INFINITY, other.score(0));
    assertEquals(1, other.column(0));
  }

  @Test
  void iqrUsesTukeyFencesWithNumpyQuartiles() {
    OutlierDetector q = OutlierDetector.fit(OutlierDetector.Method.IQR, X, 10, 2);
    // numpy.percentile([1..9, 100], [25, 75]) = 3.25, 7.75
    assertEquals(3.25, q.lower()[0], 1e-15);
    assertEquals(7.75, q.upper()[0], 1e-15);
    OutlierResult r = q.score(X, 10, 1.5);
    assertEquals((100 - 7.75) / 4.5, r.score(9), 1e-12);
    assertEquals(1, r.outliers());
    assertEquals(1, r.outliersPerColumn(2)[0]);
  }

  @Test
  void lofFlagsTheIsolatedPoint() {
    double[] v = new double[22];
    for (int i = 0; i < 10; i++) {
      v[2 * i] = i % 5;
      v[2 * i + 1] = i / 5;
    }
    v[20] = 50;
    v[21] = 50;
    OutlierResult r = OutlierDetector.lof(Dataset.of(v, 11, 2), 3, 1.5, 1);
    assertEquals(1, r.outliers());
    assertTrue(r.isOutlier(10));
  }
}
