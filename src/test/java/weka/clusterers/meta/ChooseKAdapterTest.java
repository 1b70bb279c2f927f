package weka.clusterers.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.TestData;
import clusterlab.core.Progress;
import clusterlab.core.select.KCurve;
import clusterlab.weka.PartitioningClustererTest;
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
   * interrupt on), not leave them computing K values nobody waits for. Stopped while the k-means fits
   * run (no index asked for).
   */
  @Test
  void interruptingTheBuildingThreadStopsEveryK() throws Exception {
    stopAndCheckNoWorkerKeepsComputing("-W \"weka.clusterers.centroid.KMeans -n-init 1000 -I 100000 -tol 0 -num-threads 1\" "
        + "-min-k 2 -max-k 9 -num-threads 2 -indices \"\"", "clusterlab.core.kmeans.");
  }

  /**
   * The same stop while ChooseK scores the K values with the exact silhouette (quadratic: minutes per K
   * on these 200,000 rows, on a pool worker and on the silhouette's own helper). The index must stop
   * too: before the fix it ran on Progress.NONE and two workers computed it long after the stop (the
   * full suite's failure "pool workers still computing 30 s after the stop: [clusterlab-worker-4,
   * clusterlab-worker-2]").
   */
  @Test
  void interruptingStopsTheIndicesOfEveryKToo() throws Exception {
    stopAndCheckNoWorkerKeepsComputing("-W \"weka.clusterers.centroid.KMeans -n-init 1 -num-threads 1\" "
        + "-min-k 2 -max-k 9 -num-threads 2 -indices silhouette", "clusterlab.core.evaluation.Silhouette");
  }

  /**
   * Builds ChooseK with {@code options} on 200,000 rows, interrupts the building thread once some
   * thread runs code of {@code phase} (a class-name prefix), and checks that the build ends with a
   * clear message and that no pool worker is still computing ChooseK's work (the wrapped clusterer's
   * fits, the indices, the sweep itself) 30 s later. Workers that were already running before the
   * build (work leaked by another test in the same JVM) are not counted, and the failure message
   * shows the stacks of the workers it counts.
   */
  private static void stopAndCheckNoWorkerKeepsComputing(String options, String phase) throws Exception {
    Instances data = PartitioningClustererTest.blobs(200_000, 8, 3);
    ChooseK c = new ChooseK();
    c.setOptions(Utils.splitOptions(options));
    java.util.Set<Thread> before = runningWorkers(null).keySet();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread builder = new Thread(() -> {
      try {
        c.buildClusterer(data);
      } catch (Throwable t) {
        thrown.set(t);
      }
    }, "choosek-builder");
    builder.start();
    long waitUntil = System.nanoTime() + 120_000_000_000L;
    while (!inPhase(phase) && builder.isAlive() && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    Thread.sleep(200);
    assertTrue(builder.isAlive(), "ChooseK finished before it could be stopped in " + phase + ": make the run longer");
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
    java.util.Map<Thread, String> busy = runningWorkers(before);
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
      busy = runningWorkers(before);
    }
    assertTrue(busy.isEmpty(), "pool workers still computing ChooseK's work 30 s after the stop:\n"
        + String.join("\n", busy.values()));
    assertTrue(c.getCurve() == null, "a stopped build must not leave a model");
  }

  /** Whether some thread is running code of the class-name prefix {@code phase}. */
  private static boolean inPhase(String phase) {
    for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
      for (StackTraceElement f : stack) {
        if (f.getClassName().startsWith(phase)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * ClusterLab's pool threads that are running ChooseK's work (an idle pool thread waits for work),
   * with their stacks; {@code ignore} (when not null) are threads not to count.
   */
  private static java.util.Map<Thread, String> runningWorkers(java.util.Set<Thread> ignore) {
    java.util.Map<Thread, String> busy = new java.util.HashMap<>();
    for (java.util.Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      Thread t = e.getKey();
      if (!t.getName().startsWith("clusterlab-worker-") || t.getState() != Thread.State.RUNNABLE
          || (ignore != null && (ignore.contains(t) || !inChooseKWork(e.getValue())))) {
        continue;
      }
      StringBuilder sb = new StringBuilder(t.getName());
      for (StackTraceElement f : e.getValue()) {
        sb.append("\n    at ").append(f);
      }
      busy.put(t, sb.toString());
    }
    return busy;
  }

  /** A stack in the work a ChooseK run hands its workers: the sweep, the wrapped KMeans, the indices. */
  private static boolean inChooseKWork(StackTraceElement[] stack) {
    for (StackTraceElement f : stack) {
      String c = f.getClassName();
      if (c.startsWith("clusterlab.core.select.") || c.startsWith("clusterlab.core.kmeans.")
          || c.startsWith("clusterlab.core.evaluation.") || c.startsWith("weka.clusterers.")
          || c.startsWith("clusterlab.weka.")) {
        return true;
      }
    }
    return false;
  }

  @Test
  void anEmptyIndexListMeansNoIndex() throws Exception {
    ChooseK c = new ChooseK();
    c.setOptions(Utils.splitOptions("-indices \"\""));
    assertEquals("", c.getIndices());
    ChooseK again = new ChooseK();
    again.setOptions(c.getOptions());
    assertEquals("", again.getIndices(), String.join(" ", c.getOptions()));
    again.setOptions(new String[0]);
    assertEquals("silhouette,calinski_harabasz,davies_bouldin", again.getIndices());
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
