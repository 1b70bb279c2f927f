package clusterlab.core.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.mixture.CovarianceType;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {

  private static boolean[] planted() {
    double[] y = AnomalyFixtures.vector("data_labels.csv");
    boolean[] b = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      b[i] = y[i] == 1;
    }
    return b;
  }

  @Test
  void everyMethodRanksThePlantedOutliersHigh() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    for (AnomalyMethod m : AnomalyMethod.values()) {
      AnomalyModel model = AnomalyDetector.of(m).fit(data, 7, null);
      assertEquals(m, model.method());
      double[] s = model.trainingScores();
      assertEquals(data.n(), s.length);
      for (double v : s) {
        assertFalse(Double.isNaN(v) || Double.isInfinite(v), m + " produced " + v);
      }
      double auc = RankingMetrics.rocAuc(s, planted(), null);
      assertTrue(auc > (m == AnomalyMethod.DBSCAN ? 0.75 : 0.9), m + " ROC AUC " + auc);
    }
  }

  @Test
  void newRowsAreScoredLikeTrainingRowsByTheSameModel() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    for (AnomalyMethod m : new AnomalyMethod[] {AnomalyMethod.CENTROID, AnomalyMethod.MIXTURE}) {
      AnomalyModel model = AnomalyDetector.of(m).fit(data, 7, null);
      double[] s = model.trainingScores();
      for (int i = 0; i < 10; i++) {
        assertEquals(s[i], model.score(data.values(), i * data.d()), 1e-12, m + " row " + i);
      }
    }
  }

  @Test
  void centroidScoreIsTheDistanceToTheNearestCentroid() {
    Dataset data = Dataset.of(new double[] {0, 0, 0, 1, 10, 10, 10, 11}, 4, 2);
    AnomalyModel m = AnomalyDetector.builder(AnomalyMethod.CENTROID).components(2).build().fit(data, 1, null);
    assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.5}, m.trainingScores(), 1e-12);
    assertEquals(5.0, m.score(new double[] {3, 4.5}, 0), 1e-12);
  }

  @Test
  void mixtureScoreIsMinusTheLogDensity() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    MixtureDensity m = (MixtureDensity) AnomalyDetector.builder(AnomalyMethod.MIXTURE).components(2)
        .covariance(CovarianceType.DIAG).build().fit(data, 3, null);
    double[] row = data.row(5);
    assertEquals(-m.model().logDensity(row), m.trainingScores()[5], 1e-12);
  }

  @Test
  void hostileDataGiveFiniteScoresOrAClearMessage() {
    // duplicate rows and a constant column: the mixture regularises, every score stays finite
    double[] v = new double[40 * 2];
    for (int i = 0; i < 40; i++) {
      v[2 * i] = i % 4;
      v[2 * i + 1] = 5;
    }
    Dataset flat = Dataset.of(v, 40, 2);
    for (AnomalyMethod m : AnomalyMethod.values()) {
      AnomalyDetector det = AnomalyDetector.builder(m).components(2).eps(m == AnomalyMethod.DBSCAN ? 1.5 : Double.NaN).build();
      for (double s : det.fit(flat, 1, null).trainingScores()) {
        assertFalse(Double.isNaN(s), m + " on duplicates and a constant column");
      }
    }
    // on a flat k-distance curve DBSCAN cannot choose eps and says so
    IllegalArgumentException noKnee = assertThrows(IllegalArgumentException.class,
        () -> AnomalyDetector.of(AnomalyMethod.DBSCAN).fit(flat, 1, null));
    assertTrue(noKnee.getMessage().contains("eps"), noKnee.getMessage());
    Dataset two = Dataset.of(new double[] {0, 1}, 2, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnomalyDetector.builder(AnomalyMethod.MIXTURE).components(3).build().fit(two, 1, null));
    assertTrue(e.getMessage().contains("components"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AnomalyDetector.builder(AnomalyMethod.CENTROID).distance(Metric.MANHATTAN).build().fit(two, 1, null));
    assertTrue(e.getMessage().contains("euclidean"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.builder(AnomalyMethod.LOF).neighbours(0).build());
    assertThrows(IllegalArgumentException.class, () -> Contamination.threshold(new double[] {1}, 0.7));
  }

  /** The settings are validated together when built, so the order they are given in does not matter. */
  @Test
  void theBuilderValidatesTheWholeConfiguration() {
    Dataset data = AnomalyFixtures.dataset("data.csv");
    // minPts 1 is legal for DBSCAN with a given eps, whichever setting comes first
    AnomalyDetector given = AnomalyDetector.builder(AnomalyMethod.DBSCAN).neighbours(1).eps(1.5).build();
    assertEquals(data.n(), given.fit(data, 1, null).trainingScores().length);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AnomalyDetector.builder(AnomalyMethod.DBSCAN).neighbours(1).build());
    assertTrue(e.getMessage().contains("minPts"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> AnomalyDetector.builder(AnomalyMethod.GLOSH).eps(1.5).neighbours(1).build());
    assertTrue(e.getMessage().contains("GLOSH"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.builder(AnomalyMethod.DBSCAN).eps(-1).build());
    assertTrue(e.getMessage().contains("eps"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AnomalyDetector.builder(null).build());
    // a copy changed through toBuilder scores like one built directly
    AnomalyDetector lof = AnomalyDetector.builder(AnomalyMethod.LOF).neighbours(7).build();
    assertArrayEquals(AnomalyDetector.of(AnomalyMethod.LOF).toBuilder().neighbours(7).build().fit(data, 1, null)
        .trainingScores(), lof.fit(data, 1, null).trainingScores(), 0.0);
  }
}
