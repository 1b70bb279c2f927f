package weka.clusterers.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.Progress;
import clusterlab.core.select.KCurve;
import clusterlab.weka.PartitioningClustererTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import weka.clusterers.EM;
import weka.clusterers.SimpleKMeans;
import weka.core.Instances;
import weka.core.Utils;

class ChooseKAdapterTest {

  /**
   * The Explorer's Stop button interrupts the thread running buildClusterer. ChooseK fits the wrapped
   * clusterer for several K at once, on the caller's thread and on pool workers: the stop must end the
   * build with a clear message and also stop the fits running on the workers (Parallel passes the
   * interrupt on), not leave them computing K values nobody waits for. The workload takes minutes, so
   * the build is still running when it is stopped however loaded the machine is; the bounds are loose
   * for the same reason (a stop takes milliseconds when the machine is idle).
   */
  @Test
  void interruptingTheBuildingThreadStopsEveryK() throws Exception {
    Instances data = PartitioningClustererTest.blobs(200_000, 8, 3);
    ChooseK c = new ChooseK();
    c.setOptions(Utils.splitOptions("-W \"weka.clusterers.centroid.KMeans -n-init 50 -I 100000 -tol 0 -num-threads 1\" "
        + "-min-k 2 -max-k 9 -num-threads 2 -indices \"\""));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread builder = new Thread(() -> {
      try {
        c.buildClusterer(data);
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "choosek-builder");
    builder.start();
    Thread.sleep(2000);
    assertTrue(builder.isAlive(), "ChooseK finished before it could be stopped: make the run longer");
    long t0 = System.nanoTime();
    builder.interrupt();
    builder.join(60_000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertTrue(!builder.isAlive(), "ChooseK still running 60 s after the interrupt");
    assertInstanceOf(Progress.CancelledException.class, thrown.get(), String.valueOf(thrown.get()));
    assertTrue(thrown.get().getMessage().contains("ChooseK") && thrown.get().getMessage().contains("stopped by the user"),
        thrown.get().getMessage());
    assertTrue(seconds < 15, "ChooseK took " + seconds + " s to stop");
    long deadline = System.nanoTime() + 30_000_000_000L;
    List<String> busy = busyWorkers();
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      busy = busyWorkers();
    }
    assertTrue(busy.isEmpty(), "pool workers still computing 30 s after the stop: " + busy);
    assertTrue(c.getCurve() == null, "a stopped build must not leave a model");
  }

  /** ClusterLab's pool threads that are running (an idle pool thread waits for work). */
  private static List<String> busyWorkers() {
    List<String> busy = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("clusterlab-worker-") && t.getState() == Thread.State.RUNNABLE) {
        busy.add(t.getName());
      }
    }
    return busy;
  }

  @Test
  void wrapsSimpleKMeansAndPrintsTheCurve() throws Exception {
    Instances iris = TestData.iris();
    ChooseK c = new ChooseK();
    c.setOptions(Utils.splitOptions("-W \"weka.clusterers.SimpleKMeans -init 1\" -min-k 1 -max-k 8 -S 3 -num-threads 2"));
    assertTrue(c.getClusterer() instanceof SimpleKMeans);
    c.buildClusterer(iris);
    KCurve curve = c.getCurve();
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6, 7, 8}, curve.ks());
    double[] inertia = curve.inertia();
    assertTrue(inertia[0] > inertia[2] && inertia[2] > inertia[7], "inertia falls with K");
    assertEquals(curve.chosenK(), c.numberOfClusters());
    assertTrue(curve.chosenK() >= 2 && curve.chosenK() <= 4, "iris elbow at " + curve.chosenK());
    String text = c.toString();
    assertTrue(text.contains("inertia") && text.contains("<- chosen") && text.contains("elbow"), text);
    ChooseK again = new ChooseK();
    again.setOptions(c.getOptions());
    assertArrayEquals(c.getOptions(), again.getOptions());
  }

  @Test
  void bicWithEmAndIdenticalForAnyThreadCount() throws Exception {
    Instances iris = TestData.iris();
    ChooseK one = new ChooseK();
    one.setOptions(Utils.splitOptions("-W \"weka.clusterers.EM -I 50\" -min-k 1 -max-k 5 -criterion bic -num-threads 1"));
    assertTrue(one.getClusterer() instanceof EM);
    one.buildClusterer(iris);
    ChooseK two = new ChooseK();
    two.setOptions(Utils.splitOptions("-W \"weka.clusterers.EM -I 50\" -min-k 1 -max-k 5 -criterion bic -num-threads 3"));
    two.buildClusterer(iris);
    double[] bic = one.getCurve().column(KCurve.BIC);
    assertArrayEquals(bic, two.getCurve().column(KCurve.BIC));
    int best = 0;
    for (int i = 1; i < bic.length; i++) {
      if (bic[i] < bic[best]) {
        best = i;
      }
    }
    assertEquals(best + 1, one.getCurve().chosenK());
    assertTrue(one.getCurve().chosenK() >= 2, "BIC on iris prefers more than one component");
    for (int i = 0; i < iris.numInstances(); i++) {
      assertArrayEquals(one.distributionForInstance(iris.instance(i)), two.distributionForInstance(iris.instance(i)));
    }
  }

  @Test
  void gapStatisticOverOurKMeans() throws Exception {
    Instances iris = TestData.iris();
    ChooseK c = new ChooseK();
    c.setOptions(Utils.splitOptions("-W \"weka.clusterers.centroid.KMeans -n-init 3\" -max-k 6 -criterion gap -gap-refs 5 -S 1"));
    c.buildClusterer(iris);
    assertTrue(c.getCurve().hasColumn(KCurve.GAP) && c.getCurve().hasColumn(KCurve.GAP_SE));
    assertTrue(c.getCurve().chosenK() >= 2 && c.getCurve().chosenK() <= 6);
  }

  @Test
  void criterionIsADropDown() throws Exception {
    ChooseK c = new ChooseK();
    org.junit.jupiter.api.Assertions.assertEquals(weka.core.SelectedTag.class,
        ChooseK.class.getMethod("getCriterion").getReturnType(), "criterion must be a SelectedTag (a drop-down in the GUI)");
    c.setOptions(Utils.splitOptions("-criterion silhouette"));
    org.junit.jupiter.api.Assertions.assertEquals("silhouette", c.getCriterion().getSelectedTag().getReadable());
    org.junit.jupiter.api.Assertions.assertTrue(String.join(" ", c.getOptions()).contains("-criterion silhouette"));
  }
}
