package clusterlab.spark;

import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * ClusterLab on Spark against Spark MLlib's KMeans in one SparkSession: the same generated data
 * (n x d, 32 overlapping Gaussian blobs, generated on the executors), the same initial centres
 * (k distinct random rows), the same number of iterations (tolerance 0 / epsilon 0, so both run to
 * the limit unless labels stop changing), both on cached data and the same partitions. Prints the
 * iteration times, their ratio, both objectives and their relative difference, and per stage the
 * task time per row and the bytes each stage sends to the driver or shuffles.
 *
 * <p>Arguments: master n d k iterations partitions [repeats [mllib|nomllib [treeAggregate depth,
 * 0 = auto]]]. Run with spark/run-spark.sh and
 * CLUSTERLAB_SPARK_MAIN=clusterlab.spark.SparkKMeansBench (see BENCHMARKS.md).
 */
public final class SparkKMeansBench {

  private SparkKMeansBench() {
  }

  static void row(long i, int d, int blobs, double[] out) {
    SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L + 17);
    int c = (int) ((r.nextLong() >>> 1) % blobs);
    SplittableRandom cr = new SplittableRandom(1000 + c);
    for (int j = 0; j < d; j++) {
      out[j] = cr.nextDouble() * 10 + Blobs.gaussian(r);
    }
  }

  /** Stage statistics from a listener: task time, result bytes, shuffle bytes. */
  static final class Stages extends SparkListener {
    final Map<Integer, long[]> stats = new ConcurrentHashMap<>();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
      if (e.taskMetrics() == null) {
        return;
      }
      long[] s = stats.computeIfAbsent(e.stageId(), x -> new long[5]);
      synchronized (s) {
        s[0]++;
        s[1] += e.taskMetrics().executorRunTime();
        s[2] += e.taskMetrics().resultSize();
        s[3] += e.taskMetrics().shuffleWriteMetrics().bytesWritten();
        s[4] = Math.max(s[4], e.taskMetrics().resultSize());
      }
    }

    void reset() {
      stats.clear();
    }

    String summary(long n) {
      long tasks = 0;
      long time = 0;
      long result = 0;
      long shuffle = 0;
      long maxStageResult = 0;
      for (long[] s : stats.values()) {
        tasks += s[0];
        time += s[1];
        result += s[2];
        shuffle += s[3];
        maxStageResult = Math.max(maxStageResult, s[2]);
      }
      return String.format(Locale.ROOT, "%d stages, %d tasks, task time %.1f s (%.1f ns per row and stage), "
          + "result bytes to the driver %d (largest stage %d), shuffle bytes %d", stats.size(), tasks, time / 1e3,
          time * 1e6 / ((double) n * Math.max(1, stats.size())), result, maxStageResult, shuffle);
    }
  }

  public static void main(String[] args) {
    String master = args.length > 0 ? args[0] : "local[2]";
    long n = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000L;
    int d = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    int k = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int partitions = args.length > 5 ? Integer.parseInt(args[5]) : 8;
    int repeats = args.length > 6 ? Integer.parseInt(args[6]) : 1;
    boolean mllib = !"nomllib".equals(args.length > 7 ? args[7] : "");
    int depth = args.length > 8 ? Integer.parseInt(args[8]) : 0;
    SparkSession spark = SparkSession.builder().master(master).appName("clusterlab-vs-mllib")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Stages stages = new Stages();
    spark.sparkContext().addSparkListener(stages);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int blobs = 32;
    System.out.printf(Locale.ROOT, "master %s, n = %d, d = %d, k = %d, %d iterations, %d partitions, heap %d MiB%n", master, n,
        d, k, iterations, partitions, Runtime.getRuntime().maxMemory() >> 20);
    Blocks.Data data = Blocks.generate(jsc, n, d, partitions, (i, out) -> row(i, d, blobs, out));
    double[] init = RandomInit.seed(data, k, 42);
    for (int rep = 0; rep < repeats; rep++) {
      stages.reset();
      DistributedKMeans.Fit fit = new DistributedKMeans(k, iterations, 0, KMeans.Algorithm.HAMERLY, depth).fitFrom(data, init);
      KMeansModel m = fit.model();
      double clTime = fit.nanos() / 1e9;
      System.out.printf(Locale.ROOT, "clusterlab: %.2f s for %d iterations (%.3f s each), objective %.15g%n", clTime,
          m.iterations(), clTime / m.iterations(), m.inertia());
      System.out.println("clusterlab stages: " + stages.summary(n));
      if (!mllib) {
        continue;
      }
      if (rep == 0) {
        data.unpersist();
      }
      JavaRDD<Vector> vectors = vectors(jsc, n, d, partitions, blobs);
      Vector[] centres = new Vector[k];
      for (int c = 0; c < k; c++) {
        centres[c] = Vectors.dense(java.util.Arrays.copyOfRange(init, c * d, c * d + d));
      }
      stages.reset();
      long t0 = System.nanoTime();
      org.apache.spark.mllib.clustering.KMeansModel ml = new org.apache.spark.mllib.clustering.KMeans().setK(k)
          .setMaxIterations(iterations).setEpsilon(0).setInitialModel(
              new org.apache.spark.mllib.clustering.KMeansModel(centres)).run(vectors.rdd());
      double mlTime = (System.nanoTime() - t0) / 1e9;
      String mlStages = stages.summary(n);
      double mlCost = ml.computeCost(vectors.rdd());
      System.out.printf(Locale.ROOT, "mllib: %.2f s for %d iterations (%.3f s each), objective %.15g%n", mlTime,
          ml.numIter(), mlTime / ml.numIter(), mlCost);
      System.out.println("mllib stages: " + mlStages);
      System.out.printf(Locale.ROOT, "ratio mllib / clusterlab time per iteration: %.2f; objective relative difference %.3g%n",
          (mlTime / ml.numIter()) / (clTime / m.iterations()), Math.abs(mlCost - m.inertia()) / m.inertia());
      vectors.unpersist(false);
      if (rep + 1 < repeats) {
        data = Blocks.generate(jsc, n, d, partitions, (i, out) -> row(i, d, blobs, out));
      }
    }
    spark.stop();
  }

  static JavaRDD<Vector> vectors(JavaSparkContext jsc, long n, int d, int partitions, int blobs) {
    List<Integer> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(p);
    }
    JavaRDD<Vector> v = jsc.parallelize(parts, partitions).flatMap(p -> {
      long from = n * p / partitions;
      long to = n * (p + 1) / partitions;
      List<Vector> out = new ArrayList<>((int) (to - from));
      for (long i = from; i < to; i++) {
        double[] row = new double[d];
        row(i, d, blobs, row);
        out.add(Vectors.dense(row));
      }
      return out.iterator();
    });
    v.persist(StorageLevel.MEMORY_ONLY());
    v.count();
    return v;
  }
}
