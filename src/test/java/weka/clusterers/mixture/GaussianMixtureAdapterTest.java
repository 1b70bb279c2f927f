package weka.clusterers.mixture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.mixture.CovarianceType;
import org.junit.jupiter.api.Test;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.meta.ChooseK;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

class GaussianMixtureAdapterTest {

  static Instances irisNumeric() throws Exception {
    Instances iris = TestData.iris();
    Remove r = new Remove();
    r.setAttributeIndices("last");
    r.setInputFormat(iris);
    return Filter.useFilter(iris, r);
  }

  @Test
  void distributionAndLogDensityAreTheModels() throws Exception {
    Instances iris = irisNumeric();
    GaussianMixture gm = new GaussianMixture();
    gm.setOptions(Utils.splitOptions("-N 3 -covariance full -n-init 2 -S 5"));
    gm.buildClusterer(iris);
    int[] labels = gm.getModel().labels();
    double ll = 0;
    for (int i = 0; i < iris.numInstances(); i++) {
      double[] p = gm.distributionForInstance(iris.instance(i));
      assertEquals(1, p[0] + p[1] + p[2], 1e-12);
      assertEquals(labels[i], gm.clusterInstance(iris.instance(i)));
      assertEquals(labels[i], Utils.maxIndex(p));
      ll += gm.logDensityForInstance(iris.instance(i));
    }
    assertEquals(gm.getModel().logLikelihood(), ll, 1e-9 * Math.abs(ll));
    String text = gm.toString();
    assertTrue(text.contains("BIC") && text.contains("(weight)") && text.contains("Correlations, component 2"), text);
    assertTrue(Utils.joinOptions(gm.getOptions()).contains("-covariance full"));
    // Weka's own evaluation reports the same log-likelihood per instance
    ClusterEvaluation ev = new ClusterEvaluation();
    ev.setClusterer(gm);
    ev.evaluateClusterer(iris);
    assertEquals(ll / iris.numInstances(), ev.getLogLikelihood(), 1e-9);
  }

  @Test
  void selectChoosesAmongKAndTypesAndPrintsTheTable() throws Exception {
    Instances iris = irisNumeric();
    GaussianMixture gm = new GaussianMixture();
    gm.setOptions(Utils.splitOptions("-N 4 -select bic -select-types full,diag -n-init 3 -tol 1e-6 -reg-covar 0"));
    gm.buildClusterer(iris);
    assertEquals(8, gm.getSelection().cells().size());
    // mclust on iris: VVV (full) with 2 components has the best BIC (tools/fixtures/mixture_mclust.R)
    assertEquals(CovarianceType.FULL, gm.getModel().covarianceType());
    assertEquals(2, gm.numberOfClusters());
    assertTrue(gm.toString().contains("<- chosen"), gm.toString());
  }

  @Test
  void chooseKUsesTheMixturesOwnParameterCount() throws Exception {
    Instances iris = irisNumeric();
    ChooseK ck = new ChooseK();
    ck.setOptions(Utils.splitOptions("-min-k 1 -max-k 5 -criterion bic -S 1 -W \"weka.clusterers.mixture.GaussianMixture"
        + " -covariance full -n-init 3 -tol 1e-6 -reg-covar 0\""));
    ck.buildClusterer(iris);
    double[] bic = ck.getCurve().column("bic");
    GaussianMixture two = new GaussianMixture();
    two.setOptions(Utils.splitOptions("-N 2 -covariance full -n-init 3 -tol 1e-6 -reg-covar 0"));
    two.buildClusterer(iris);
    assertEquals(2, ck.numberOfClusters(), "ChooseK's BIC with full-covariance parameter counts picks mclust's K");
    assertEquals(two.getModel().parameters(), two.numberOfFreeParameters());
    assertTrue(bic[1] < bic[0] && bic[1] < bic[2], java.util.Arrays.toString(bic));
  }

  @Test
  void badOptionsAreRefusedByName() {
    GaussianMixture gm = new GaussianMixture();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> gm.setOptions(Utils.splitOptions("-select-types full,round")));
    assertTrue(e.getMessage().contains("selectTypes"), e.getMessage());
    assertThrows(Exception.class, () -> gm.setOptions(Utils.splitOptions("-reg-covar -1")));
  }

  @Test
  void sameLabelsForAnyThreadCount() throws Exception {
    Instances iris = irisNumeric();
    GaussianMixture a = new GaussianMixture();
    a.setOptions(Utils.splitOptions("-N 3 -covariance tied -num-threads 1"));
    a.buildClusterer(iris);
    GaussianMixture b = new GaussianMixture();
    b.setOptions(Utils.splitOptions("-N 3 -covariance tied -num-threads 4"));
    b.buildClusterer(iris);
    assertArrayEquals(a.getModel().labels(), b.getModel().labels());
    assertEquals(a.getModel().logLikelihood(), b.getModel().logLikelihood());
  }
}
