package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.KnnGraph;
import clusterlab.core.neighbors.NnDescent;
import clusterlab.core.neighbors.VpTree;
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

  public static double[] mixture(int n, int d, int k, long seed) {
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
    if (args.length > 0 && args[0].equals("memory")) {
      memory(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    if (args.length > 0 && args[0].equals("knn")) {
      knnRecall(args.length > 1 ? Integer.parseInt(args[1]) : 70000, args.length > 2 ? Integer.parseInt(args[2]) : 2,
          args.length > 3 ? args[3] : "mixture,manifold");
      return;
    }
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
    TSNE ours = new TSNE(TsneOptions.builder().method(TSNE.Method.BARNES_HUT).threads(2).build());
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

  /**
   * A second kind of data for the k-NN recall: n points on a smooth 8-dimensional manifold in 50 dimensions
   * (random Fourier features of a uniform latent cube, plus a little isotropic noise): no cluster
   * structure, intrinsic dimension well below the ambient one, as real feature data tend to be.
   */
  static double[] manifold(int n, int d, long seed) {
    int latent = 8;
    Random r = new Random(seed);
    double[][] w = new double[d][latent];
    double[] phase = new double[d];
    for (int j = 0; j < d; j++) {
      for (int t = 0; t < latent; t++) {
        w[j][t] = r.nextGaussian();
      }
      phase[j] = 2 * Math.PI * r.nextDouble();
    }
    double[] z = new double[latent];
    double[] x = new double[n * d];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < latent; t++) {
        z[t] = r.nextDouble();
      }
      for (int j = 0; j < d; j++) {
        double s = phase[j];
        for (int t = 0; t < latent; t++) {
          s += w[j][t] * z[t];
        }
        x[i * d + j] = Math.cos(s) + 0.05 * r.nextGaussian();
      }
    }
    return x;
  }

  /**
   * Recall of the approximate k-NN graph (NN-descent, k = 91 as for perplexity 30) against the exact
   * vantage-point-tree search, with the time of each, on the mixture (seed 43) and the manifold data;
   * the approximate graph is built twice, with 1 and with {@code threads} threads, and must be identical.
   * NN-descent's parameters can be changed with -Dknn.trees, -Dknn.candidates, -Dknn.iterations.
   */
  static void knnRecall(int n, int threads, String sets) {
    int d = 50;
    int k = clusterlab.core.tsne.Affinities.neighbours(n, 30);
    System.out.printf(Locale.ROOT, "k-NN recall, %d x %d, k = %d, %d threads, max heap %d MiB, load %s%n", n, d, k,
        threads, Runtime.getRuntime().maxMemory() >> 20, load());
    StringBuilder table = new StringBuilder("| data | exact (VP tree) s (CPU s) | NN-descent s (CPU s) | NN-descent 1 thread s "
        + "| recall | identical for 1 and " + threads + " threads | peak heap MiB |\n|---|---|---|---|---|---|---|\n");
    for (String set : sets.split(",")) {
      double[] x = set.equals("mixture") ? mixture(n, d, 20, 43) : manifold(n, d, 44);
      Dataset data = Dataset.of(x, n, d);
      if (Boolean.getBoolean("knn.exactOnly")) { // the exact search's time alone (CPU time is immune to load)
        long t2 = System.nanoTime();
        long cpu2 = cpuNanos();
        KnnGraph.exact(data, new VpTree(data, Metric.EUCLIDEAN, 0), k, threads, Progress.NONE);
        System.out.printf(Locale.ROOT, "| %s | exact VP tree: %.1f s (CPU %.1f s) | load %s |%n", set,
            (System.nanoTime() - t2) / 1e9, (cpuNanos() - cpu2) / 1e9, load());
        continue;
      }
      HierarchicalBench.resetPeaks();
      NnDescent nnd = new NnDescent(k).trees(Integer.getInteger("knn.trees", -1))
          .maxCandidates(Integer.getInteger("knn.candidates", -1)).maxIterations(Integer.getInteger("knn.iterations", -1));
      long t0 = System.nanoTime();
      long cpu0 = cpuNanos();
      KnnGraph approx = nnd.threads(threads).build(data, 0, (stage, fraction, message) ->
          System.out.printf(Locale.ROOT, "%s %7.1f s  %s%n", set, (System.nanoTime() - t0) / 1e9, message));
      double approxSeconds = (System.nanoTime() - t0) / 1e9;
      double approxCpu = (cpuNanos() - cpu0) / 1e9;
      long heap = HierarchicalBench.peakHeapMiB();
      long t1 = System.nanoTime();
      KnnGraph one = Boolean.parseBoolean(System.getProperty("knn.oneThread", "true"))
          ? nnd.threads(1).build(data, 0, Progress.NONE) : approx;
      double oneSeconds = (System.nanoTime() - t1) / 1e9;
      String same = one == approx ? "not checked" : java.util.Arrays.equals(one.rows(), approx.rows())
          && java.util.Arrays.equals(one.dists(), approx.dists()) ? "yes" : "NO";
      String exactTime = "not run";
      double recall;
      if (Boolean.parseBoolean(System.getProperty("knn.exact", "true"))) {
        long t2 = System.nanoTime();
        long cpu2 = cpuNanos();
        KnnGraph exact = exactCached(data, set, k, threads);
        exactTime = String.format(Locale.ROOT, "%.1f (%.1f)", (System.nanoTime() - t2) / 1e9, (cpuNanos() - cpu2) / 1e9);
        recall = approx.recall(exact);
      } else {
        recall = sampledRecall(data, approx, Integer.getInteger("knn.sample", 2000), threads);
      }
      String row = String.format(Locale.ROOT, "| %s | %s | %.1f (%.1f) | %.1f | %.4f%s | %s | %d |", set, exactTime,
          approxSeconds, approxCpu, oneSeconds, recall, exactTime.equals("not run") ? " (sample of "
          + Integer.getInteger("knn.sample", 2000) + " rows)" : "", same, heap);
      System.out.println(row + " load " + load());
      table.append(row).append('\n');
    }
    System.out.print(table);
  }

  /**
   * The exact graph by the VP tree, cached in target/bench/ when -Dknn.cache=true (for tuning runs: the time
   * column is then the time to read the cache, not the search).
   */
  static KnnGraph exactCached(Dataset data, String set, int k, int threads) {
    int n = data.n();
    Path file = Path.of("target", "bench", "knn_" + set + "_" + n + "x" + data.d() + "_" + k + ".bin");
    boolean cache = Boolean.getBoolean("knn.cache");
    try {
      if (cache && Files.exists(file)) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(
            Files.newInputStream(file)))) {
          int[] rows = new int[n * k];
          double[] dists = new double[n * k];
          for (int e = 0; e < rows.length; e++) {
            rows[e] = in.readInt();
            dists[e] = in.readDouble();
          }
          return new KnnGraph(n, k, rows, dists);
        }
      }
      KnnGraph g = KnnGraph.exact(data, new VpTree(data, Metric.EUCLIDEAN, 0), k, threads, Progress.NONE);
      if (cache) {
        Files.createDirectories(file.getParent());
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
            Files.newOutputStream(file)))) {
          for (int e = 0; e < g.rows().length; e++) {
            out.writeInt(g.rows()[e]);
            out.writeDouble(g.dists()[e]);
          }
        }
      }
      return g;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Recall of {@code approx} on {@code sample} rows drawn with a fixed seed, each against the exact
   * neighbours by a linear scan: an unbiased estimate of the recall when the full exact search is too costly.
   */
  static double sampledRecall(Dataset data, KnnGraph approx, int sample, int threads) {
    int n = data.n();
    int k = approx.k();
    int s = Math.min(sample, n);
    int[] rows = new Random(99).ints(0, n).distinct().limit(s).toArray();
    clusterlab.core.neighbors.LinearScan scan = new clusterlab.core.neighbors.LinearScan(data, Metric.EUCLIDEAN);
    long[] found = new long[s];
    clusterlab.core.parallel.Parallel.forRange(s, threads, (chunk, from, to) -> {
      int[] r = new int[k];
      double[] dist = new double[k];
      for (int q = from; q < to; q++) {
        int i = rows[q];
        scan.knn(data.values(), i * data.d(), k, i, r, dist);
        java.util.Set<Integer> truth = new java.util.HashSet<>();
        for (int v : r) {
          truth.add(v);
        }
        for (int m = 0; m < k; m++) {
          if (truth.contains(approx.rows()[i * k + m])) {
            found[q]++;
          }
        }
      }
    });
    return java.util.Arrays.stream(found).sum() / ((double) s * k);
  }

  /** The 1-, 5- and 15-minute load averages (Linux), for the record beside the figures. */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * The memory of t-SNE on {@code n x 50} (the mixture, seed 43) with the FFT gradient: a k-NN graph of
   * the full shape (n x 91) by a CHEAP NN-descent (5 trees, 1 round: its recall is not the point, the
   * arrays are the same size as the real run's), then the affinities and {@code iterations} FFT iterations
   * through {@link TSNE#fit(Dataset, KnnGraph, long, Progress)}; peak heap and the time of each stage.
   */
  static void memory(int n, int iterations, int threads) {
    int d = 50;
    System.out.printf(Locale.ROOT, "t-SNE memory run, %d x %d, %d FFT iterations, %d threads, max heap %d MiB, load %s%n",
        n, d, iterations, threads, Runtime.getRuntime().maxMemory() >> 20, load());
    double[] x = mixture(n, d, 20, 43);
    Dataset data = Dataset.of(x, n, d);
    HierarchicalBench.resetPeaks();
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    Progress print = (stage, fraction, message) -> System.out.printf(Locale.ROOT, "%8.1f s (CPU %8.1f s)  %s%n",
        (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9, message);
    KnnGraph g = new NnDescent(clusterlab.core.tsne.Affinities.neighbours(n, 30)).trees(5).maxIterations(1)
        .threads(threads).build(data, 0, print);
    print.report("bench", 0, "cheap k-NN graph built, peak heap so far " + HierarchicalBench.peakHeapMiB() + " MiB");
    TsneResult r = new TSNE(TsneOptions.builder().method(TSNE.Method.FFT).threads(threads).maxIterations(iterations)
        .build()).fit(data, g, 0, print);
    System.out.printf(Locale.ROOT, "done: %.1f s, CPU %.1f s, KL %.4f after %d iterations, peak heap %d MiB, load %s%n",
        (System.nanoTime() - t0) / 1e9, (cpuNanos() - cpu0) / 1e9, r.klDivergence(), r.iterations(),
        HierarchicalBench.peakHeapMiB(), load());
  }

  /** CPU time of this process so far (all threads), the figure that load from other processes does not inflate. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** FFT and Barnes-Hut on the same data, same threads, one run (see the class comment). */
  static void fftBesideBarnesHut(int n, int threads, String methods) {
    int d = 50;
    double[] x = mixture(n, d, 20, 43);
    Dataset data = Dataset.of(x, n, d);
    System.out.printf(Locale.ROOT, "t-SNE %d x %d (20-cluster Gaussian mixture, seed 43), %d threads, max heap %d MiB%n",
        n, d, threads, Runtime.getRuntime().maxMemory() >> 20);
    StringBuilder table = new StringBuilder("| method | seconds | CPU seconds | KL divergence | iterations "
        + "| peak heap MiB | load average at the end |\n|---|---|---|---|---|---|---|\n");
    System.out.println("load average at the start: " + load());
    for (String name : methods.split(",")) {
      TSNE.Method m = TSNE.Method.valueOf(name);
      HierarchicalBench.resetPeaks();
      long t0 = System.nanoTime();
      long cpu0 = cpuNanos();
      TsneResult r = new TSNE(TsneOptions.builder().method(m).threads(threads)
          .maxIterations(Integer.getInteger("tsne.iterations", 1000))
          .neighbours(TSNE.Neighbours.valueOf(System.getProperty("tsne.knn", "AUTO"))).build())
          .fit(data, 0, (stage, fraction, message) ->
          System.out.printf(Locale.ROOT, "%s %7.1f s  %s%n", m, (System.nanoTime() - t0) / 1e9, message));
      double s = (System.nanoTime() - t0) / 1e9;
      long heap = HierarchicalBench.peakHeapMiB();
      String row = String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.4f | %d | %d | %s |", m, s, (cpuNanos() - cpu0) / 1e9,
          r.klDivergence(), r.iterations(), heap, load());
      System.out.println(row);
      table.append(row).append('\n');
    }
    System.out.print(table);
  }
}
