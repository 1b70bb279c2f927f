package clusterlab.bench.peers;

import clusterlab.bench.Bench;

import clusterlab.core.Dataset;
import clusterlab.core.density.Dbscan;
import clusterlab.core.density.DbscanModel;
import clusterlab.core.density.Hdbscan;
import clusterlab.core.density.HdbscanModel;
import clusterlab.core.density.KDistance;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.NeighborIndexes;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.Model;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.EuclideanDistance;
import elki.index.tree.spatial.kd.SmallMemoryKDTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Density clustering benchmark (issue 7). Sections, chosen by arguments (default: all):
 * <ul>
 * <li>{@code dbscan2d}: DBSCAN on 1,000,000 two-dimensional points vs ELKI 0.8.0 (with its k-d
 * tree), Smile 3.1.1 and scikit-learn;</li>
 * <li>{@code dbscan10d}: the same on 100,000 ten-dimensional points;</li>
 * <li>{@code grid}: issue 19's DBSCAN workload, 1,000,000 x 2, eps 0.5, minPts 10: the exact grid at 1 and 2
 * threads, the k-d tree path at 1 and 2 threads and ELKI 0.8.0 with its k-d tree, each checked to give ELKI's
 * noise set and core partition;</li>
 * <li>{@code weka}: vs the optics_dbScan package's DBSCAN at n = 20,000 (same result checked);</li>
 * <li>{@code hdbscan}: HDBSCAN on 20,000, 100,000 and 1,000,000 x 2 and 100,000 x 10 at 1 and 2 threads; at
 * 20,000 also the quadratic Prim (labels must be identical) and R dbscan::hdbscan (R builds a dense distance
 * matrix, so it runs at 20,000 only); {@code hdbscan=NxD,...} runs only the shapes listed (e.g.
 * {@code hdbscan=100000x2,100000x10}).</li>
 * </ul>
 * Run with {@code MAVEN_OPTS=-Xmx2g mvn -q -B -Pbench test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=clusterlab.bench.peers.DensityBench [-Dexec.args=...]}.
 */
public final class DensityBench {

  private DensityBench() {
  }

  /** Gaussian blobs (sd 1, about 4,750 rows each) in [0, 100]^d, plus 5% uniform noise. */
  static double[] blobs(int n, int d, double box, int perBlob, long seed) {
    Random r = new Random(seed);
    int noise = n / 20;
    int blobs = Math.max(1, (n - noise) / perBlob);
    double[][] centres = new double[blobs][d];
    for (double[] c : centres) {
      for (int j = 0; j < d; j++) {
        c[j] = r.nextDouble() * box;
      }
    }
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      if (i % 20 == 19) {
        for (int j = 0; j < d; j++) {
          v[i * d + j] = r.nextDouble() * box;
        }
      } else {
        double[] c = centres[r.nextInt(blobs)];
        for (int j = 0; j < d; j++) {
          v[i * d + j] = c[j] + r.nextGaussian();
        }
      }
    }
    return v;
  }

  static double[][] rows(double[] v, int n, int d) {
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = Arrays.copyOfRange(v, i * d, i * d + d);
    }
    return out;
  }

  static String describe(int[] labels) {
    int max = -1;
    int noise = 0;
    for (int l : labels) {
      max = Math.max(max, l);
      noise += l < 0 ? 1 : 0;
    }
    return (max + 1) + " clusters, " + noise + " noise";
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("dbscan2d", "dbscan10d", "weka", "hdbscan") : Arrays.asList(args);
    StringBuilder all = new StringBuilder();
    if (parts.contains("dbscan2d")) {
      all.append(dbscan(1_000_000, 2, 100, 0.1, 10, 1)).append('\n');
    }
    if (parts.contains("grid")) {
      all.append(dbscanGrid(1_000_000, 0.5, 10)).append('\n');
    }
    if (parts.contains("dbscan10d")) {
      all.append(dbscan(100_000, 10, 20, Double.NaN, 10, 2)).append('\n');
    }
    if (parts.contains("weka")) {
      all.append(vsWekaPackage()).append('\n');
    }
    if (parts.contains("hdbscan")) {
      all.append(hdbscan(new int[][] {{20_000, 2}, {100_000, 2}, {1_000_000, 2}, {100_000, 10}})).append('\n');
    }
    for (String part : parts) {
      if (part.startsWith("hdbscan=")) { // hdbscan=NxD,NxD,...: only these shapes
        all.append(hdbscan(Arrays.stream(part.substring("hdbscan=".length()).split(","))
            .map(x -> Arrays.stream(x.split("x")).mapToInt(Integer::parseInt).toArray()).toArray(int[][]::new))).append('\n');
      }
    }
    System.out.println(all);
  }

  static String dbscan(int n, int d, double box, double epsGiven, int minPts, long seed) throws Exception {
    double[] v = blobs(n, d, box, 4750, seed);
    Dataset data = Dataset.of(v, n, d);
    double eps = epsGiven;
    if (Double.isNaN(eps)) { // the median k-distance: about half the rows are core points
      double[] curve = KDistance.curve(NeighborIndexes.auto(data, Metric.EUCLIDEAN), data, minPts - 1, 0);
      eps = Math.rint(curve[n / 2] * 1000) / 1000;
    }
    final double e = eps;
    Bench b = new Bench(String.format(Locale.ROOT, "DBSCAN, %,d x %d (blobs + 5%% noise), eps = %s, minPts = %d", n, d, e, minPts));
    b.record("ClusterLab Dbscan", 1, 3,
        () -> new Dbscan(e, minPts, Metric.EUCLIDEAN, NeighborIndexes.Kind.AUTO, 0).fit(data, null),
        m -> describe(m.labels()) + ", " + m.coreCount() + " core");
    double[][] r = rows(v, n, d);
    b.record("ELKI 0.8.0 DBSCAN + SmallMemoryKDTree", 1, 3, () -> {
      Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(r),
          List.of(new SmallMemoryKDTree.Factory<NumberVector>()));
      db.initialize();
      Relation<NumberVector> rel = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
      return new elki.clustering.dbscan.DBSCAN<NumberVector>(EuclideanDistance.STATIC, e, minPts).run(rel);
    }, DensityBench::describeElki);
    b.record("Smile 3.1.1 DBSCAN (KDTree)", 0, 1, () -> smile.clustering.DBSCAN.fit(r, minPts, e),
        m -> m.k + " clusters, " + countNoise(m.y, m.k) + " noise");
    Path csv = Files.createTempFile("density-bench", ".csv");
    Bench.writeCsv(csv, v, n, d);
    String[] out = Bench.run(List.of("/usr/bin/python3", "tools/bench/sklearn_dbscan.py", csv.toString(),
        Double.toString(e), Integer.toString(minPts), "3")).trim().split(" ");
    b.recordExternal("scikit-learn 1.2 DBSCAN (n_jobs=-1)", Double.parseDouble(out[0]), out[1] + " clusters, " + out[2] + " noise");
    Files.deleteIfExists(csv);
    String t = b.table("ClusterLab Dbscan");
    System.out.println(t);
    return t;
  }

  /** The grid against the tree path and ELKI, same data as {@code dbscan2d}, every result checked against ELKI's. */
  static String dbscanGrid(int n, double eps, int minPts) {
    int d = 2;
    double[] v = blobs(n, d, 100, 4750, 1);
    Dataset data = Dataset.of(v, n, d);
    Bench b = new Bench(String.format(Locale.ROOT, "DBSCAN, %,d x %d (blobs + 5%% noise), eps = %s, minPts = %d: grid vs k-d tree vs ELKI",
        n, d, eps, minPts));
    double[][] r = rows(v, n, d);
    int[] elki = b.record("ELKI 0.8.0 DBSCAN + SmallMemoryKDTree (1 thread)", 1, 3, () -> {
      Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(r),
          List.of(new SmallMemoryKDTree.Factory<NumberVector>()));
      db.initialize();
      Relation<NumberVector> rel = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
      return elkiLabels(new elki.clustering.dbscan.DBSCAN<NumberVector>(EuclideanDistance.STATIC, eps, minPts).run(rel),
          rel, n);
    }, DensityBench::describe);
    String base = null;
    for (NeighborIndexes.Kind kind : new NeighborIndexes.Kind[] {NeighborIndexes.Kind.GRID, NeighborIndexes.Kind.KD_TREE}) {
      for (int threads : new int[] {1, 2}) {
        String name = "ClusterLab Dbscan, " + (kind == NeighborIndexes.Kind.GRID ? "grid (auto)" : "k-d tree") + ", "
            + threads + (threads == 1 ? " thread" : " threads");
        base = base == null ? name : base;
        b.record(name, 1, 3, () -> new Dbscan(eps, minPts, Metric.EUCLIDEAN, kind, threads).fit(data, null),
            m -> describe(m.labels()) + ", " + m.coreCount() + " core; vs ELKI: " + sameResult(m.labels(), elki, m));
      }
    }
    String t = b.table(base);
    System.out.println(t);
    return t;
  }

  /** ELKI's clustering as labels by row (noise -1), rows in the order the array adapter loaded them. */
  static int[] elkiLabels(Clustering<Model> c, Relation<NumberVector> rel, int n) {
    elki.database.ids.DBIDRange ids = (elki.database.ids.DBIDRange) rel.getDBIDs();
    int[] out = new int[n];
    int label = 0;
    for (Cluster<Model> cl : c.getAllClusters()) {
      int l = cl.isNoise() ? -1 : label++;
      for (elki.database.ids.DBIDIter it = cl.getIDs().iter(); it.valid(); it.advance()) {
        out[ids.getOffset(it)] = l;
      }
    }
    return out;
  }

  private static int countNoise(int[] y, int k) {
    int c = 0;
    for (int l : y) {
      c += (l < 0 || l == k || l == Integer.MAX_VALUE) ? 1 : 0; // Smile marks outliers with OUTLIER = Integer.MAX_VALUE
    }
    return c;
  }

  private static String describeElki(Clustering<Model> c) {
    int clusters = 0;
    int noise = 0;
    for (Cluster<Model> cl : c.getAllClusters()) {
      if (cl.isNoise()) {
        noise += cl.size();
      } else {
        clusters++;
      }
    }
    return clusters + " clusters, " + noise + " noise";
  }

  static Instances instances(double[] v, int n, int d) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances data = new Instances("bench", atts, n);
    for (int i = 0; i < n; i++) {
      data.add(new DenseInstance(1.0, Arrays.copyOfRange(v, i * d, i * d + d)));
    }
    return data;
  }

  static String vsWekaPackage() throws Exception {
    int n = 20_000;
    int d = 2;
    double eps = 0.1;
    int minPts = 10;
    double[] v = blobs(n, d, 100 * Math.sqrt(n / 1_000_000.0), 4750, 3); // same density as the 1M set
    Instances data = instances(v, n, d);
    Bench b = new Bench(String.format(Locale.ROOT, "DBSCAN vs the optics_dbScan package, %,d x %d, eps = %s, minPts = %d", n, d, eps, minPts));
    weka.clusterers.density.DBSCAN ours = new weka.clusterers.density.DBSCAN();
    ours.setOptions(new String[] {"-E", Double.toString(eps), "-M", Integer.toString(minPts)});
    b.record("ClusterLab weka.clusterers.density.DBSCAN", 1, 5, () -> {
      try {
        ours.buildClusterer(data);
        return ours.getModel().labels();
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    }, DensityBench::describe);
    int[] mine = ours.getModel().labels();
    weka.clusterers.DBSCAN theirs = new weka.clusterers.DBSCAN();
    theirs.setEpsilon(eps);
    theirs.setMinPoints(minPts);
    weka.core.EuclideanDistance dist = new weka.core.EuclideanDistance();
    dist.setDontNormalize(true);
    theirs.setDistanceFunction(dist);
    int[] other = b.record("optics_dbScan 1.0.6 weka.clusterers.DBSCAN", 0, 1, () -> {
      try {
        theirs.buildClusterer(data);
        int[] l = new int[n];
        for (int i = 0; i < n; i++) { // its clusterInstance returns the training labels in order
          try {
            l[i] = theirs.clusterInstance(data.instance(i));
          } catch (Exception noise) {
            l[i] = -1;
          }
        }
        return l;
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    }, DensityBench::describe);
    String same = sameResult(mine, other, ours.getModel());
    b.recordExternal("(result check)", b.seconds("ClusterLab weka.clusterers.density.DBSCAN"), same);
    String t = b.table("ClusterLab weka.clusterers.density.DBSCAN");
    System.out.println(t);
    return t;
  }

  /** Noise sets and the partition of core points must agree; border points may go to either adjacent cluster. */
  static String sameResult(int[] mine, int[] other, DbscanModel m) {
    int noiseDiff = 0;
    java.util.Map<Integer, Integer> fwd = new java.util.HashMap<>();
    java.util.Map<Integer, Integer> back = new java.util.HashMap<>();
    int conflicts = 0;
    for (int i = 0; i < mine.length; i++) {
      if ((mine[i] < 0) != (other[i] < 0)) {
        noiseDiff++;
      } else if (mine[i] >= 0 && m.isCore(i)) {
        Integer a = fwd.putIfAbsent(mine[i], other[i]);
        Integer c = back.putIfAbsent(other[i], mine[i]);
        if ((a != null && a != other[i]) || (c != null && c != mine[i])) {
          conflicts++;
        }
      }
    }
    return "noise rows differing: " + noiseDiff + ", core rows breaking the one-to-one cluster map: " + conflicts
        + (noiseDiff == 0 && conflicts == 0 ? " (same result)" : " (DIFFERENT)");
  }

  /**
   * HDBSCAN (issue 19): the automatic MST (tree Prim up to 3 columns, dense Prim above) at 1 and 2 threads on 20,000 / 100,000 / 1,000,000 x 2 and
   * 100,000 x 10, with the peak heap of each workload; at 20,000 also the quadratic path (linear
   * scan, the previous implementation), whose labels must be identical, and R's dbscan::hdbscan.
   */
  static String hdbscan(int[][] shapes) throws Exception {
    StringBuilder sb = new StringBuilder();
    int minPts = 10;
    for (int[] shape : shapes) {
      int n = shape[0];
      int d = shape[1];
      double[] v = blobs(n, d, 100 * Math.pow(n / 1_000_000.0, 1.0 / d), 4750, 4);
      Dataset data = Dataset.of(v, n, d);
      Bench b = new Bench(String.format(Locale.ROOT, "HDBSCAN, %,d x %d, minPts = %d (R convention)", n, d, minPts));
      int[] ref = null;
      if (n <= 20_000) {
        ref = b.record("ClusterLab Hdbscan, quadratic Prim (linear scan), 2 threads", 0, 3,
            () -> Hdbscan.builder(minPts).indexKind(NeighborIndexes.Kind.LINEAR_SCAN).threads(2).build()
                .fit(data, null).labels(), DensityBench::describe);
      }
      String base = null;
      for (int threads : new int[] {1, 2}) {
        String name = "ClusterLab Hdbscan (MST: tree Prim up to 3 columns, else dense Prim), " + threads + (threads == 1 ? " thread" : " threads");
        base = base == null ? name : base;
        int[] want = ref;
        java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        System.gc();
        b.record(name, n >= 1_000_000 ? 0 : 1, 3, () -> Hdbscan.likeR(minPts, Metric.EUCLIDEAN, threads).fit(data, null),
            (HdbscanModel m) -> describe(m.labels()) + (want == null ? "" : Arrays.equals(want, m.labels())
                ? "; labels identical to the quadratic Prim's" : "; labels DIFFER from the quadratic Prim's")
                + "; peak heap " + peakHeapMiB() + " MiB");
      }
      if (n <= 20_000) {
        Path csv = Files.createTempFile("density-bench", ".csv");
        Bench.writeCsv(csv, v, n, d);
        String[] out = Bench.run(List.of("/usr/bin/Rscript", "tools/bench/r_hdbscan.R", csv.toString(),
            Integer.toString(minPts), "3")).trim().split(" ");
        b.recordExternal("R dbscan 1.1-11 hdbscan", Double.parseDouble(out[0]), out[1] + " clusters, " + out[2] + " noise");
        Files.deleteIfExists(csv);
      }
      String t = b.table(base);
      System.out.println(t);
      sb.append(t).append('\n');
    }
    return sb.toString();
  }

  /** Peak heap use since the last reset, over all heap pools (an upper bound: pools peak at different times). */
  static long peakHeapMiB() {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }

}
