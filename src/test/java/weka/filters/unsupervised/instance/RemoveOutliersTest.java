package weka.filters.unsupervised.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.prep.LocalOutlierFactor;
import clusterlab.core.prep.PrepFixtures;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.PrepWekaData;

class RemoveOutliersTest {

  private static Instances apply(RemoveOutliers f, Instances data, String... options) throws Exception {
    f.setOptions(options);
    f.setInputFormat(data);
    return Filter.useFilter(data, f);
  }

  @Test
  void lofRemovesExactlyTheRowsSklearnScoresAboveTheThreshold() throws Exception {
    Instances data = PrepWekaData.of("lof_data.csv", false);
    double[] nof = PrepFixtures.vector("lof_nof_k20.csv");
    int outliers = 0;
    for (double v : nof) {
      if (-v > 1.5) {
        outliers++;
      }
    }
    assertTrue(outliers > 5 && outliers < 30, "fixture has " + outliers + " outliers");
    RemoveOutliers f = new RemoveOutliers();
    Instances kept = apply(f, data, "-M", "lof", "-K", "20");
    assertEquals(data.numInstances() - outliers, kept.numInstances());
    assertTrue(f.toString().contains(outliers + " of " + data.numInstances()), f.toString());

    RemoveOutliers inv = new RemoveOutliers();
    assertEquals(outliers, apply(inv, data, "-M", "lof", "-K", "20", "-V").numInstances());

    RemoveOutliers flag = new RemoveOutliers();
    Instances flagged = apply(flag, data, "-M", "lof", "-K", "20", "-flag");
    assertEquals(data.numInstances(), flagged.numInstances());
    assertEquals(data.numAttributes() + 2, flagged.numAttributes());
    for (int i = 0; i < nof.length; i++) {
      assertEquals(-nof[i], flagged.instance(i).value(data.numAttributes() + 1), 1e-9);
      assertEquals(-nof[i] > 1.5 ? 1.0 : 0.0, flagged.instance(i).value(data.numAttributes()), 0.0);
    }
  }

  @Test
  void univariateRulesReportTheResponsibleAttributeAndLaterBatchesPassThrough() throws Exception {
    Instances data = PrepWekaData.of("lof_data.csv", false);
    data.instance(0).setValue(1, 1000.0);
    RemoveOutliers f = new RemoveOutliers();
    Instances kept = apply(f, data, "-M", "z");
    assertTrue(kept.numInstances() < data.numInstances());
    assertTrue(f.toString().contains("x1"), f.toString());
    Instances second = new Instances(data, 0);
    second.add(data.instance(0));
    assertEquals(1, Filter.useFilter(second, f).numInstances(), "later batches must pass through");
  }

  @Test
  void lofCoreAgreesWithTheFilterOnDuplicates() {
    Dataset d = PrepFixtures.dataset("lof_data.csv");
    double[] lof = LocalOutlierFactor.lof(d, new VpTree(d, Metric.EUCLIDEAN), 5, 1);
    double[] ref = PrepFixtures.vector("lof_nof_k5.csv");
    for (int i = 0; i < ref.length; i++) {
      assertEquals(-ref[i], lof[i], 1e-9);
    }
  }

  @Test
  void theThresholdShowsTheRulesActualDefault() throws Exception {
    RemoveOutliers f = new RemoveOutliers();
    org.junit.jupiter.api.Assertions.assertEquals(3.5, f.getThreshold(), "robust-z's default, not 0");
    f.setMethod(new weka.core.SelectedTag(2, f.getMethod().getTags())); // iqr
    org.junit.jupiter.api.Assertions.assertEquals("iqr", f.getMethod().getSelectedTag().getReadable());
    org.junit.jupiter.api.Assertions.assertEquals(1.5, f.getThreshold(), "follows the rule while left at its default");
    f.setOptions(weka.core.Utils.splitOptions("-M z"));
    org.junit.jupiter.api.Assertions.assertEquals(3.0, f.getThreshold());
    f.setOptions(weka.core.Utils.splitOptions("-M z -T 2.5"));
    org.junit.jupiter.api.Assertions.assertEquals(2.5, f.getThreshold());
  }

  @Test
  void theStatusLineSaysWhatHappenedToHowManyRowsByWhichRule() throws Exception {
    Instances data = PrepWekaData.of("lof_data.csv", false);
    data.instance(0).setValue(1, 1000.0);
    RemoveOutliers f = new RemoveOutliers();
    int n = data.numInstances();
    int removed = n - apply(f, data, "-M", "z", "-T", "2.5").numInstances();
    assertTrue(removed > 0);
    assertEquals("RemoveOutliers: removed " + removed + " of " + n + " instances (z score > 2.500)", f.statusLine());
    RemoveOutliers inv = new RemoveOutliers();
    apply(inv, data, "-M", "z", "-T", "2.5", "-V");
    assertEquals("RemoveOutliers: kept the " + removed + " outliers of " + n + " instances, removed " + (n - removed)
        + " (z score > 2.500)", inv.statusLine());
    RemoveOutliers flag = new RemoveOutliers();
    apply(flag, data, "-flag");
    assertTrue(flag.statusLine().matches("RemoveOutliers: flagged \\d+ of " + n
        + " instances as outliers, removed none \\(robust-z score > 3\\.500\\)"), flag.statusLine());
  }

  @Test
  void outsideThePreprocessPanelTheReportFindsNoExplorerLog() {
    assertTrue(!clusterlab.weka.PreprocessLog.report("x", "y"), "no Explorer here, nothing to report to");
  }
}
