package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.clusterers.density.DBSCAN;
import weka.clusterers.hierarchical.Agglomerative;

/** What the one Weka base gives every clusterer: the distance vocabulary, cancellation, the model. */
public class PartitioningClustererTest {

  /** n rows of d columns around 7 well-separated centres (row i in blob i % 7); shared by the interrupt tests. */
  public static Instances blobs(int n, int d, long seed) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances data = new Instances("blobs", atts, n);
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        v[j] = r.nextGaussian() + 5 * (i % 7);
      }
      data.add(new DenseInstance(1.0, v));
    }
    return data;
  }

  @Test
  void theOldSpellingOfTheSquaredEuclideanDistanceStillWorks() throws Exception {
    for (String cls : new String[] {"weka.clusterers.density.DBSCAN", "weka.clusterers.density.OPTICS",
        "weka.clusterers.density.HDBSCAN", "weka.clusterers.hierarchical.Agglomerative"}) {
      Clusterer old = AbstractClusterer.forName(cls, Utils.splitOptions("-distance squared-euclidean"));
      String[] options = ((OptionHandler) old).getOptions();
      int at = Arrays.asList(options).indexOf("-distance");
      assertEquals("sqeuclidean", options[at + 1], cls);
    }
  }

  @Test
  void everyDistanceOptionSpeaksTheSameVocabulary() throws Exception {
    for (String word : new String[] {"euclidean", "sqeuclidean", "manhattan", "chebyshev", "cosine"}) {
      DBSCAN d = new DBSCAN();
      d.setOptions(Utils.splitOptions("-distance " + word));
      Agglomerative a = new Agglomerative();
      a.setOptions(Utils.splitOptions("-distance " + word));
      assertEquals(word, d.getDistance().getSelectedTag().getReadable());
      assertEquals(word, a.getDistance().getSelectedTag().getReadable());
    }
  }

  /**
   * The Explorer's Stop button interrupts the thread that runs buildClusterer: a long build must end
   * promptly with a clear message, not run on or die with an obscure error.
   */
  @Test
  void interruptingTheBuildingThreadStopsTrainingPromptly() throws Exception {
    Instances data = blobs(200_000, 8, 3);
    for (String spec : new String[] {"weka.clusterers.centroid.KMeans -N 50 -I 100000 -tol 0 -n-init 50 -num-threads 1"}) {
      String[] parts = Utils.splitOptions(spec);
      String cls = parts[0];
      parts[0] = "";
      Clusterer c = AbstractClusterer.forName(cls, parts);
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread builder = new Thread(() -> {
        try {
          c.buildClusterer(data);
        } catch (Throwable t) {
          thrown.set(t);
        }
      });
      builder.start();
      Thread.sleep(1500);
      assertTrue(builder.isAlive(), spec + " finished before it could be stopped: make the run longer");
      long t0 = System.nanoTime();
      builder.interrupt();
      builder.join(10_000);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertTrue(!builder.isAlive(), spec + " still running 10 s after the interrupt");
      assertInstanceOf(Progress.CancelledException.class, thrown.get(), spec + ": " + thrown.get());
      assertTrue(thrown.get().getMessage().contains("stopped by the user"), thrown.get().getMessage());
      assertTrue(seconds < 5, spec + " took " + seconds + " s to stop");
    }
  }
}
