package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.CalinskiHarabasz;
import clusterlab.core.evaluation.DaviesBouldin;
import clusterlab.core.evaluation.Silhouette;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Cluster quality benchmarks (issue 5), side by side with scikit-learn 1.2 on the same binary files:
 * exact silhouette on 50,000 x 16 with k = 32 (both on 2 threads), and Davies-Bouldin and
 * Calinski-Harabasz on 1,000,000 x 16 with k = 32 (ClusterLab on 1 and 2 threads). Run with a 512 MB
 * heap to check the memory bound:
 * {@code MAVEN_OPTS=-Xmx512m mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=clusterlab.bench.QualityBench}
 */
public final class QualityBench {

  private QualityBench() {
  }

  /** Gaussian blobs: k centres uniform in [-10, 10]^d, unit spread; labels are the generating blob. */
  static Dataset blobs(int n, int d, int k, long seed, int[] labels) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] centres = new double[k * d];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = r.nextDouble(-10, 10);
    }
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(k);
      labels[i] = c;
      for (int j = 0; j < d; j++) {
        v[i * d + j] = centres[c * d + j] + gaussian(r);
      }
    }
    return Dataset.of(v, n, d);
  }

  private static double gaussian(SplittableRandom r) {
    double u = r.nextDouble();
    double w = r.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w);
  }

  static void write(Path values, Path labelsFile, Dataset x, int[] labels) throws IOException {
    Files.createDirectories(values.getParent());
    try (FileChannel ch = FileChannel.open(values, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
      for (double v : x.values()) {
        if (b.remaining() < 8) {
          b.flip();
          ch.write(b);
          b.clear();
        }
        b.putDouble(v);
      }
      b.flip();
      ch.write(b);
    }
    ByteBuffer l = ByteBuffer.allocate(labels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int y : labels) {
      l.putInt(y);
    }
    Files.write(labelsFile, l.array());
  }

  static String[] peer(Path values, Path labels, int n, int d, String what, int reps) {
    String out = Bench.run(List.of("/usr/bin/python3", "tools/bench/sklearn_quality.py", values.toString(),
        labels.toString(), "" + n, "" + d, what, "" + reps, "2"));
    return out.trim().split("\n");
  }

  static long peakHeapMiB() {
    long s = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        s += p.getPeakUsage().getUsed();
      }
    }
    return s >> 20;
  }

  public static void main(String[] args) throws IOException {
    Path dir = Path.of("target/bench/quality");
    int d = 16;
    int k = 32;

    int n = 50_000;
    int[] y = new int[n];
    Dataset x = blobs(n, d, k, 42, y);
    Path xv = dir.resolve("sil.f64");
    Path yv = dir.resolve("sil.i32");
    write(xv, yv, x, y);
    Bench sil = new Bench(String.format(Locale.ROOT, "Exact silhouette, euclidean, %d x %d, k = %d, 2 threads", n, d, k));
    sil.record("ClusterLab Silhouette", 1, 3, () -> new Silhouette(Metric.EUCLIDEAN, 2, 0, 0).score(x, y),
        v -> String.format(Locale.ROOT, "%.12f", v));
    for (String line : peer(xv, yv, n, d, "silhouette", 3)) {
      String[] f = line.split(" ");
      sil.recordExternal("scikit-learn silhouette_score (n_jobs=2, 2 BLAS threads)", Double.parseDouble(f[1]), f[2]);
    }
    System.out.println(sil.table("ClusterLab Silhouette"));
    System.out.println("Peak heap used so far: " + peakHeapMiB() + " MiB (max heap " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB)\n");

    int big = 1_000_000;
    int[] yb = new int[big];
    Dataset xb = blobs(big, d, k, 7, yb);
    Path bv = dir.resolve("big.f64");
    Path bl = dir.resolve("big.i32");
    write(bv, bl, xb, yb);
    Bench lin = new Bench(String.format(Locale.ROOT, "Davies-Bouldin and Calinski-Harabasz, %,d x %d, k = %d", big, d, k));
    lin.record("ClusterLab DaviesBouldin, 1 thread", 1, 5, () -> new DaviesBouldin(1).score(xb, yb),
        v -> String.format(Locale.ROOT, "%.12f", v));
    lin.record("ClusterLab DaviesBouldin, 2 threads", 1, 5, () -> new DaviesBouldin(2).score(xb, yb),
        v -> String.format(Locale.ROOT, "%.12f", v));
    lin.record("ClusterLab CalinskiHarabasz, 1 thread", 1, 5, () -> new CalinskiHarabasz(1).score(xb, yb),
        v -> String.format(Locale.ROOT, "%.6f", v));
    lin.record("ClusterLab CalinskiHarabasz, 2 threads", 1, 5, () -> new CalinskiHarabasz(2).score(xb, yb),
        v -> String.format(Locale.ROOT, "%.6f", v));
    for (String line : peer(bv, bl, big, d, "db_ch", 3)) {
      String[] f = line.split(" ");
      lin.recordExternal("scikit-learn " + f[0] + "_score", Double.parseDouble(f[1]), f[2]);
    }
    System.out.println(lin.table("ClusterLab DaviesBouldin, 1 thread"));
    System.out.println("Seconds per million rows per core: DB " + String.format(Locale.ROOT, "%.3f",
        lin.seconds("ClusterLab DaviesBouldin, 1 thread")) + ", CH " + String.format(Locale.ROOT, "%.3f",
        lin.seconds("ClusterLab CalinskiHarabasz, 1 thread")) + " (1 thread, 1,000,000 rows)");
    System.out.println("Peak heap used: " + peakHeapMiB() + " MiB (max heap " + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB)");
  }
}
