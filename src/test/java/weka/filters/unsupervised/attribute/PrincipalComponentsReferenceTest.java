package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import clusterlab.core.prep.PrepFixtures;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.filters.Filter;

/**
 * The handbook's PCA step is covered by Weka's own PrincipalComponents filter: on standardized
 * wine it reproduces scikit-learn's {@code PCA().fit(StandardScaler().fit_transform(X))}.
 *
 * <p>Conventions differ by a constant only: Weka standardizes with the sample standard deviation
 * (n - 1), scikit-learn's StandardScaler with the population one (n), so sklearn's
 * explained_variance_ is Weka's component variance times n / (n - 1); explained_variance_ratio_
 * is the same.
 */
class PrincipalComponentsReferenceTest {

  @Test
  void standardizedPcaReproducesSklearnExplainedVariance() throws Exception {
    Instances wine = PrepWekaData.of("wine.csv", false);
    int n = wine.numInstances();
    PrincipalComponents pca = new PrincipalComponents();
    pca.setVarianceCovered(1.0);
    pca.setMaximumAttributes(-1);
    pca.setInputFormat(wine);
    Instances out = Filter.useFilter(wine, pca);
    double[] expected = PrepFixtures.vector("wine_pca_explained_variance.csv");
    double[] ratio = PrepFixtures.vector("wine_pca_explained_variance_ratio.csv");
    assertEquals(expected.length, out.numAttributes());
    double total = 0;
    double[] var = new double[out.numAttributes()];
    for (int k = 0; k < var.length; k++) {
      var[k] = out.variance(k);
      total += var[k];
    }
    for (int k = 0; k < var.length; k++) {
      assertEquals(expected[k], var[k] * n / (n - 1.0), 1e-9 * expected[0], "component " + k);
      assertEquals(ratio[k], var[k] / total, 1e-10, "ratio of component " + k);
    }
  }
}
