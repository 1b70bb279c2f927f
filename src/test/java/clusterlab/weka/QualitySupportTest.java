package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import clusterlab.core.evaluation.QualityReport;
import org.junit.jupiter.api.Test;
import weka.clusterers.AbstractClusterer;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/** Noise from clusterInstance failures, labels from attributes, and the per-instance output. */
class QualitySupportTest {

  /** Clusters by petal length; refuses (noise) instances with petal length between 2.5 and 3.5. */
  static final class Banded extends AbstractClusterer {
    private static final long serialVersionUID = 1L;
    private boolean failAll;

    @Override
    public void buildClusterer(Instances data) {
    }

    @Override
    public int clusterInstance(Instance inst) throws Exception {
      double v = inst.value(2);
      if (failAll || (v > 2.5 && v < 3.5)) {
        throw new Exception("noise");
      }
      return v < 2.5 ? 0 : v < 5 ? 1 : 2;
    }

    @Override
    public int numberOfClusters() {
      return 3;
    }
  }

  private static Instances iris() throws Exception {
    Instances d = DataSource.read(PluginManifest.basedir().resolve("resources/data/iris.arff").toString());
    d.setClassIndex(d.numAttributes() - 1);
    return d;
  }

  @Test
  void unassignableInstancesAreNoiseExcludedFromInternalIndices() throws Exception {
    Instances iris = iris();
    Banded c = new Banded();
    int[] labels = QualitySupport.assign(c, QualitySupport.withoutClass(iris));
    long noise = java.util.Arrays.stream(labels).filter(l -> l == -1).count();
    assertTrue(noise > 0);
    QualityReport r = QualitySupport.evaluate(iris, labels, new clusterlab.core.evaluation.QualityEvaluator());
    assertEquals(noise, r.value("noise"), 0);
    assertEquals(150 - noise, r.silhouette().evaluated());
    assertTrue(r.value("adjusted_rand") > 0.5, "external indices computed against the class");
    Instances per = QualitySupport.silhouetteInstances(iris, labels, r.silhouette());
    assertEquals(iris.numAttributes() + 2, per.numAttributes());
    assertEquals(iris.classIndex(), per.classIndex());
    for (int i = 0; i < labels.length; i++) {
      assertEquals(labels[i] == -1, per.instance(i).isMissing(per.numAttributes() - 1));
    }
  }

  @Test
  void aClustererThatAssignsNothingIsAnErrorNotAllNoise() throws Exception {
    Banded c = new Banded();
    c.failAll = true;
    Exception e = assertThrows(Exception.class, () -> QualitySupport.assign(c, iris()));
    assertEquals("noise", e.getMessage());
  }

  @Test
  void labelsFromNominalAndNumericAttributes() throws Exception {
    Instances iris = iris();
    int[] fromClass = QualitySupport.labelsFromAttribute(iris, 4);
    assertEquals(0, fromClass[0]);
    assertEquals(2, fromClass[149]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> QualitySupport.labelsFromAttribute(iris, 1));
    assertTrue(e.getMessage().contains("integers"), e.getMessage());
  }
}
