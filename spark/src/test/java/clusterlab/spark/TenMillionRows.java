package clusterlab.spark;

import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Distributed k-means on n generated rows (10,000,000 by default) in a JVM whose heap is smaller
 * than the data, to show that the driver never holds O(n): the rows are generated on the executors
 * (never on the driver), and a listener records the bytes of task results each stage sends to the
 * driver, which must stay within {@link #driverBound} = partitions x 16 (k d + k + 2) + 64 KiB per
 * partition of job overhead, whatever n. Exits with status 1 when a check fails. Run by
 * {@code BoundedDriverMemoryTest} in a JVM of -Xmx512m (local[2]: the driver and the executors
 * share that heap, so MEMORY_ONLY caches what fits and Spark recomputes the rest each iteration).
 *
 * <p>Arguments: n d k iterations partitions.
 */
public final class TenMillionRows {

  private TenMillionRows() {
  }

  /** Bytes the driver may receive in one stage: the per-cluster sums of every partition, plus overhead. */
  static long driverBound(int partitions, int k, int d) {
    return (long) partitions * (16L * (k * d + k + 2) + 64 * 1024);
  }

  public static void main(String[] args) {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int partitions = args.length > 4 ? Integer.parseInt(args[4]) : 40;
    SparkSession spark = SparkSession.builder().master("local[2]").appName("ten-million-rows")
        .config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Map<Integer, Long> resultBytes = new ConcurrentHashMap<>();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd e) {
        if (e.taskMetrics() != null) {
          resultBytes.merge(e.stageId(), e.taskMetrics().resultSize(), Long::sum);
        }
      }
    });
    try {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      long t0 = System.nanoTime();
      Blocks.Data data = Blocks.generate(jsc, n, d, partitions, (i, out) -> {
        SplittableRandom r = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
        int c = (int) (i % k);
        for (int j = 0; j < d; j++) {
          out[j] = 10.0 * ((c + j) % k) + r.nextDouble();
        }
      });
      double[] init = RandomInit.seed(data, k, 1);
      DistributedKMeans.Fit fit = new DistributedKMeans(k, iterations, 0, KMeans.Algorithm.HAMERLY, 2).fitFrom(data, init);
      KMeansModel model = fit.model();
      double weight = 0;
      for (double w : model.clusterWeight()) {
        weight += w;
      }
      long maxStage = resultBytes.values().stream().mapToLong(Long::longValue).max().orElse(0);
      long bound = driverBound(partitions, k, d);
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "rows %d x %d, k = %d: %d iterations, inertia %.6g, cluster weights sum %.0f, %.1f s%n", n,
          d, k, model.iterations(), model.inertia(), weight, (System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "data %d MiB, JVM max heap %d MiB; largest stage result to the driver %d bytes, "
          + "bound %d bytes%n", n * d * 8 / (1 << 20), rt.maxMemory() >> 20, maxStage, bound);
      boolean ok = weight == n && maxStage <= bound && (long) n * d * 8 > rt.maxMemory();
      System.out.println(ok ? "bounded: yes" : "bounded: NO");
      data.unpersist();
      if (!ok) {
        System.exit(1);
      }
    } finally {
      spark.stop();
    }
  }
}
