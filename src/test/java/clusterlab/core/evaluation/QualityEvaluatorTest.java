package clusterlab.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report gathers every index with its direction, and degrades to NaN plus a note. */
class QualityEvaluatorTest {

  @Test
  void reportHoldsEveryIndexMatchingScikitLearn() {
    Map<String, Double> ref = Fixtures.scores();
    Dataset x = Fixtures.data("blobs");
    int[] truth = Fixtures.labels("blobs", "true");
    int[] y = Fixtures.labels("blobs", "kmeans_noise");
    QualityReport r = QualityEvaluator.builder().distance(Metric.COSINE).threads(2).build().evaluate(x, y, truth);
    assertEquals(60, r.value("noise"), 0);
    assertEquals(4, r.value("clusters"), 0);
    String p = "blobs kmeans_noise ";
    assertTrue(Fixtures.close(ref.get(p + "silhouette_cosine"), r.value("silhouette"), 1e-9));
    assertTrue(Fixtures.close(ref.get(p + "davies_bouldin"), r.value("davies_bouldin"), 1e-9));
    assertTrue(Fixtures.close(ref.get(p + "calinski_harabasz"), r.value("calinski_harabasz"), 1e-9));
    assertTrue(Fixtures.close(ref.get(p + "ami_max"), r.value("ami_max"), 1e-9));
    assertTrue(Fixtures.close(ref.get(p + "v_measure"), r.value("v_measure"), 1e-9));
    assertEquals(QualityReport.Direction.LOWER, r.entry("davies_bouldin").direction());
    assertTrue(r.entry("adjusted_rand").higherIsBetter());
    assertEquals(x.n(), r.silhouette().samples().length);
    assertNotNull(r.contingency());
    String csv = r.toCsv();
    assertTrue(csv.startsWith("index,value,group,direction\n") && csv.contains("\nnmi_geometric,"), csv);
    assertTrue(r.toJson().contains("\"name\": \"purity\""));
    assertTrue(r.toText().contains("davies_bouldin") && r.toText().contains("(lower is better)"));
  }

  @Test
  void undefinedIndicesAreNaNWithANote() {
    Dataset x = Fixtures.data("iris");
    QualityReport r = new QualityEvaluator().evaluate(x, new int[x.n()], null);
    assertTrue(Double.isNaN(r.value("silhouette")));
    assertTrue(Double.isNaN(r.value("dunn")));
    assertFalse(Double.isNaN(r.value("within_ss")));
    assertNull(r.silhouette());
    assertNull(r.contingency());
    assertFalse(r.notes().isEmpty());
    assertTrue(r.toJson().contains("\"value\": null"));
  }

  @Test
  void stabilityEntriesAreAdded() {
    Dataset x = Fixtures.data("boot");
    int[] y = FpcReferenceTest.completeLinkage(x, 3);
    StabilityResult s = new BootstrapJaccard(10, 0.5, 0.75, 1).run(x, y, (d, seed) -> FpcReferenceTest.completeLinkage(d, 3), 1);
    QualityReport r = new QualityEvaluator().evaluate(x, y, null).withStability(s);
    assertEquals(s.minMeanJaccard(), r.value("bootstrap_jaccard_min"), 0);
    assertTrue(r.toText().contains("Bootstrap Jaccard per cluster"));
  }
}
