package clusterlab.bench.peers;

import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeansOptions;
import clusterlab.core.kmeans.SphericalKMeans;
import clusterlab.core.kmeans.SphericalKMeansModel;
import clusterlab.core.sparse.SparseDataset;
import clusterlab.core.topics.Corpus;
import clusterlab.core.topics.GibbsLda;
import clusterlab.core.topics.LdaOptions;
import clusterlab.core.topics.TopicModel;
import clusterlab.core.topics.TopicQuality;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Text benchmark (issue 17). Sections, chosen by arguments (default: all):
 * <ul>
 * <li>{@code mallet}: LDA Gibbs sampling tokens per second, ClusterLab {@link GibbsLda} against Mallet 2.0.8's
 * {@code ParallelTopicModel} on the same corpus (5,000 documents of 200 tokens over 10,000 words, drawn from a
 * 50-topic LDA model), same topics, priors, sweeps, alpha optimisation and threads (1 and 2), each fit in a fresh
 * JVM with a time limit; at 2 threads also Mallet's sampler under a correct barrier ({@link MalletPeer});
 * system properties {@code textbench.sweeps} (200), {@code textbench.rounds} (3), {@code textbench.timeout} (300 s);</li>
 * <li>{@code sklearn}: time to reach scikit-learn's held-out perplexity on the fixture corpus
 * (src/test/resources/fixtures/text/lda_*.csv): scikit-learn's batch variational LDA (100 iterations, run by
 * tools/bench/sklearn_lda.py in the same run, n_jobs 1 and 2) against ClusterLab's Gibbs sampler with growing sweeps
 * at 1 and 2 threads; the target is the lower of scikit-learn's two perplexities;</li>
 * <li>{@code spherical}: spherical k-means on 20,000 documents x 30,000 terms (k = 20), 1 and 2 threads, with the
 * heap it needs, against scikit-learn's KMeans on the same L2-normalised sparse rows (tools/bench/sklearn_text.py),
 * compared on the same objective (the sum of cosine similarities to the normalised cluster means) and by the
 * adjusted Rand index between the two labelings.</li>
 * </ul>
 * {@code sklearn} and {@code spherical} report medians of {@code bench.reps} (3) timed runs on each side.
 * Run with {@code MAVEN_OPTS=-Xmx4g mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.peers.TextBench [-Dexec.args=mallet]}.
 */
public final class TextBench {

  private TextBench() {
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("mallet", "sklearn", "spherical") : List.of(args);
    Logger.getLogger("").setLevel(Level.WARNING);
    if (args.length == 4 && args[0].equals("lda-run")) {
      ldaRun(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      return;
    }
    System.out.printf(Locale.ROOT, "JVM %s, cores %d, max heap %d MiB%n", System.getProperty("java.vm.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    if (parts.contains("mallet")) {
      mallet();
    }
    if (parts.contains("sklearn")) {
      sklearn();
    }
    if (parts.contains("spherical")) {
      spherical();
    }
  }

  /** Documents drawn from a K-topic LDA model with sparse topics (Dirichlet 0.01 over the words). */
  static int[][] ldaCorpus(int docs, int length, int v, int k, long seed) {
    Random r = new Random(seed);
    double[][] cdf = new double[k][v];
    for (int t = 0; t < k; t++) {
      double s = 0;
      for (int w = 0; w < v; w++) {
        double g = Math.pow(r.nextDouble(), 1 / 0.01); // Gamma(0.01) approx. by U^(1/a)
        s += g;
        cdf[t][w] = s;
      }
      for (int w = 0; w < v; w++) {
        cdf[t][w] /= s;
      }
    }
    int[][] out = new int[docs][length];
    for (int d = 0; d < docs; d++) {
      int a = r.nextInt(k);
      int b = r.nextInt(k);
      for (int i = 0; i < length; i++) {
        int t = r.nextDouble() < 0.7 ? a : r.nextDouble() < 0.5 ? b : r.nextInt(k);
        int w = java.util.Arrays.binarySearch(cdf[t], r.nextDouble());
        out[d][i] = Math.min(v - 1, w < 0 ? -w - 1 : w);
      }
      java.util.Arrays.sort(out[d]);
    }
    return out;
  }

  /** The LDA corpus of the {@code mallet} section: 5,000 documents of 200 tokens, V = 10,000, drawn from 50 topics. */
  static int[][] malletCorpus() {
    return ldaCorpus(5000, 200, 10000, 50, 1);
  }

  /**
   * LDA against Mallet, every timed fit in a fresh JVM ({@code lda-run}), the implementations taking turns
   * round by round so that they share the machine's load alike. A run that prints an exception or Mallet's
   * "already running!", or that exceeds the time limit, is stopped and reported as failed (Mallet's
   * multi-threaded {@code estimate()} does both on a loaded machine: see {@link MalletPeer}).
   */
  static void mallet() throws IOException, InterruptedException {
    int k = 50;
    int sweeps = Integer.getInteger("textbench.sweeps", 200);
    int rounds = Integer.getInteger("textbench.rounds", 3);
    int limit = Integer.getInteger("textbench.timeout", 300);
    long tokens = 5000L * 200;
    System.out.printf(Locale.ROOT, "%n## LDA Gibbs: 5000 documents, %d tokens, V = 10000, K = %d, %d sweeps, alpha sum 5,"
        + " beta 0.01, optimise alpha (Mallet: and beta) every 10 after 50; each fit in a fresh JVM after a 5-sweep"
        + " warm-up fit, %d rounds, medians; time limit %d s%n", tokens, k, sweeps, rounds, limit);
    System.out.println("| implementation | threads | runs ok | median wall s | median CPU s | tokens/s (wall) |"
        + " Mallet estimate() wall / this wall |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (int threads : new int[] {1, 2}) {
      List<String> impls = threads == 1 ? List.of("mallet", "clusterlab") : List.of("mallet", "mallet-barrier", "clusterlab");
      java.util.Map<String, List<double[]>> ok = new java.util.LinkedHashMap<>();
      java.util.Map<String, List<String>> failed = new java.util.LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        for (String impl : impls) {
          List<String> cmd = List.of(clusterlab.bench.Bench.javaBin(), "-Xmx2g", "-cp", clusterlab.bench.Bench.testClasspath(),
              TextBench.class.getName(), "lda-run", impl, Integer.toString(threads), Integer.toString(sweeps));
          ChildRun r = ChildRun.run(cmd, limit);
          if (r.result != null) {
            ok.computeIfAbsent(impl, x -> new ArrayList<>()).add(r.result);
          } else {
            failed.computeIfAbsent(impl, x -> new ArrayList<>()).add(r.failure);
          }
        }
      }
      double malletWall = median(ok.getOrDefault("mallet", List.of()), 0);
      for (String impl : impls) {
        List<double[]> runs = ok.getOrDefault(impl, List.of());
        double wall = median(runs, 0);
        double cpu = median(runs, 1);
        System.out.printf(Locale.ROOT, "| %s | %d | %d of %d | %s | %s | %s | %s |%n", label(impl), threads, runs.size(), rounds,
            runs.isEmpty() ? "failed" : String.format(Locale.ROOT, "%.2f", wall),
            runs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.2f", cpu),
            runs.isEmpty() ? "-" : String.format(Locale.ROOT, "%.3g", tokens * sweeps / wall),
            runs.isEmpty() || Double.isNaN(malletWall) ? "-" : String.format(Locale.ROOT, "%.2f", malletWall / wall));
      }
      for (java.util.Map.Entry<String, List<String>> e : failed.entrySet()) {
        System.out.printf(Locale.ROOT, "%s failed at %d threads in %d of %d runs: %s%n", label(e.getKey()), threads,
            e.getValue().size(), rounds, String.join(" / ", new java.util.LinkedHashSet<>(e.getValue())));
      }
    }
  }

  private static String label(String impl) {
    switch (impl) {
      case "mallet":
        return "Mallet 2.0.8 ParallelTopicModel.estimate()";
      case "mallet-barrier":
        return "Mallet 2.0.8 WorkerRunnable, merged with a barrier";
      default:
        return "ClusterLab GibbsLda";
    }
  }

  private static double median(List<double[]> runs, int field) {
    if (runs.isEmpty()) {
      return Double.NaN;
    }
    double[] v = runs.stream().mapToDouble(r -> r[field]).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Child JVM: {@code lda-run <mallet|mallet-barrier|clusterlab> <threads> <sweeps>} prints "RESULT wall cpu". */
  static void ldaRun(String impl, int threads, int sweeps) throws Exception {
    int[][] docs = malletCorpus();
    Corpus corpus = Corpus.ofDocuments(docs, 10000);
    fitOnce(impl, docs, corpus, threads, 5, 2); // warm-up: the JIT compiles the sampler
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    fitOnce(impl, docs, corpus, threads, sweeps, 1);
    double wall = (System.nanoTime() - t0) / 1e9;
    double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
    System.out.printf(Locale.ROOT, "RESULT %.3f %.3f%n", wall, cpu);
  }

  private static void fitOnce(String impl, int[][] docs, Corpus corpus, int threads, int sweeps, int seed) throws Exception {
    switch (impl) {
      case "mallet":
        MalletPeer.model(docs, 10000, 50, sweeps, threads, seed).estimate();
        break;
      case "mallet-barrier":
        MalletPeer.estimateWithBarrier(MalletPeer.model(docs, 10000, 50, sweeps, threads, seed), threads, seed);
        break;
      case "clusterlab":
        LdaOptions.builder(50).alphaSum(5.0).beta(0.01).iterations(sweeps).burnIn(50).optimizeInterval(10).threads(threads).lda()
            .fit(corpus, seed, Progress.NONE);
        break;
      default:
        throw new IllegalArgumentException("unknown implementation " + impl);
    }
  }

  /** One child JVM run, stopped at its first exception line, Mallet's "already running!" or the time limit. */
  static final class ChildRun {
    private static final String END_OF_OUTPUT = "<<end of the child's output>>";
    double[] result;
    String failure;

    static ChildRun run(List<String> cmd, int limitSeconds) throws IOException, InterruptedException {
      ChildRun out = new ChildRun();
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
          for (String line; (line = r.readLine()) != null;) {
            lines.add(line);
          }
        } catch (IOException e) {
          lines.add("reading the child's output failed: " + e);
        }
        lines.add(END_OF_OUTPUT);
      });
      reader.setDaemon(true);
      reader.start();
      long deadline = System.nanoTime() + limitSeconds * 1_000_000_000L;
      try {
        while (true) {
          long left = deadline - System.nanoTime();
          String line = left > 0 ? lines.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS) : null;
          if (line == null) {
            out.failure = "no result within " + limitSeconds + " s";
            return out;
          }
          if (line.startsWith("RESULT ")) {
            String[] f = line.split(" ");
            out.result = new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])};
            return out;
          }
          if (line.contains("Exception") || line.contains("already running!")) {
            String at = lines.poll(2, java.util.concurrent.TimeUnit.SECONDS);
            out.failure = line.trim() + (at != null && at.trim().startsWith("at ") ? " " + at.trim() : "");
            return out;
          }
          if (line.equals(END_OF_OUTPUT)) {
            out.failure = "exited with code " + p.waitFor() + " and no result";
            return out;
          }
        }
      } finally {
        p.destroyForcibly();
        p.waitFor();
      }
    }
  }

  static Path fixture(String name) {
    return Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("src/test/resources/fixtures/text").resolve(name);
  }

  static SparseDataset readCsr(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String[] head = lines.get(0).split(",");
    int n = Integer.parseInt(head[0]);
    SparseDataset.Builder b = new SparseDataset.Builder(Integer.parseInt(head[1]));
    int row = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      for (int r = Integer.parseInt(f[0]); row < r; row++) {
        b.endRow(1.0);
      }
      b.add(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
    }
    for (; row < n; row++) {
      b.endRow(1.0);
    }
    return b.build();
  }

  static List<String> python(String script, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", Path.of("tools/bench").resolve(script).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("OMP_NUM_THREADS", "2");
    pb.environment().put("OPENBLAS_NUM_THREADS", "2");
    Process p = pb.start();
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
      for (String line; (line = r.readLine()) != null;) {
        out.add(line);
      }
    }
    p.waitFor();
    return out;
  }

  /** Timed runs per implementation (median), after one warm-up on the ClusterLab side: -Dbench.reps, default 3. */
  static final int REPS = Integer.getInteger("bench.reps", 3);

  static void sklearn() throws Exception {
    Corpus train = Corpus.fromCounts(readCsr(fixture("lda_train.csv")), null);
    Corpus held = Corpus.fromCounts(readCsr(fixture("lda_heldout.csv")), null);
    System.out.printf(Locale.ROOT, "%n## LDA to scikit-learn's perplexity: fixture corpus, %d documents, %d tokens, K = 8,"
        + " alpha 0.2 per topic, beta 0.05; medians of %d runs%n", train.numDocuments(), train.numTokens(), REPS);
    System.out.println("| implementation | threads | iterations | median seconds (fit) | held-out perplexity (document completion) |");
    System.out.println("|---|---|---|---|---|");
    double target = Double.POSITIVE_INFINITY;
    for (int jobs = 1; jobs <= 2; jobs++) {
      List<String> sk = python("sklearn_lda.py", fixture("lda_train.csv").toString(), fixture("lda_heldout.csv").toString(),
          "" + jobs, "" + REPS);
      String[] f = sk.get(sk.size() - 1).trim().split(" ");
      double skPerplexity = Double.parseDouble(f[1]);
      target = Math.min(target, skPerplexity);
      System.out.printf(Locale.ROOT, "| scikit-learn LatentDirichletAllocation (batch VB, n_jobs %d) | %d | 100 | %.2f | %.3f |%n",
          jobs, jobs, Double.parseDouble(f[0]), skPerplexity);
    }
    for (int threads = 1; threads <= 2; threads++) {
      for (int sweeps : new int[] {25, 50, 100, 200}) {
        int t = threads;
        TopicModel[] last = new TopicModel[1];
        double s = clusterlab.bench.Bench.medianSeconds(1, REPS,
            () -> last[0] = LdaOptions.builder(8).alphaSum(1.6).beta(0.05).iterations(sweeps).burnIn(50).optimizeInterval(0).threads(t).lda()
                .fit(train, 1, Progress.NONE));
        double p = TopicQuality.documentCompletionPerplexity(last[0], held, 50, 1);
        System.out.printf(Locale.ROOT, "| ClusterLab GibbsLda | %d | %d | %.2f | %.3f%s |%n", threads, sweeps, s, p,
            p <= target ? " (reached)" : "");
      }
    }
  }

  static void spherical() throws Exception {
    int n = 20000;
    int d = 30000;
    Random r = new Random(3);
    int k = 20;
    SparseDataset.Builder b = new SparseDataset.Builder(d);
    for (int i = 0; i < n; i++) {
      int topic = r.nextInt(k);
      java.util.TreeMap<Integer, Double> row = new java.util.TreeMap<>();
      for (int t = 0; t < 120; t++) {
        int w = r.nextDouble() < 0.6 ? topic * 1500 + (int) (1500 * Math.pow(r.nextDouble(), 3))
            : (int) (d * Math.pow(r.nextDouble(), 2));
        row.merge(w, 1.0, Double::sum);
      }
      row.forEach(b::add);
      b.endRow(1.0);
    }
    SparseDataset docs = b.build();
    Path file = Files.createTempFile(Path.of("target"), "spherical-", ".csv");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
      w.println(n + "," + d);
      for (int i = 0; i < n; i++) {
        for (int p = docs.rowStart(i); p < docs.rowEnd(i); p++) {
          w.println(i + "," + docs.cols()[p] + "," + (int) docs.values()[p]);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%n## Spherical k-means: %d documents x %d terms, %d non-zeros (dense: %.1f GB), k = %d,"
        + " k-means++, tol 1e-4; medians of %d runs%n", n, d, docs.nnz(), 8.0 * n * d / 1e9, k, REPS);
    System.out.println("| implementation | threads | median seconds | iterations | objective |");
    System.out.println("|---|---|---|---|---|");
    SphericalKMeansModel m = null;
    for (int threads : new int[] {1, 2}) {
      int t = threads;
      SphericalKMeansModel[] last = new SphericalKMeansModel[1];
      System.gc();
      long before = used();
      double s = clusterlab.bench.Bench.medianSeconds(1, REPS,
          () -> last[0] = new SphericalKMeans(k, KMeansOptions.builder().maxIterations(100).threads(t).build())
              .fit(docs, 1, Progress.NONE));
      m = last[0];
      System.out.printf(Locale.ROOT, "| ClusterLab SphericalKMeans | %d | %.2f | %d | cosine objective %.1f (heap after"
          + " fit +%d MiB) |%n", threads, s, m.iterations(), m.objective(), (used() - before) >> 20);
    }
    Path labels = Files.createTempFile(Path.of("target"), "spherical-labels-", ".txt");
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(labels))) {
      for (int label : m.labels()) {
        w.println(label);
      }
    }
    List<String> sk = python("sklearn_text.py", file.toString(), "" + REPS, labels.toString());
    Files.deleteIfExists(labels);
    for (String line : sk) {
      if (line.startsWith("|")) {
        System.out.println(line);
      }
    }
    Files.deleteIfExists(file);
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
