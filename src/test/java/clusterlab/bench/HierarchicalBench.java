package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.hierarchical.Agglomerative;
import clusterlab.core.hierarchical.Agglomerative.Storage;
import clusterlab.core.hierarchical.Linkage;
import clusterlab.core.hierarchical.MergeHistory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.clusterers.HierarchicalClusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.EuclideanDistance;
import weka.core.Instances;
import weka.core.SelectedTag;

/**
 * Hierarchical clustering benchmarks (issue 4), one part per argument:
 * <ul>
 *   <li>{@code weka}: n = 2,000, d = 8, single/average/Ward vs Weka's HierarchicalClusterer (same
 *       data, non-normalised Euclidean distance);</li>
 *   <li>{@code scipy}: n = 20,000, d = 8, every linkage vs SciPy's {@code linkage} on the same data
 *       file (tools/bench/scipy_linkage.py, Debian's python3-scipy), pdist included on both sides;</li>
 *   <li>{@code fastcluster[=linkage,...][@n]}: issue 19, n = 20,000 (or n), d = 8, every linkage
 *       (or those listed) vs Debian's python3-fastcluster 1.2.3 (tools/bench/fastcluster_linkage.py:
 *       {@code linkage_vector} for single/ward/centroid/median, {@code linkage} with pdist for the
 *       others), median of 3 on both sides, ClusterLab at one and at two threads; the bench checks
 *       that every merge (pair, size) is identical to fastcluster's and heights agree to 1e-9, and
 *       reports the peak heap used by each ClusterLab run;</li>
 *   <li>{@code large}: n = 100,000, d = 8, single and Ward with the O(n) variants; run it with
 *       {@code MAVEN_OPTS=-Xmx1g} so the whole Maven JVM has a 1 GB heap.</li>
 * </ul>
 * {@code mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.HierarchicalBench -Dexec.args="weka scipy"}
 */
public final class HierarchicalBench {

  private HierarchicalBench() {
  }

  public static void main(String[] args) throws Exception {
    for (String part : args.length == 0 ? new String[] {"weka", "scipy"} : args) {
      switch (part) {
        case "weka":
          vsWeka();
          break;
        case "scipy":
          vsScipy(20000);
          break;
        case "large":
          large();
          break;
        default:
          if (part.startsWith("fastcluster")) {
            vsFastcluster(part);
            break;
          }
          throw new IllegalArgumentException("unknown part " + part
              + "; use weka, scipy, large or fastcluster[=linkage,...][@n]");
      }
    }
  }

  /** Gaussian blobs: 10 centres in d dimensions, unit spread; fixed seed. */
  static Dataset blobs(int n, int d, long seed) {
    Random r = new Random(seed);
    double[][] centres = new double[10][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = r.nextGaussian() * 8;
      }
    }
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      double[] c = centres[r.nextInt(10)];
      for (int j = 0; j < d; j++) {
        v[i * d + j] = c[j] + r.nextGaussian();
      }
    }
    return Dataset.of(v, n, d);
  }

  static String describe(MergeHistory t) {
    return String.format(Locale.ROOT, "top height %.6g", t.height(t.merges() - 1));
  }

  static void vsWeka() throws Exception {
    int n = 2000;
    int d = 8;
    Dataset x = blobs(n, d, 42);
    Instances inst = toInstances(x);
    String[][] pairs = {{"single", "SINGLE"}, {"average", "AVERAGE"}, {"ward", "WARD"}};
    StringBuilder out = new StringBuilder();
    for (String[] p : pairs) {
      Linkage l = Linkage.byId(p[0]);
      Bench b = new Bench("n = 2,000, d = 8, " + p[0] + " linkage: ClusterLab vs Weka HierarchicalClusterer");
      b.record("clusterlab " + p[0], 2, 5, () -> new Agglomerative(l, Metric.EUCLIDEAN, Storage.AUTO, 0)
          .fit(x, Progress.NONE), HierarchicalBench::describe);
      b.record("weka HierarchicalClusterer " + p[1], 0, 1, () -> {
        try {
          HierarchicalClusterer h = new HierarchicalClusterer();
          EuclideanDistance e = new EuclideanDistance();
          e.setDontNormalize(true);
          h.setDistanceFunction(e);
          h.setLinkType(new SelectedTag(linkTag(p[1]), HierarchicalClusterer.TAGS_LINK_TYPE));
          h.setNumClusters(2);
          h.buildClusterer(inst);
          return h;
        } catch (Exception ex) {
          throw new IllegalStateException(ex);
        }
      }, h -> "2 clusters");
      out.append(b.table("clusterlab " + p[0])).append('\n');
      System.out.println(b.table("clusterlab " + p[0]));
    }
  }

  static int linkTag(String name) {
    for (weka.core.Tag t : HierarchicalClusterer.TAGS_LINK_TYPE) {
      if (t.getReadable().equalsIgnoreCase(name)) {
        return t.getID();
      }
    }
    throw new IllegalArgumentException(name);
  }

  static Instances toInstances(Dataset x) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < x.d(); j++) {
      atts.add(new Attribute("a" + j));
    }
    Instances data = new Instances("blobs", atts, x.n());
    for (int i = 0; i < x.n(); i++) {
      data.add(new DenseInstance(1.0, x.row(i)));
    }
    return data;
  }

  static void vsScipy(int n) throws Exception {
    int d = 8;
    Dataset x = blobs(n, d, 7);
    Path file = Paths.get("target", "bench", "hier_blobs_" + n + ".csv");
    Files.createDirectories(file.getParent());
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        csv.append(j == 0 ? "" : ",").append(Double.toString(x.get(i, j)));
      }
      csv.append('\n');
    }
    Files.writeString(file, csv);
    // warm the JIT on a small problem once for every linkage
    Dataset small = blobs(2000, d, 1);
    for (Linkage l : Linkage.values()) {
      new Agglomerative(l, Metric.EUCLIDEAN, Storage.AUTO, 0).fit(small, Progress.NONE);
    }
    for (Linkage l : Linkage.values()) {
      Bench b = new Bench("n = " + n + ", d = 8, " + l.id() + " linkage: ClusterLab vs SciPy linkage");
      List<String> scipy = python(file, 1, l.id());
      String[] parts = scipy.get(0).split(" ");
      b.recordExternal("scipy " + l.id(), Double.parseDouble(parts[1]), "top height " + parts[2]);
      b.record("clusterlab " + l.id() + " (auto: " + new Agglomerative(l, Metric.EUCLIDEAN, Storage.AUTO, 0).resolve(n)
          + ")", 0, 1, () -> new Agglomerative(l, Metric.EUCLIDEAN, Storage.AUTO, 0).fit(x, Progress.NONE),
          HierarchicalBench::describe);
      if (l.hasCentroidVariant()) {
        Storage other = new Agglomerative(l, Metric.EUCLIDEAN, Storage.AUTO, 0).resolve(n) == Storage.MATRIX
            ? Storage.POINTS : Storage.MATRIX;
        b.record("clusterlab " + l.id() + " (" + other + ")", 0, 1,
            () -> new Agglomerative(l, Metric.EUCLIDEAN, other, 0).fit(x, Progress.NONE), HierarchicalBench::describe);
      }
      System.out.println(b.table("scipy " + l.id()));
    }
  }

  static List<String> python(Path file, int reps, String... methods) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "tools/bench/scipy_linkage.py", file.toString(),
        Integer.toString(reps)));
    cmd.addAll(List.of(methods));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("scipy_linkage.py failed: " + lines);
    }
    return lines;
  }

  static void vsFastcluster(String part) throws Exception {
    int n = 20000;
    String spec = part.substring("fastcluster".length());
    int at = spec.indexOf('@');
    if (at >= 0) {
      n = Integer.parseInt(spec.substring(at + 1));
      spec = spec.substring(0, at);
    }
    List<Linkage> linkages = new ArrayList<>();
    if (spec.startsWith("=")) {
      for (String id : spec.substring(1).split(",")) {
        linkages.add(Linkage.byId(id));
      }
    } else {
      linkages.addAll(List.of(Linkage.values()));
    }
    int d = 8;
    int reps = 3;
    Dataset x = blobs(n, d, 7);
    Path dir = Paths.get("target", "bench");
    Path file = dir.resolve("hier_blobs_" + n + ".csv");
    Bench.writeCsv(file, x.values(), n, d);
    Dataset small = blobs(2000, d, 1);
    for (Linkage l : linkages) {
      for (int t = 1; t <= 2; t++) {
        new Agglomerative(l, Metric.EUCLIDEAN, Storage.AUTO, t).fit(small, Progress.NONE);
      }
    }
    StringBuilder summary = new StringBuilder("| linkage | fastcluster 1.2.3, 1 thread | ClusterLab 1 thread | ratio | "
        + "ClusterLab 2 threads | ratio | merges | peak heap MiB |\n|---|---|---|---|---|---|---|---|\n");
    for (Linkage l : linkages) {
      List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "tools/bench/fastcluster_linkage.py", file.toString(),
          Integer.toString(reps), dir.toString(), l.id()));
      String[] peer = Bench.run(cmd).trim().split(" ");
      double[][] z = readLinkage(dir.resolve("fastcluster_" + l.id() + ".csv"));
      Bench b = new Bench("n = " + n + ", d = 8, " + l.id() + " linkage: ClusterLab vs fastcluster");
      String peerName = "fastcluster " + l.id();
      b.recordExternal(peerName, Double.parseDouble(peer[1]), "top height " + peer[2] + ", peak RSS " + peer[3] + " MiB");
      String[] check = new String[2];
      long[] heap = new long[2];
      for (int t = 1; t <= 2; t++) {
        int threads = t;
        int slot = t - 1;
        resetPeaks();
        b.record("clusterlab " + l.id() + " " + t + " thread" + (t > 1 ? "s" : ""), 0, reps,
            () -> new Agglomerative(l, Metric.EUCLIDEAN, Storage.AUTO, threads).fit(x, Progress.NONE),
            tree -> check[slot] = compare(tree, z));
        heap[slot] = peakHeapMiB();
      }
      System.out.println(b.table(peerName));
      double fc = b.seconds(peerName);
      double one = b.seconds("clusterlab " + l.id() + " 1 thread");
      double two = b.seconds("clusterlab " + l.id() + " 2 threads");
      summary.append(String.format(Locale.ROOT, "| %s | %.2f s | %.2f s | %.2f | %.2f s | %.2f | %s | %d |%n", l.id(), fc, one,
          one / fc, two, two / fc, check[0].equals(check[1]) ? check[0] : check[0] + " / " + check[1],
          Math.max(heap[0], heap[1])));
    }
    System.out.println(summary);
  }

  /** "identical" when every merge joins the same clusters into the same size and heights agree to 1e-9. */
  static String compare(MergeHistory t, double[][] z) {
    int pairs = 0;
    double worst = 0;
    double scale = Math.abs(z[z.length - 1][2]);
    for (int m = 0; m < z.length; m++) {
      if (t.first(m) != (int) z[m][0] || t.second(m) != (int) z[m][1] || t.size(m) != (int) z[m][3]) {
        pairs++;
      }
      worst = Math.max(worst, Math.abs(t.height(m) - z[m][2]) / Math.max(scale, 1e-300));
    }
    if (pairs == 0 && worst <= 1e-9) {
      return String.format(Locale.ROOT, "identical (heights within %.1e)", worst);
    }
    return String.format(Locale.ROOT, "DIFFERENT: %d merges differ, worst height %.1e", pairs, worst);
  }

  static double[][] readLinkage(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    double[][] z = new double[lines.size()][];
    for (int i = 0; i < z.length; i++) {
      z[i] = java.util.Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
    }
    return z;
  }

  static void resetPeaks() {
    System.gc();
    for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == java.lang.management.MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  /** Sum of the heap pools' peak usage since {@link #resetPeaks()} (an upper bound of the peak heap). */
  static long peakHeapMiB() {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == java.lang.management.MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

  static void large() {
    int n = 100_000;
    Dataset x = blobs(n, 8, 3);
    System.out.println("max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    Bench b = new Bench("n = 100,000, d = 8, O(n)-memory variants, heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB");
    b.record("clusterlab single (MST, on the fly)", 0, 1,
        () -> new Agglomerative(Linkage.SINGLE, Metric.EUCLIDEAN, Storage.AUTO, 0).fit(x, Progress.NONE),
        HierarchicalBench::describe);
    b.record("clusterlab ward (centroid NN-chain)", 0, 1,
        () -> new Agglomerative(Linkage.WARD, Metric.EUCLIDEAN, Storage.AUTO, 0).fit(x, Progress.NONE),
        HierarchicalBench::describe);
    System.out.println(b.table("clusterlab single (MST, on the fly)"));
  }
}
