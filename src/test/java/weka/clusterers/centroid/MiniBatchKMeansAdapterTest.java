package weka.clusterers.centroid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;
import weka.core.SerializationHelper;

class MiniBatchKMeansAdapterTest {

  @TempDir
  Path dir;

  private Path arff(int n) throws Exception {
    StringBuilder sb = new StringBuilder("@relation stream\n@attribute x numeric\n@attribute y numeric\n@data\n");
    Random r = new Random(1);
    for (int i = 0; i < n; i++) {
      int c = i % 3;
      sb.append(String.format(Locale.ROOT, "%.5f,%.5f%n", c * 10 + r.nextGaussian(), (c == 1 ? 10 : 0) + r.nextGaussian()));
    }
    Path f = dir.resolve("stream.arff");
    Files.writeString(f, sb);
    return f;
  }

  @Test
  void clusterEvaluationTrainsIncrementallyAndTheModelReloads() throws Exception {
    Path data = arff(20000);
    Path model = dir.resolve("mb.model");
    String out = ClusterEvaluation.evaluateClusterer(new MiniBatchKMeans(),
        new String[] {"-t", data.toString(), "-N", "3", "-batch-size", "256", "-d", model.toString()});
    assertTrue(out.contains("Rows seen: 20000"), out);
    assertTrue(out.contains("Clustered Instances"), out);
    Object[] back = SerializationHelper.readAll(model.toString());
    MiniBatchKMeans m = (MiniBatchKMeans) back[0];
    assertEquals(3, m.numberOfClusters());
    assertEquals(20000, m.getModel().rowsSeen());
    // the three blobs end in three different clusters
    double[] c = m.getModel().centroids();
    int[] hits = new int[3];
    for (int k = 0; k < 3; k++) {
      int blob = (int) Math.round(c[2 * k] / 10);
      assertTrue(blob >= 0 && blob <= 2, "centre " + k + " at " + c[2 * k]);
      hits[blob]++;
    }
    assertEquals(1, hits[0]);
    assertEquals(1, hits[1]);
    assertEquals(1, hits[2]);
    String reload = ClusterEvaluation.evaluateClusterer(new MiniBatchKMeans(),
        new String[] {"-l", model.toString(), "-T", data.toString()});
    assertTrue(reload.contains("Clustered Instances"), reload);
  }

  @Test
  void updatesBeforeBuildAreRefused() {
    Clusterer c = new MiniBatchKMeans();
    assertThrows(IllegalStateException.class, () -> ((MiniBatchKMeans) c).updateFinished());
  }
}
