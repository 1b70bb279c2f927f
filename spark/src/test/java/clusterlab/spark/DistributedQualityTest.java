package clusterlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.evaluation.QualityEvaluator;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.core.evaluation.Silhouette;
import clusterlab.core.distance.Metric;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.kmeans.KMeansOptions;
import org.junit.jupiter.api.Test;

class DistributedQualityTest {

  private static void close(double expected, double actual, String name) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), name);
  }

  @Test
  void indicesAgreeWithTheSingleMachineEvaluator() {
    int n = 3_000;
    int d = 4;
    double[] v = Blobs.rows(21, n, d, 5, 6);
    Dataset data = Dataset.of(v, n, d);
    KMeansModel model = new KMeans(5, KMeansOptions.builder().threads(1).build()).fit(data, 3, Progress.NONE);
    QualityReport one = QualityEvaluator.builder().threads(1).dunn(false).build().evaluate(data, model.labels(), null);
    Blocks.Data blocks = DistributedKMeansTest.blocks(v, n, d, 3);
    DistributedQuality.Report dist = DistributedQuality.of(blocks, model, n, 1);
    for (String index : new String[] {"davies_bouldin", "calinski_harabasz", "simplified_silhouette", "within_ss",
        "between_ss", "total_ss", "silhouette"}) {
      close(one.value(index), dist.get(index), index);
    }
    assertEquals(0.0, dist.get("silhouette_se"), "every row sampled: no sampling error");
    blocks.unpersist();
  }

  @Test
  void sampledSilhouetteLiesWithinItsStatedErrorOfTheExactOne() {
    int n = 4_000;
    int d = 3;
    double[] v = Blobs.rows(8, n, d, 4, 3);
    Dataset data = Dataset.of(v, n, d);
    KMeansModel model = new KMeans(4, KMeansOptions.builder().threads(1).build()).fit(data, 5, Progress.NONE);
    double exact = new Silhouette(Metric.EUCLIDEAN).score(data, model.labels());
    Blocks.Data blocks = DistributedKMeansTest.blocks(v, n, d, 2);
    DistributedQuality.Report dist = DistributedQuality.of(blocks, model, 300, 4);
    double se = dist.get("silhouette_se");
    assertTrue(se > 0 && se < 0.05, "a stated, small standard error: " + se);
    assertTrue(Math.abs(dist.get("silhouette") - exact) < 4 * se,
        "estimate " + dist.get("silhouette") + " vs exact " + exact + ", standard error " + se);
    assertTrue(dist.get("silhouette_sample") >= 300 && dist.get("silhouette_sample") <= 304);
    blocks.unpersist();
  }
}
