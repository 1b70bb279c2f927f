package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansOptions;
import java.io.BufferedWriter;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.clusterers.centroid.MiniBatchKMeans;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * MiniBatchKMeans throughput on a streamed 10-million-row ARFF, trained in a child JVM with
 * {@code -Xmx512m} through Weka's incremental {@link ArffLoader}, then its inertia compared with full
 * k-means on a 200k-row sample of the same file. Part of {@code clusterlab.bench.peers.KMeansBench} ({@code stream}).
 */
public final class MiniBatchStream {

  static final int ROWS = 10_000_000;
  static final int D = 4;
  static final int K = 8;
  static final int SAMPLE = 200_000;

  private MiniBatchStream() {
  }

  /** Child JVM entry: {@code MiniBatchStream <arff> <centroids-out>}. */
  public static void main(String[] args) throws Exception {
    ArffLoader loader = new ArffLoader();
    loader.setFile(new File(args[0]));
    Instances header = loader.getStructure();
    MiniBatchKMeans mb = new MiniBatchKMeans();
    mb.setOptions(new String[] {"-N", "" + K, "-batch-size", "4096", "-S", "1"});
    long t0 = System.nanoTime();
    mb.buildClusterer(header);
    long rows = 0;
    for (Instance x = loader.getNextInstance(header); x != null; x = loader.getNextInstance(header)) {
      mb.updateClusterer(x);
      rows++;
    }
    mb.updateFinished();
    double s = (System.nanoTime() - t0) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    StringBuilder sb = new StringBuilder();
    for (double c : mb.getModel().centroids()) {
      sb.append(c).append('\n');
    }
    Files.writeString(Path.of(args[1]), sb);
    System.out.printf(Locale.ROOT, "%d %.3f %d %d%n", rows, s, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Writes the file if missing, trains in a -Xmx512m child JVM, prints the table. */
  public static void benchmark() throws Exception {
    Path file = Path.of(System.getProperty("java.io.tmpdir"), "clusterlab-stream-10M.arff");
    if (!Files.exists(file)) {
      write(file);
    }
    Path centres = Files.createTempFile("mb-centres", ".txt");
    List<String> cmd = new ArrayList<>(List.of(Bench.javaBin(), "-Xmx512m", "-cp", Bench.testClasspath(), MiniBatchStream.class.getName(),
        file.toString(), centres.toString()));
    String[] out = Bench.run(cmd).trim().split("\\s+");
    long rows = Long.parseLong(out[0]);
    double seconds = Double.parseDouble(out[1]);
    double[] c = Files.readAllLines(centres).stream().mapToDouble(Double::parseDouble).toArray();

    Dataset sample = sample(file);
    double full = new KMeans(K, KMeansOptions.builder().numInit(3).build()).fit(sample, 1, Progress.NONE).inertia();
    double mini = 0;
    for (int i = 0; i < sample.n(); i++) {
      double best = Double.POSITIVE_INFINITY;
      for (int k = 0; k < K; k++) {
        double t = 0;
        for (int j = 0; j < D; j++) {
          double x = sample.get(i, j) - c[k * D + j];
          t += x * x;
        }
        best = Math.min(best, t);
      }
      mini += best;
    }
    System.out.printf(Locale.ROOT, "### MiniBatchKMeans on a streamed %,d-row ARFF (%d columns, k = %d, batch 4096)%n%n", rows, D, K);
    System.out.printf(Locale.ROOT, "| measure | value |%n|---|---|%n");
    System.out.printf(Locale.ROOT, "| file size | %.0f MB |%n", Files.size(file) / 1e6);
    System.out.printf(Locale.ROOT, "| child JVM max heap | %s MiB (-Xmx512m) |%n", out[3]);
    System.out.printf(Locale.ROOT, "| peak heap used | %s MiB |%n", out[2]);
    System.out.printf(Locale.ROOT, "| training time (ArffLoader incremental + updateClusterer) | %.1f s |%n", seconds);
    System.out.printf(Locale.ROOT, "| throughput | %,.0f rows/s |%n", rows / seconds);
    System.out.printf(Locale.ROOT, "| inertia on a %,d-row sample: MiniBatchKMeans / full KMeans (k-means++, 3 restarts) | %.10g / %.10g = %.4f |%n",
        SAMPLE, mini, full, mini / full);
    Files.deleteIfExists(centres);
  }

  private static Dataset sample(Path file) throws Exception {
    ArffLoader loader = new ArffLoader();
    loader.setFile(file.toFile());
    Instances header = loader.getStructure();
    double[] v = new double[SAMPLE * D];
    for (int i = 0; i < SAMPLE; i++) {
      Instance x = loader.getNextInstance(header);
      for (int j = 0; j < D; j++) {
        v[i * D + j] = x.value(j);
      }
    }
    return Dataset.of(v, SAMPLE, D);
  }

  /** 10M rows of 8 Gaussian blobs in 4-D, 4 decimals, written once to the temp directory. */
  static void write(Path file) throws Exception {
    Random r = new Random(11);
    double[] c = new double[K * D];
    for (int i = 0; i < c.length; i++) {
      c[i] = -10 + 20 * r.nextDouble();
    }
    Path tmp = Path.of(file + ".part");
    try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
      w.write("@relation stream10M\n");
      for (int j = 0; j < D; j++) {
        w.write("@attribute x" + j + " numeric\n");
      }
      w.write("@data\n");
      StringBuilder sb = new StringBuilder(64);
      for (int i = 0; i < ROWS; i++) {
        int m = r.nextInt(K);
        sb.setLength(0);
        for (int j = 0; j < D; j++) {
          if (j > 0) {
            sb.append(',');
          }
          long q = Math.round((c[m * D + j] + 1.5 * r.nextGaussian()) * 10000);
          if (q < 0) {
            sb.append('-');
            q = -q;
          }
          sb.append(q / 10000).append('.');
          String frac = Long.toString(q % 10000);
          for (int z = frac.length(); z < 4; z++) {
            sb.append('0');
          }
          sb.append(frac);
        }
        sb.append('\n');
        w.append(sb);
      }
    }
    Files.move(tmp, file);
  }
}
