package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.QualityEvaluator;
import clusterlab.core.evaluation.QualityReport;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import weka.clusterers.centroid.KMeans;
import weka.clusterers.density.DBSCAN;
import weka.core.Instances;
import weka.core.SerializedObject;
import weka.core.Utils;

/** The quality section under every ClusterLab model: the figures, the noise policy, the big-data sample. */
class TrainingQualityTest {

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  /** Whether the output has the line "label: value" (aligned with spaces). */
  private static boolean shows(String out, String label, double v) {
    return java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(label + ":") + " +" + java.util.regex.Pattern.quote(
        fmt(v)) + " ").matcher(out).find();
  }

  @Test
  void kMeansPrintsTheIndicesOfItsTrainingPartition() throws Exception {
    Instances data = PartitioningClustererTest.blobs(700, 3, 5);
    KMeans km = new KMeans();
    km.setOptions(Utils.splitOptions("-N 7 -S 3"));
    km.buildClusterer(data);
    String out = km.toString();
    QualityReport r = new QualityEvaluator().evaluate(QualitySupport.dataset(data), km.getModel().labels(), null);
    assertTrue(shows(out, "Silhouette (euclidean)", r.value("silhouette")), out);
    assertTrue(shows(out, "Davies-Bouldin", r.value("davies_bouldin")), out);
    assertTrue(shows(out, "Calinski-Harabasz", r.value("calinski_harabasz")), out);
    assertTrue(out.contains("Rows: 700   clustered: 700   noise: 0"), out);
    assertFalse(out.contains("random sample"), "700 rows get the exact silhouette:\n" + out);
  }

  @Test
  void noiseIsCountedAndLeftOutWithTheClusterersOwnDistance() throws Exception {
    Instances data = PartitioningClustererTest.blobs(350, 2, 9);
    DBSCAN db = new DBSCAN();
    db.setOptions(Utils.splitOptions("-E 1.2 -M 8 -distance manhattan"));
    db.buildClusterer(data);
    int[] labels = db.getModel().labels();
    long noise = java.util.Arrays.stream(labels).filter(l -> l < 0).count();
    assertTrue(noise > 0, "the setting should leave some noise");
    String out = db.toString();
    assertTrue(out.contains("Rows: 350   clustered: " + (350 - noise) + "   noise: " + noise), out);
    assertTrue(out.contains("Noise policy: rows the clusterer leaves as noise"), out);
    QualityReport r = QualityEvaluator.builder().distance(Metric.MANHATTAN).build()
        .evaluate(QualitySupport.dataset(data), labels, null);
    assertTrue(shows(out, "Silhouette (manhattan)", r.value("silhouette")), out);
  }

  @Test
  void aBigTrainingSetGetsASampledSilhouetteAndSaysSo() throws Exception {
    Instances data = PartitioningClustererTest.blobs(12_000, 2, 1);
    int[] labels = new int[data.numInstances()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 7;
    }
    String out = TrainingQuality.of(data, labels, Metric.EUCLIDEAN, 0).text();
    assertTrue(out.contains("Silhouette estimated on a random sample of " + TrainingQuality.SILHOUETTE_EXACT_UP_TO
        + " of the 12000 clustered rows"), out);
    QualityReport sampled = QualityEvaluator.builder().dunn(false)
        .silhouetteSample(TrainingQuality.SILHOUETTE_EXACT_UP_TO, TrainingQuality.SAMPLE_SEED).build()
        .evaluate(QualitySupport.dataset(data), labels, null);
    assertEquals(TrainingQuality.SILHOUETTE_EXACT_UP_TO, sampled.silhouette().evaluated());
    assertTrue(shows(out, "Silhouette (euclidean)", sampled.value("silhouette")), out);
  }

  @Test
  void aSavedModelPrintsTheSameQualityWithoutItsTrainingData() throws Exception {
    KMeans km = new KMeans();
    km.setOptions(Utils.splitOptions("-N 3"));
    km.buildClusterer(PartitioningClustererTest.blobs(90, 2, 2));
    KMeans back = (KMeans) new SerializedObject(km).getObject(); // saved before anything printed it
    assertTrue(back.toString().contains("Davies-Bouldin:"), back.toString());
    assertEquals(km.toString(), back.toString());
  }

  @Test
  void dataChangedAfterTrainingIsNotMisreported() {
    Instances data = PartitioningClustererTest.blobs(50, 2, 2);
    String out = TrainingQuality.of(data, new int[40], Metric.EUCLIDEAN, 1).text();
    assertTrue(out.contains("Not available"), out);
  }
}
