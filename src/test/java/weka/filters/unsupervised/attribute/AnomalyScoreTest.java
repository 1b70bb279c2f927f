package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.Dataset;
import clusterlab.core.anomaly.AnomalyDetector;
import clusterlab.core.anomaly.AnomalyMethod;
import clusterlab.core.anomaly.Contamination;
import clusterlab.weka.InstancesConverter;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

class AnomalyScoreTest {

  private static AnomalyScore filter(String options) throws Exception {
    AnomalyScore f = new AnomalyScore();
    f.setOptions(Utils.splitOptions(options));
    return f;
  }

  @Test
  void appendsTheCoreScoresOfEveryMethodIgnoringTheClass() throws Exception {
    Instances iris = TestData.iris();
    Dataset core = InstancesConverter.fit(iris, InstancesConverter.NominalHandling.REFUSE, false).convert(iris);
    for (AnomalyMethod m : AnomalyMethod.values()) {
      String word = m.name().toLowerCase(java.util.Locale.ROOT);
      AnomalyScore f = filter("-method " + word + " -K 8 -N 3 -S 4");
      f.setInputFormat(iris);
      Instances out = Filter.useFilter(iris, f);
      assertEquals(iris.numAttributes() + 1, out.numAttributes());
      assertEquals(AnomalyScore.SCORE_ATTRIBUTE, out.attribute(out.numAttributes() - 1).name());
      assertEquals(iris.classIndex(), out.classIndex(), "the class stays the class");
      double[] expected = AnomalyDetector.builder(m).neighbours(8).components(3).build().fit(core, 4, null).trainingScores();
      for (int i = 0; i < iris.numInstances(); i++) {
        assertEquals(expected[i], out.instance(i).value(out.numAttributes() - 1), 1e-12, word + " row " + i);
      }
    }
  }

  @Test
  void contaminationFlagsTheTopFractionAndLaterBatchesUseTheFirstBatchModel() throws Exception {
    Instances iris = TestData.iris();
    AnomalyScore f = filter("-method knn -K 5 -flag contamination -contamination 0.1");
    f.setInputFormat(iris);
    Instances out = Filter.useFilter(iris, f);
    int score = out.numAttributes() - 2;
    double[] s = new double[out.numInstances()];
    int flagged = 0;
    for (int i = 0; i < s.length; i++) {
      s[i] = out.instance(i).value(score);
      flagged += out.instance(i).stringValue(score + 1).equals("outlier") ? 1 : 0;
    }
    double cut = Contamination.threshold(s, 0.1);
    assertEquals(cut, f.getCut(), 0);
    int above = 0;
    for (double v : s) {
      above += v > cut ? 1 : 0;
    }
    assertEquals(above, flagged);
    assertTrue(flagged > 0 && flagged <= 15, "flagged " + flagged);
    assertTrue(f.toString().contains("flagged"), f.toString());

    Instances second = TestData.irisSample(10);
    Instances out2 = Filter.useFilter(second, f);
    for (int i = 0; i < second.numInstances(); i++) {
      double[] row = new double[4];
      for (int j = 0; j < 4; j++) {
        row[j] = second.instance(i).value(j);
      }
      double expected = f.getModel().score(row, 0);
      assertEquals(expected, out2.instance(i).value(score), 1e-12);
      assertEquals(expected > cut ? "outlier" : "inlier", out2.instance(i).stringValue(score + 1));
    }
  }

  @Test
  void aRowWithAMissingValueGetsAMissingScoreAndFlag() throws Exception {
    Instances iris = TestData.iris();
    iris.instance(7).setMissing(2);
    AnomalyScore f = filter("-method lof -flag threshold -threshold 1.5");
    f.setInputFormat(iris);
    Instances out = Filter.useFilter(iris, f);
    assertTrue(out.instance(7).isMissing(out.numAttributes() - 2));
    assertTrue(out.instance(7).isMissing(out.numAttributes() - 1));
    assertTrue(!out.instance(8).isMissing(out.numAttributes() - 2));
  }

  @Test
  void refusesBadSettingsNamingTheOption() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> filter("-K 0"));
    assertTrue(e.getMessage().contains("neighbours"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> filter("-contamination 0"));
    assertTrue(e.getMessage().contains("contamination"), e.getMessage());
  }
}
