package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.tsne.TSNE;
import clusterlab.core.tsne.TsneOptions;
import clusterlab.core.tsne.TsneResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Barnes-Hut t-SNE, 10,000 x 50, 1,000 iterations, perplexity 30: ClusterLab (2 threads) beside
 * scikit-learn's TSNE (2 OpenMP threads, same file), ELKI 0.8.0's BarnesHutTSNE and Smile 3.1.1's
 * TSNE (exact O(n^2) gradient, so it runs 50 iterations and its time is scaled to 1,000); then
 * ClusterLab alone on 70,000 x 50 (run with -Xmx4g: {@code MAVEN_OPTS=-Xmx4g}).
 *
 * <p>Data: a mixture of 20 Gaussian clusters in 50 dimensions with random centres (seeded), written
 * to target/bench/ so the Python peer reads the same numbers.
 *
 * <p>Arguments (all optional): {@code n} (10000; 0 skips the side-by-side table), {@code bigN} (70000; 0 skips),
 * {@code smileIterations} (50).
 *
 * <p>{@code fft [n] [threads]}: the FFT-accelerated interpolation gradient (FIt-SNE) beside Barnes-Hut on the
 * same {@code n x 50} mixture (70,000 by default, seed 43), both with the given threads (2), 1,000 iterations,
 * perplexity 30, PCA initialisation: time, final KL divergence and peak heap of each, in one run. Run with
 * {@code MAVEN_OPTS=-Xmx4g}. A fourth argument names the methods to run ({@code FFT,BARNES_HUT}).
 */
public final class TsneBench {

  private TsneBench() {
  }

  static double[] mixture(int n, int d, int k, long seed) {
    Random r = new Random(seed);
    double[][] centres = new double[k][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = 4 * r.nextGaussian();
      }
    }
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      double[] c = centres[r.nextInt(k)];
      for (int j = 0; j < d; j++) {
        x[i * d + j] = c[j] + r.nextGaussian();
      }
    }
    return x;
  }

  static Path write(double[] x, int n, int d) throws IOException {
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Path file = dir.resolve("tsne_" + n + "x" + d + ".csv");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.setLength(0);
        for (int j = 0; j < d; j++) {
          if (j > 0) {
            sb.append(',');
          }
          sb.append(x[i * d + j]);
        }
        w.println(sb);
      }
    }
    return file;
  }

  static double[] sklearn(Path file, int iterations, int threads) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "tools/bench/sklearn_tsne.py", file.toString(),
        Integer.toString(iterations), Integer.toString(threads));
    pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
    pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String last = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        last = line;
      }
    }
    if (p.waitFor() != 0 || last == null || !last.startsWith("seconds=")) {
      throw new IllegalStateException("sklearn peer failed: " + last);
    }
    String[] f = last.split(" ");
    return new double[] {Double.parseDouble(f[0].substring(8)), Double.parseDouble(f[1].substring(3))};
  }

  /**
   * ELKI 0.8.0's BarnesHutTSNE, called by reflection so that this class compiles without the bench
   * profile's dependencies.
   */
  static double elki(double[] x, int n, int d, int iterations) throws ReflectiveOperationException {
    double[][] rows = rows(x, n, d);
    Object conn = Class.forName("elki.datasource.ArrayAdapterDatabaseConnection").getConstructor(double[][].class)
        .newInstance((Object) rows);
    Class<?> dbClass = Class.forName("elki.database.StaticArrayDatabase");
    Object db = dbClass.getConstructor(Class.forName("elki.datasource.DatabaseConnection"), java.util.Collection.class)
        .newInstance(conn, null);
    dbClass.getMethod("initialize").invoke(db);
    Class<?> typeInfo = Class.forName("elki.data.type.TypeInformation");
    Object type = Class.forName("elki.data.type.TypeUtil").getField("NUMBER_VECTOR_FIELD").get(null);
    Object rel = dbClass.getMethod("getRelation", typeInfo, Object[].class).invoke(db, type, new Object[0]);
    Object dist = Class.forName("elki.distance.minkowski.SquaredEuclideanDistance").getField("STATIC").get(null);
    Object affinity = Class.forName("elki.projection.NearestNeighborAffinityMatrixBuilder")
        .getConstructor(Class.forName("elki.distance.Distance"), double.class).newInstance(dist, 30.0);
    Class<?> rfClass = Class.forName("elki.utilities.random.RandomFactory");
    Object random = rfClass.getConstructor(long.class).newInstance(0L);
    Class<?> bh = Class.forName("elki.projection.BarnesHutTSNE");
    long t0 = System.nanoTime();
    Object tsne = bh.getConstructor(Class.forName("elki.projection.AffinityMatrixBuilder"), int.class, double.class,
        double.class, int.class, rfClass, boolean.class, double.class)
        .newInstance(affinity, 2, 0.8, 200.0, iterations, random, true, 0.5);
    bh.getMethod("run", Class.forName("elki.database.Database"), Class.forName("elki.database.relation.Relation"))
        .invoke(tsne, db, rel);
    return (System.nanoTime() - t0) / 1e9;
  }

  /** Smile 3.1.1's TSNE (exact gradient), by reflection for the same reason. */
  static double smile(double[] x, int n, int d, int iterations) throws ReflectiveOperationException {
    double[][] rows = rows(x, n, d);
    long t0 = System.nanoTime();
    Class.forName("smile.manifold.TSNE").getConstructor(double[][].class, int.class, double.class, double.class,
        int.class).newInstance(rows, 2, 30.0, 200.0, iterations);
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double[][] rows(double[] x, int n, int d) {
    double[][] rows = new double[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = java.util.Arrays.copyOfRange(x, i * d, i * d + d);
    }
    return rows;
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("fft")) {
      fftBesideBarnesHut(args.length > 1 ? Integer.parseInt(args[1]) : 70000,
          args.length > 2 ? Integer.parseInt(args[2]) : 2, args.length > 3 ? args[3] : "FFT,BARNES_HUT");
      return;
    }
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
    int bigN = args.length > 1 ? Integer.parseInt(args[1]) : 70000;
    int smileIterations = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int d = 50;
    int iterations = 1000;
    TSNE ours = TsneOptions.builder().method(TSNE.Method.BARNES_HUT).threads(2).tsne();
    if (n > 0) {
      double[] x = mixture(n, d, 20, 42);
      Path file = write(x, n, d);
      Dataset data = Dataset.of(x, n, d);
      Bench bench = new Bench(String.format(Locale.ROOT, "Barnes-Hut t-SNE, %d x %d, %d iterations, perplexity 30, 2 threads",
          n, d, iterations));
      bench.record("ClusterLab TSNE", 0, 1, () -> ours.fit(data, 0, Progress.NONE),
          r -> String.format(Locale.ROOT, "KL %.4f, %d iterations", r.klDivergence(), r.iterations()));
      double[] sk = sklearn(file, iterations, 2);
      bench.recordExternal("scikit-learn 1.2 TSNE", sk[0], String.format(Locale.ROOT, "KL %.4f", sk[1]));
      bench.recordExternal("ELKI 0.8.0 BarnesHutTSNE", elki(x, n, d, iterations), "its own defaults otherwise (learning rate 200, single-threaded)");
      double smileSeconds = smile(x, n, d, smileIterations);
      bench.recordExternal("Smile 3.1.1 TSNE (exact)", smileSeconds * iterations / smileIterations,
          String.format(Locale.ROOT, "%d iterations took %.1f s, scaled to %d", smileIterations, smileSeconds, iterations));
      System.out.println(bench.table("ClusterLab TSNE"));
    }
    if (bigN > 0) {
      double[] big = mixture(bigN, d, 20, 43);
      Dataset bigData = Dataset.of(big, bigN, d);
      long t0 = System.nanoTime();
      TsneResult r = ours.fit(bigData, 0, (stage, fraction, message) -> System.out.printf(Locale.ROOT, "%7.1f s  %s%n",
          (System.nanoTime() - t0) / 1e9, message));
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "ClusterLab TSNE %d x %d, %d iterations, max heap %d MiB: %.1f s, KL %.4f%n",
          bigN, d, r.iterations(), Runtime.getRuntime().maxMemory() >> 20, s, r.klDivergence());
    }
  }

  /** FFT and Barnes-Hut on the same data, same threads, one run (see the class comment). */
  static void fftBesideBarnesHut(int n, int threads, String methods) {
    int d = 50;
    double[] x = mixture(n, d, 20, 43);
    Dataset data = Dataset.of(x, n, d);
    System.out.printf(Locale.ROOT, "t-SNE %d x %d (20-cluster Gaussian mixture, seed 43), %d threads, max heap %d MiB%n",
        n, d, threads, Runtime.getRuntime().maxMemory() >> 20);
    StringBuilder table = new StringBuilder("| method | seconds | KL divergence | iterations | peak heap MiB |\n"
        + "|---|---|---|---|---|\n");
    for (String name : methods.split(",")) {
      TSNE.Method m = TSNE.Method.valueOf(name);
      HierarchicalBench.resetPeaks();
      long t0 = System.nanoTime();
      TsneResult r = TsneOptions.builder().method(m).threads(threads).tsne().fit(data, 0, (stage, fraction, message) ->
          System.out.printf(Locale.ROOT, "%s %7.1f s  %s%n", m, (System.nanoTime() - t0) / 1e9, message));
      double s = (System.nanoTime() - t0) / 1e9;
      long heap = HierarchicalBench.peakHeapMiB();
      String row = String.format(Locale.ROOT, "| %s | %.1f | %.4f | %d | %d |", m, s, r.klDivergence(), r.iterations(),
          heap);
      System.out.println(row);
      table.append(row).append('\n');
    }
    System.out.print(table);
  }
}
