package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

class AnomalySplitEvaluatorTest {

  private static Object result(Object[] r, AnomalySplitEvaluator e, String name) {
    return r[Arrays.asList(e.getResultNames()).indexOf(name)];
  }

  @Test
  void scoresTheTestSplitAgainstTheClass() throws Exception {
    Instances data = TestData.bundled("wdbc-anomaly.arff", true);
    Instances train = new Instances(data, 0, 250);
    Instances test = new Instances(data, 250, data.numInstances() - 250);
    AnomalySplitEvaluator e = new AnomalySplitEvaluator();
    e.setOptions(Utils.splitOptions("-standardize -anomaly-value malignant -F \"weka.filters.unsupervised.attribute.AnomalyScore -method lof -K 20 -flag contamination\""));
    Object[] r = e.getResult(train, test);
    assertEquals(e.getResultNames().length, r.length);
    assertEquals(250.0, result(r, e, "Number_of_training_instances"));
    assertEquals((double) test.numInstances(), result(r, e, "Number_scored"));
    double auc = (Double) result(r, e, "ROC_AUC");
    assertTrue(auc > 0.8 && auc <= 1, "ROC AUC " + auc);
    assertTrue(e.getRawResultOutput().contains("ROC AUC"), e.getRawResultOutput());
    assertEquals("weka.filters.unsupervised.attribute.AnomalyScore", e.getKey()[0]);
    assertTrue(((String) e.getKey()[1]).startsWith("-standardize"), (String) e.getKey()[1]);
  }

  @Test
  void undefinedFiguresAreMissingValues() throws Exception {
    Instances iris = TestData.iris();
    AnomalySplitEvaluator e = new AnomalySplitEvaluator();
    e.setOptions(Utils.splitOptions("-train -anomaly-value setosa -F \"weka.filters.unsupervised.attribute.AnomalyScore -method knn\""));
    Instances noSetosa = new Instances(iris, 50, 100);
    Object[] r = e.getResult(noSetosa, noSetosa);
    assertEquals(0.0, result(r, e, "Number_of_anomalies"));
    assertNull(result(r, e, "ROC_AUC"), "no anomaly in the split: ROC AUC undefined");
    assertNull(result(r, e, "Number_flagged"), "no flag asked for");
  }
}
