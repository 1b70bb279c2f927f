package clusterlab.bench.peers;

import clusterlab.bench.Bench;
import clusterlab.bench.KMeansBlobs;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.kmeans.KMeansOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import weka.clusterers.SimpleKMeans;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * k-means family benchmark (issue 3). Sections, chosen by arguments (default: weka elki sklearn):
 * <ul>
 * <li>{@code weka}: ClusterLab KMeans (Weka adapter, incl. conversion) vs Weka SimpleKMeans, 200k x 16, k = 32,
 * the same number of iterations;
 * <li>{@code elki} (or {@code elki-only}, without Lloyd and Smile): ClusterLab KMeans core vs ELKI 0.8.0 Hamerly/Exponion/Shallot from the same initial centres
 * and Smile 3.1.1 (its own seeding: Smile takes no initial centres), 1M x 16, k = 32, 50 iterations;
 * <li>{@code sklearn}: time to convergence vs scikit-learn KMeans (same data file, init and tol, 2 threads);
 * <li>{@code stream}: MiniBatchKMeans on a streamed 10M-row ARFF in a -Xmx512m JVM (see {@link clusterlab.bench.MiniBatchStream});
 * <li>{@code shape=N,D,K,ITERATIONS}: issue 19's extra rows (k = 256, d = 2): ClusterLab (auto, hamerly, blocked) at 1
 * and 2 threads vs ELKI Hamerly/Exponion/Shallot and scikit-learn Lloyd/Elkan at 1 and 2 threads, same init and
 * iterations ({@link #shape}); with {@code quick} too, scikit-learn's Lloyd only (no ELKI, no Elkan).
 * </ul>
 * Run: {@code mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.peers.KMeansBench [-Dexec.args="weka elki sklearn stream"]}
 */
public final class KMeansBench {

  private KMeansBench() {
  }

  /** The k-means data, shared with the assigner profiling tools ({@link KMeansBlobs#blobs}). */
  static double[] blobs(int n, int d, int centres, long seed) {
    return KMeansBlobs.blobs(n, d, centres, seed);
  }

  /** Sum over rows of the squared distance to the nearest of {@code means}: the objective of a set of centres. */
  static double objective(double[] v, int n, int d, double[][] means) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] m : means) {
        double t = 0;
        for (int j = 0; j < d; j++) {
          double x = v[i * d + j] - m[j];
          t += x * x;
        }
        best = Math.min(best, t);
      }
      s += best;
    }
    return s;
  }

  static double[][] rows(double[] flat, int k, int d) {
    double[][] r = new double[k][d];
    for (int c = 0; c < k; c++) {
      System.arraycopy(flat, c * d, r[c], 0, d);
    }
    return r;
  }

  static Instances instances(double[] v, int n, int d) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances data = new Instances("blobs", atts, n);
    for (int i = 0; i < n; i++) {
      data.add(new DenseInstance(1.0, Arrays.copyOfRange(v, i * d, i * d + d)));
    }
    return data;
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("weka", "elki", "sklearn") : Arrays.asList(args);
    if (parts.contains("weka")) {
      vsWeka();
    }
    if (parts.contains("elki") || parts.contains("elki-only")) {
      vsElkiAndSmile(parts.contains("elki"));
    }
    if (parts.contains("sklearn")) {
      vsSklearn();
    }
    if (parts.contains("stream")) {
      clusterlab.bench.MiniBatchStream.benchmark();
    }
    for (String part : parts) {
      if (part.startsWith("shape=")) {
        int[] a = Arrays.stream(part.substring("shape=".length()).split(",")).mapToInt(Integer::parseInt).toArray();
        if (a.length != 4) {
          throw new IllegalArgumentException("shape=N,D,K,ITERATIONS, got " + part);
        }
        shape(a[0], a[1], a[2], a[3], !parts.contains("quick"));
      }
    }
  }

  /**
   * Issue 19's extra k-means rows: n x d, k centres, a fixed number of iterations from one k-means++
   * start, ClusterLab (auto and Hamerly, 1 and 2 threads) against ELKI 0.8.0 Hamerly/Exponion/Shallot
   * (one thread; they have no other) and scikit-learn's Lloyd and Elkan at the same maximum number
   * of iterations with tol = 0 (scikit-learn still stops early on strict convergence: the
   * iteration counts are printed), objectives side by side.
   */
  static void shape(int n, int d, int k, int iters, boolean allPeers) throws IOException {
    double[] v = blobs(n, d, k, 5);
    Dataset ds = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).build()).seed(ds,
        new SplittableRandom(11));
    Bench b = new Bench(String.format(Locale.ROOT, "KMeans %,d x %d, k = %d, %d iterations, same init: ClusterLab vs ELKI 0.8.0"
        + " and scikit-learn 1.2", n, d, k, iters));
    for (int threads : new int[] {1, 2}) {
      for (KMeans.Algorithm a : new KMeans.Algorithm[] {KMeans.Algorithm.AUTO, KMeans.Algorithm.HAMERLY,
          KMeans.Algorithm.BLOCKED}) {
        KMeans km = new KMeans(k, a, KMeansOptions.builder().maxIterations(iters).tolerance(0).init(KMeans.Init.RANDOM)
            .threads(threads).build());
        b.record("ClusterLab " + a.name().toLowerCase(Locale.ROOT) + " (" + threads + (threads == 1 ? " thread)" : " threads)"),
            1, 3, () -> km.fitFrom(ds, init, Progress.NONE), m -> "iterations " + m.iterations() + " ("
                + m.algorithm().name().toLowerCase(Locale.ROOT) + "), objective "
                + String.format(Locale.ROOT, "%.10g", objective(v, n, d, rows(m.centroids(), k, d))));
      }
    }
    if (allPeers) {
      ElkiPeer.run(b, rows(v, n, d), rows(init, k, d), k, iters + 1, v, n, d); // ELKI counts the first assignment
    }
    Path dir = Files.createTempDirectory("kmeans-bench");
    Path dataFile = dir.resolve("data.bin");
    Path initFile = dir.resolve("init.bin");
    writeRaw(dataFile, v);
    writeRaw(initFile, init);
    for (int threads : new int[] {1, 2}) {
      for (String algo : allPeers ? new String[] {"lloyd", "elkan"} : new String[] {"lloyd"}) {
        String[] out = Bench.run(List.of("/usr/bin/python3", "tools/bench/sklearn_kmeans.py", dataFile.toString(),
            initFile.toString(), "" + n, "" + d, "" + k, "0", "" + threads, algo, "" + iters)).trim().split("\\s+");
        b.recordExternal("scikit-learn " + algo + " (" + threads + (threads == 1 ? " thread)" : " threads)"),
            Double.parseDouble(out[0]), "iterations " + out[1] + ", inertia "
                + String.format(Locale.ROOT, "%.10g", Double.parseDouble(out[2])));
      }
    }
    System.out.println(b.table("ClusterLab auto (1 thread)"));
    Files.deleteIfExists(dataFile);
    Files.deleteIfExists(initFile);
    Files.deleteIfExists(dir);
  }

  static void vsWeka() throws Exception {
    int n = 200_000;
    int d = 16;
    int k = 32;
    double[] v = blobs(n, d, k, 1);
    Instances data = instances(v, n, d);
    Bench b = new Bench("KMeans vs Weka SimpleKMeans: 200k x 16, k = 32, same iterations (random init)");
    SimpleKMeans skm = new SimpleKMeans();
    skm.setOptions(Utils.splitOptions("-N 32 -I 30 -S 1 -num-slots 1"));
    SimpleKMeans built = b.record("Weka SimpleKMeans", 0, 3, () -> {
      try {
        SimpleKMeans s = (SimpleKMeans) weka.clusterers.AbstractClusterer.makeCopy(skm);
        s.buildClusterer(data);
        return s;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, s -> "iterations " + iterations(s) + ", SSE (normalised space) " + String.format(Locale.ROOT, "%.6g", s.getSquaredError()));
    int iters = iterations(built);
    for (String algo : new String[] {"lloyd", "auto"}) {
      weka.clusterers.centroid.KMeans ours = new weka.clusterers.centroid.KMeans();
      ours.setOptions(Utils.splitOptions("-N 32 -S 1 -init random -tol 0 -I " + iters + " -algorithm " + algo));
      b.record("ClusterLab KMeans (" + algo + ", 2 threads, incl. conversion)", 1, 3, () -> {
        try {
          weka.clusterers.centroid.KMeans c = (weka.clusterers.centroid.KMeans) weka.clusterers.AbstractClusterer.makeCopy(ours);
          c.buildClusterer(data);
          return c;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, c -> "iterations " + c.getModel().iterations() + " (" + c.getModel().algorithm().name().toLowerCase(Locale.ROOT)
          + "), inertia " + String.format(Locale.ROOT, "%.6g", c.getModel().inertia()));
    }
    System.out.println(b.table("ClusterLab KMeans (auto, 2 threads, incl. conversion)"));
  }

  private static int iterations(SimpleKMeans s) {
    Matcher m = Pattern.compile("Number of iterations: (\\d+)").matcher(s.toString());
    if (!m.find()) {
      throw new IllegalStateException("cannot read SimpleKMeans' iteration count");
    }
    return Integer.parseInt(m.group(1));
  }

  /** @param all also Lloyd and Smile (slow: minutes); {@code elki-only} runs Hamerly against ELKI alone. */
  static void vsElkiAndSmile(boolean all) {
    int n = 1_000_000;
    int d = 16;
    int k = 32;
    int iters = 50;
    double[] v = blobs(n, d, k, 2);
    Dataset ds = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).build()).seed(ds,
        new SplittableRandom(7));
    double[][] init2 = rows(init, k, d);
    double[][] data2 = rows(v, n, d);
    Bench b = new Bench("KMeans vs ELKI 0.8.0 and Smile 3.1.1: 1M x 16, k = 32, 50 iterations, same init (Smile: own seeding)");
    for (KMeans.Algorithm a : new KMeans.Algorithm[] {KMeans.Algorithm.AUTO, KMeans.Algorithm.HAMERLY, KMeans.Algorithm.ELKAN, KMeans.Algorithm.LLOYD}) {
      if (a == KMeans.Algorithm.LLOYD && !all) {
        continue;
      }
      KMeans km = new KMeans(k, a, KMeansOptions.builder().maxIterations(iters).tolerance(0).init(KMeans.Init.RANDOM)
          .build());
      b.record("ClusterLab " + a.name().toLowerCase(Locale.ROOT) + " (2 threads)", 1, a == KMeans.Algorithm.LLOYD ? 1 : 3,
          () -> km.fitFrom(ds, init, Progress.NONE),
          m -> "iterations " + m.iterations() + " (" + m.algorithm().name().toLowerCase(Locale.ROOT) + "), objective " + String.format(Locale.ROOT, "%.10g", objective(v, n, d, rows(m.centroids(), k, d))));
    }
    KMeans one = new KMeans(k, KMeans.Algorithm.HAMERLY, KMeansOptions.builder().maxIterations(iters).tolerance(0)
        .init(KMeans.Init.RANDOM).threads(1).build());
    if (all) {
      b.record("ClusterLab hamerly (1 thread)", 1, 3, () -> one.fitFrom(ds, init, Progress.NONE),
        m -> "iterations " + m.iterations() + ", objective " + String.format(Locale.ROOT, "%.10g", objective(v, n, d, rows(m.centroids(), k, d))));
    }
    // ELKI counts its initial assignment as iteration 1, so its maxiter = 51 runs the same 50 centre
    // updates as our 50 iterations (the objective column shows whether the runs agree)
    ElkiPeer.run(b, data2, init2, k, iters + 1, v, n, d);
    System.out.println(b.table("ClusterLab auto (2 threads)"));
    if (!all) {
      return;
    }
    b.record("Smile KMeans.fit (own k-means++ seeding + BBD tree)", 0, 1, () -> smile.clustering.KMeans.fit(data2, k, iters, 0),
        m -> "distortion " + String.format(Locale.ROOT, "%.10g", m.distortion) + " (different init)");
    System.out.println(b.table("ClusterLab auto (2 threads)"));
  }

  static void vsSklearn() throws IOException {
    int n = 200_000;
    int d = 16;
    int k = 32;
    double tol = 1e-4;
    double[] v = blobs(n, d, k, 1);
    Dataset ds = Dataset.of(v, n, d);
    double[] init = new KMeans(k, KMeansOptions.builder().maxIterations(1).tolerance(0).build()).seed(ds,
        new SplittableRandom(3));
    Path dir = Files.createTempDirectory("kmeans-bench");
    Path dataFile = dir.resolve("data.bin");
    Path initFile = dir.resolve("init.bin");
    writeRaw(dataFile, v);
    writeRaw(initFile, init);
    Bench b = new Bench("KMeans vs scikit-learn 1.2 KMeans: 200k x 16, k = 32, same init, tol = 1e-4, 2 threads, time to convergence");
    for (KMeans.Algorithm a : new KMeans.Algorithm[] {KMeans.Algorithm.AUTO, KMeans.Algorithm.LLOYD, KMeans.Algorithm.ELKAN, KMeans.Algorithm.HAMERLY}) {
      KMeans km = new KMeans(k, a, KMeansOptions.builder().tolerance(tol).init(KMeans.Init.RANDOM).threads(2).build());
      b.record("ClusterLab " + a.name().toLowerCase(Locale.ROOT), 1, 3, () -> km.fitFrom(ds, init, Progress.NONE),
          m -> "iterations " + m.iterations() + ", inertia " + String.format(Locale.ROOT, "%.10g", m.inertia()));
    }
    for (String algo : new String[] {"lloyd", "elkan"}) {
      String[] out = Bench.run(List.of("/usr/bin/python3", "tools/bench/sklearn_kmeans.py", dataFile.toString(),
          initFile.toString(), "" + n, "" + d, "" + k, "" + tol, "2", algo)).trim().split("\\s+");
      b.recordExternal("scikit-learn " + algo, Double.parseDouble(out[0]),
          "iterations " + out[1] + ", inertia " + String.format(Locale.ROOT, "%.10g", Double.parseDouble(out[2])));
    }
    System.out.println(b.table("ClusterLab auto"));
    Files.deleteIfExists(dataFile);
    Files.deleteIfExists(initFile);
    Files.deleteIfExists(dir);
  }

  static void writeRaw(Path file, double[] values) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : values) {
      buf.putDouble(x);
    }
    Files.write(file, buf.array());
  }
}
