package clusterlab.bench.peers;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.SphericalKMeans;
import clusterlab.core.kmeans.SphericalKMeansModel;
import clusterlab.core.sparse.SparseDataset;
import clusterlab.core.topics.Corpus;
import clusterlab.core.topics.GibbsLda;
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
 * 50-topic LDA model), same topics, priors, sweeps, alpha optimisation and threads (1 and 2);</li>
 * <li>{@code sklearn}: time to reach scikit-learn's held-out perplexity on the fixture corpus
 * (src/test/resources/fixtures/text/lda_*.csv): scikit-learn's batch variational LDA (100 iterations, run by
 * tools/bench/sklearn_lda.py in the same run) against ClusterLab's Gibbs sampler with growing sweeps;</li>
 * <li>{@code spherical}: spherical k-means on 20,000 documents x 30,000 terms (k = 20), 1 and 2 threads, with the
 * heap it needs, against scikit-learn's KMeans on the same L2-normalised sparse rows (tools/bench/sklearn_text.py).</li>
 * </ul>
 * Run with {@code MAVEN_OPTS=-Xmx4g mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.peers.TextBench [-Dexec.args=mallet]}.
 */
public final class TextBench {

  private TextBench() {
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("mallet", "sklearn", "spherical") : List.of(args);
    Logger.getLogger("").setLevel(Level.WARNING);
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

  static void mallet() throws IOException {
    int k = 50;
    int sweeps = 200;
    int[][] docs = ldaCorpus(5000, 200, 10000, k, 1);
    Corpus corpus = Corpus.ofDocuments(docs, 10000);
    long tokens = corpus.numTokens();
    System.out.printf(Locale.ROOT, "%n## LDA Gibbs: %d documents, %d tokens, V = 10000, K = %d, %d sweeps, alpha sum 5,"
        + " beta 0.01, optimise alpha every 10 after 50%n", docs.length, tokens, k, sweeps);
    System.out.println("| implementation | threads | seconds | tokens/s | ratio to Mallet |");
    System.out.println("|---|---|---|---|---|");
    for (int threads : new int[] {1, 2}) {
      double m = Double.NaN;
      double c = Double.NaN;
      for (int rep = 0; rep < 2; rep++) { // first round is warm-up
        m = timeMallet(docs, k, sweeps, threads);
        c = timeOurs(corpus, k, sweeps, threads);
      }
      System.out.printf(Locale.ROOT, "| Mallet 2.0.8 ParallelTopicModel | %d | %.2f | %.3g | 1.00 |%n", threads, m,
          tokens * sweeps / m);
      System.out.printf(Locale.ROOT, "| ClusterLab GibbsLda | %d | %.2f | %.3g | %.2f |%n", threads, c,
          tokens * sweeps / c, m / c);
    }
  }

  static double timeMallet(int[][] docs, int k, int sweeps, int threads) throws IOException {
    Alphabet alphabet = new Alphabet();
    for (int w = 0; w < 10000; w++) {
      alphabet.lookupIndex("w" + w);
    }
    alphabet.stopGrowth();
    InstanceList list = new InstanceList(alphabet, null);
    for (int d = 0; d < docs.length; d++) {
      list.add(new Instance(new FeatureSequence(alphabet, docs[d].clone()), null, "d" + d, null));
    }
    ParallelTopicModel model = new ParallelTopicModel(k, 5.0, 0.01);
    model.setTopicDisplay(sweeps + 1, 0);
    model.setNumIterations(sweeps);
    model.setOptimizeInterval(10);
    model.setBurninPeriod(50);
    model.setNumThreads(threads);
    model.setRandomSeed(1);
    model.addInstances(list);
    long t0 = System.nanoTime();
    model.estimate();
    return (System.nanoTime() - t0) / 1e9;
  }

  static double timeOurs(Corpus corpus, int k, int sweeps, int threads) {
    long t0 = System.nanoTime();
    new GibbsLda(k, 5.0, 0.01, sweeps, 50, 10, threads).fit(corpus, 1, Progress.NONE);
    return (System.nanoTime() - t0) / 1e9;
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

  static void sklearn() throws Exception {
    Corpus train = Corpus.fromCounts(readCsr(fixture("lda_train.csv")), null);
    Corpus held = Corpus.fromCounts(readCsr(fixture("lda_heldout.csv")), null);
    List<String> sk = python("sklearn_lda.py", fixture("lda_train.csv").toString(), fixture("lda_heldout.csv").toString());
    String last = sk.get(sk.size() - 1);
    String[] f = last.trim().split(" ");
    double skSeconds = Double.parseDouble(f[0]);
    double skPerplexity = Double.parseDouble(f[1]);
    System.out.printf(Locale.ROOT, "%n## LDA to scikit-learn's perplexity: fixture corpus, %d documents, %d tokens, K = 8,"
        + " alpha 0.2 per topic, beta 0.05, 2 threads%n", train.numDocuments(), train.numTokens());
    System.out.println("| implementation | iterations | seconds (fit) | held-out perplexity (document completion) |");
    System.out.println("|---|---|---|---|");
    System.out.printf(Locale.ROOT, "| scikit-learn LatentDirichletAllocation (batch VB) | 100 | %.2f | %.3f |%n", skSeconds,
        skPerplexity);
    for (int sweeps : new int[] {25, 50, 100, 200}) {
      new GibbsLda(8, 1.6, 0.05, sweeps, 50, 0, 2).fit(train, 1, Progress.NONE); // warm-up
      long t0 = System.nanoTime();
      TopicModel m = new GibbsLda(8, 1.6, 0.05, sweeps, 50, 0, 2).fit(train, 1, Progress.NONE);
      double s = (System.nanoTime() - t0) / 1e9;
      double p = TopicQuality.documentCompletionPerplexity(m, held, 50, 1);
      System.out.printf(Locale.ROOT, "| ClusterLab GibbsLda | %d | %.2f | %.3f%s |%n", sweeps, s, p,
          p <= skPerplexity ? " (reached)" : "");
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
        + " k-means++, tol 1e-4%n", n, d, docs.nnz(), 8.0 * n * d / 1e9, k);
    System.out.println("| implementation | threads | seconds | iterations | objective or inertia |");
    System.out.println("|---|---|---|---|---|");
    for (int threads : new int[] {1, 2}) {
      new SphericalKMeans(k, 100, 1e-4, 1, threads).fit(docs, 1, Progress.NONE);
      System.gc();
      long before = used();
      long t0 = System.nanoTime();
      SphericalKMeansModel m = new SphericalKMeans(k, 100, 1e-4, 1, threads).fit(docs, 1, Progress.NONE);
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "| ClusterLab SphericalKMeans | %d | %.2f | %d | %.1f (heap after fit +%d MiB) |%n",
          threads, s, m.iterations(), m.objective(), (used() - before) >> 20);
    }
    List<String> sk = python("sklearn_text.py", file.toString());
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
