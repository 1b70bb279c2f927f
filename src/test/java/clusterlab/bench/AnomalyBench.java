package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.anomaly.AnomalyDetector;
import clusterlab.core.anomaly.AnomalyMethod;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.AnomalyScore;

/**
 * Anomaly scores benchmark (issue 15), side by side in one run, every peer's scores checked against ClusterLab's:
 * <ul>
 * <li>{@code lof}: the local outlier factor (k = 20, scikit-learn's default) against scikit-learn's
 * {@code LocalOutlierFactor} (Debian python3-sklearn through tools/bench/sklearn_anomaly.py), 1 and 2 threads on
 * both sides ({@code n_jobs}); also the {@code AnomalyScore} filter end to end (Weka Instances in and out);</li>
 * <li>{@code knn}: the distance to the k-th nearest neighbour (k = 10, the filter's default) against scikit-learn's
 * {@code NearestNeighbors.kneighbors()};</li>
 * <li>{@code glosh}: GLOSH (minPts 10) against R's {@code dbscan::glosh} (Debian r-cran-dbscan, one thread, through
 * tools/bench/r_glosh.R); R builds the full distance matrix, so this runs on fewer rows.</li>
 * </ul>
 * Data: 8-dimensional (2-dimensional for glosh) Gaussian blobs of different spreads and 2% uniform outliers, seed 15.
 * Agreement is the maximum absolute difference of the scores over all rows (and the largest relative one).
 *
 * <p>{@code mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.AnomalyBench [-Dexec.args="lof knn glosh"] [-Dbench.n=100000]
 * [-Dbench.glosh.n=10000] [-Dbench.reps=3]}
 */
public final class AnomalyBench {

  static final int N = Integer.getInteger("bench.n", 100_000);
  static final int GLOSH_N = Integer.getInteger("bench.glosh.n", 10_000);
  static final int D = 8;
  static final int REPS = Integer.getInteger("bench.reps", 3);

  private AnomalyBench() {
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("lof", "knn", "glosh") : Arrays.asList(args);
    System.out.println("load before: " + load());
    Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "anomaly-bench");
    if (parts.contains("lof") || parts.contains("knn")) {
      double[] v = blobs(N, D, 15);
      Path data = dir.resolve("data.bin");
      Bench.writeRaw(data, v);
      if (parts.contains("lof")) {
        neighbours("lof", AnomalyMethod.LOF, 20, v, data, dir);
      }
      if (parts.contains("knn")) {
        neighbours("knn", AnomalyMethod.KNN, 10, v, data, dir);
      }
    }
    if (parts.contains("glosh")) {
      glosh(dir);
    }
    System.out.println("load after: " + load());
  }

  /** LOF or k-NN distance: ClusterLab at 1 and 2 threads against scikit-learn at n_jobs 1 and 2. */
  static void neighbours(String name, AnomalyMethod method, int k, double[] v, Path data, Path dir) throws IOException {
    Dataset ds = Dataset.of(v, N, D);
    Bench b = new Bench(name + ", " + N + " x " + D + ", k = " + k + " (median of " + REPS + ")");
    double[][] ours = new double[3][];
    for (int threads = 1; threads <= 2; threads++) {
      int t = threads;
      ours[t] = b.record("ClusterLab, " + t + " thread" + (t > 1 ? "s" : ""), 1, REPS,
          () -> AnomalyDetector.builder(method).neighbours(k).threads(t).build().fit(ds, 1, null).trainingScores(),
          s -> summary(s));
    }
    for (int jobs = 1; jobs <= 2; jobs++) {
      Path out = dir.resolve(name + "-sk" + jobs + ".bin");
      String secs = Bench.run(List.of("/usr/bin/python3", "tools/bench/sklearn_anomaly.py", data.toString(), "" + N,
          "" + D, name, "" + k, "" + jobs, "" + REPS, out.toString())).trim();
      double[] theirs = Bench.readRaw(out);
      b.recordExternal("scikit-learn 1.2, n_jobs " + jobs, Double.parseDouble(secs), agreement(ours[2], theirs));
    }
    if (method == AnomalyMethod.LOF) {
      Instances inst = HierarchicalBench.toInstances(ds);
      b.record("AnomalyScore filter (Weka Instances in and out), 2 threads", 1, REPS, () -> {
        try {
          AnomalyScore f = new AnomalyScore();
          f.setOptions(new String[] {"-method", "lof", "-K", "" + k, "-num-threads", "2"});
          f.setInputFormat(inst);
          Instances o = Filter.useFilter(inst, f);
          double[] s = new double[N];
          for (int i = 0; i < N; i++) {
            s[i] = o.instance(i).value(D);
          }
          return s;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, s -> agreement(ours[2], s) + " (vs the core)");
    }
    System.out.println(b.table("ClusterLab, 1 thread"));
    System.out.println("1 vs 2 threads of ClusterLab: " + agreement(ours[1], ours[2]) + "\n");
  }

  /** GLOSH at minPts 10 against R dbscan::glosh (R: one thread, full distance matrix). */
  static void glosh(Path dir) throws IOException {
    int n = GLOSH_N;
    int d = 2;
    int minPts = 10;
    double[] v = blobs(n, d, 17);
    Dataset ds = Dataset.of(v, n, d);
    Bench b = new Bench("GLOSH, " + n + " x " + d + ", minPts = " + minPts + " (median of " + REPS + ")");
    double[][] ours = new double[3][];
    for (int threads = 1; threads <= 2; threads++) {
      int t = threads;
      ours[t] = b.record("ClusterLab, " + t + " thread" + (t > 1 ? "s" : ""), 1, REPS,
          () -> AnomalyDetector.builder(AnomalyMethod.GLOSH).neighbours(minPts).threads(t).build().fit(ds, 1, null)
              .trainingScores(), s -> summary(s));
    }
    Path csv = dir.resolve("glosh.csv");
    Path out = dir.resolve("glosh-r.csv");
    Bench.writeCsv(csv, v, n, d);
    String secs = Bench.run(List.of("/usr/bin/Rscript", "tools/bench/r_glosh.R", csv.toString(), "" + minPts,
        "" + REPS, out.toString())).trim();
    double[] theirs = Files.readAllLines(out).stream().mapToDouble(Double::parseDouble).toArray();
    b.recordExternal("R dbscan 1.1-11 glosh, 1 thread", Double.parseDouble(secs), agreement(ours[1], theirs));
    System.out.println(b.table("ClusterLab, 1 thread"));
    System.out.println("1 vs 2 threads of ClusterLab: " + agreement(ours[1], ours[2]) + "\n");
  }

  /** Blobs of different spreads in [-10, 10]^d plus 2% uniform outliers in a box 1.5 times as wide. */
  static double[] blobs(int n, int d, long seed) {
    Random r = new Random(seed);
    int k = 10;
    double[] centres = new double[k * d];
    for (int t = 0; t < centres.length; t++) {
      centres[t] = -10 + 20 * r.nextDouble();
    }
    double[] v = new double[n * d];
    for (int i = 0; i < n; i++) {
      boolean outlier = r.nextDouble() < 0.02;
      int c = r.nextInt(k);
      double spread = 0.3 + 0.2 * c;
      for (int j = 0; j < d; j++) {
        v[i * d + j] = outlier ? -15 + 30 * r.nextDouble() : centres[c * d + j] + spread * r.nextGaussian();
      }
    }
    return v;
  }

  static String summary(double[] s) {
    double max = Double.NEGATIVE_INFINITY;
    double sum = 0;
    for (double x : s) {
      max = Math.max(max, x);
      sum += x;
    }
    return String.format(Locale.ROOT, "mean score %.6f, max %.6f", sum / s.length, max);
  }

  /** Maximum absolute and relative difference over all rows; a length mismatch or a NaN is reported as such. */
  static String agreement(double[] a, double[] b) {
    if (a.length != b.length) {
      return "LENGTHS DIFFER: " + a.length + " vs " + b.length;
    }
    double abs = 0;
    double rel = 0;
    int worst = -1;
    for (int i = 0; i < a.length; i++) {
      double diff = Math.abs(a[i] - b[i]);
      if (Double.isNaN(diff)) {
        return "NaN at row " + i + ": " + a[i] + " vs " + b[i];
      }
      if (diff > abs) {
        abs = diff;
        worst = i;
      }
      rel = Math.max(rel, diff / Math.max(Math.abs(b[i]), 1e-300));
    }
    if (worst < 0) {
      return "identical (max abs diff 0)";
    }
    return String.format(Locale.ROOT, "max abs diff %.3g (row %d), max rel diff %.3g", abs, worst, rel);
  }

  static String load() throws IOException {
    return Files.readString(Path.of("/proc/loadavg")).trim();
  }
}
