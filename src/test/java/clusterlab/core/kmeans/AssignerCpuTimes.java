package clusterlab.core.kmeans;

import clusterlab.bench.KMeansBlobs;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Issue 19's side-by-side CPU time of iteration algorithms on KMeansBench's blobs (the same data and
 * k-means++ start as {@code KMeansBench shape=...}), reported as the calling thread's CPU time, which a
 * shared machine's load disturbs less than wall time; the minimum over {@code -Dreps=N} rounds (default 3)
 * is printed. Labels are checked equal to the first algorithm's. Run from the test classpath:
 * {@code java clusterlab.core.kmeans.AssignerCpuTimes N D K ITERATIONS THREADS BLOCKED HAMERLY ...}
 */
public final class AssignerCpuTimes {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    int d = Integer.parseInt(args[1]);
    int k = Integer.parseInt(args[2]);
    int iters = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    double[] v = KMeansBlobs.blobs(n, d, k, 5); // KMeansBench's data
    Dataset ds = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).build()).seed(ds, new SplittableRandom(11));
    KMeansModel ref = null;
    java.util.Map<String, Double> min = new java.util.TreeMap<>();
    int reps = Integer.getInteger("reps", 3);
    for (int rep = 0; rep < reps; rep++) {
      for (int a = 5; a < args.length; a++) {
        KMeans.Algorithm algo = KMeans.Algorithm.valueOf(args[a]);
        KMeans km = new KMeans(k, algo, KMeansOptions.builder().maxIterations(iters).tolerance(0).init(KMeans.Init.RANDOM).threads(threads).build());
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0t = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        KMeansModel m = km.fitFrom(ds, init, Progress.NONE);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (mx.getCurrentThreadCpuTime() - c0t) / 1e9;
        min.merge(algo.name(), cpu, Math::min);
        if (ref == null) {
          ref = m;
        }
        if (rep == reps - 1) System.out.printf("%-8s cpu %.3f s wall %.3f s  inertia %.12g  same labels as first %b%n", algo, cpu, s, m.inertia(), Arrays.equals(ref.labels(), m.labels()));
      }
    }
    System.out.println("min cpu " + min);
  }
}
