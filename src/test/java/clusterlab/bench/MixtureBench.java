package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.mixture.CovarianceType;
import clusterlab.core.mixture.EmOptions;
import clusterlab.core.mixture.GaussianMixture;
import clusterlab.core.mixture.Gaussians;
import clusterlab.core.mixture.MixtureModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import weka.clusterers.EM;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/**
 * Gaussian mixture benchmark (issue 15), side by side in one run: ClusterLab's EM against
 * scikit-learn's GaussianMixture (Debian python3-sklearn through tools/bench/sklearn_gmm.py, same data,
 * same initial means, uniform weights and identity covariances, same thread count) and Weka's EM
 * ({@code -I 50 -N 32}, diagonal covariances, its own k-means start), on 100k x 16 blobs with k = 32 and 50
 * iterations (tolerance 0, so every implementation runs exactly 50 iterations; Weka's EM may stop earlier
 * when its log-likelihood improves by less than 1e-6).
 *
 * <p>{@code mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.MixtureBench [-Dexec.args="diag full weka"] [-Dbench.reps=3]}
 */
public final class MixtureBench {

  static final int N = 100_000;
  static final int D = 16;
  static final int K = 32;
  static final int ITERATIONS = 50;
  static final int THREADS = 2;
  /** Timed fits per implementation after one warm-up (the median is kept): -Dbench.reps, default 3. */
  static final int REPS = Integer.getInteger("bench.reps", 3);

  private MixtureBench() {
  }

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("diag", "full", "weka") : Arrays.asList(args);
    Random r = new Random(15);
    double[] centres = new double[K * D];
    for (int t = 0; t < centres.length; t++) {
      centres[t] = -5 + 10 * r.nextDouble();
    }
    double[] v = new double[N * D];
    for (int i = 0; i < N; i++) {
      int c = r.nextInt(K);
      for (int j = 0; j < D; j++) {
        v[i * D + j] = centres[c * D + j] + r.nextGaussian() * (0.5 + (j % 4) * 0.25);
      }
    }
    Dataset data = Dataset.of(v, N, D);
    double[] means = new double[K * D];
    for (int c = 0; c < K; c++) {
      System.arraycopy(v, r.nextInt(N) * D, means, c * D, D);
    }
    Path dir = Files.createTempDirectory("mixture-bench");
    Path dataFile = dir.resolve("data.bin");
    Path meansFile = dir.resolve("means.bin");
    Bench.writeRaw(dataFile, v);
    Bench.writeRaw(meansFile, means);
    double[] weights = new double[K];
    Arrays.fill(weights, 1.0 / K);
    System.out.println("load before: " + Files.readString(Path.of("/proc/loadavg")).trim());
    for (String type : List.of("diag", "full")) {
      if (!parts.contains(type)) {
        continue;
      }
      CovarianceType ct = CovarianceType.valueOf(type.toUpperCase(Locale.ROOT));
      Bench bench = new Bench("Gaussian mixture, " + type + " covariance, " + N + " x " + D + ", k = " + K + ", "
          + ITERATIONS + " iterations, " + THREADS + " threads");
      Gaussians start = new Gaussians(ct, K, D, means, identity(ct));
      bench.record("ClusterLab", 1, REPS, () -> new GaussianMixture(K, ct,
          EmOptions.builder().maxIterations(ITERATIONS).tolerance(0).threads(THREADS).build())
              .fitFrom(data, weights, start, Progress.NONE),
          m -> String.format(Locale.ROOT, "%d iterations, log L %.6f", m.iterations(), m.logLikelihood()));
      String[] out = Bench.run(List.of("/usr/bin/python3", "tools/bench/sklearn_gmm.py", dataFile.toString(),
          meansFile.toString(), "" + N, "" + D, "" + K, type, "" + ITERATIONS, "" + THREADS, "" + REPS)).trim().split(" ");
      bench.recordExternal("scikit-learn 1.2", Double.parseDouble(out[0]),
          String.format(Locale.ROOT, "%s iterations, log L %.6f", out[1], Double.parseDouble(out[2])));
      if (type.equals("diag") && parts.contains("weka")) {
        Instances inst = instances(v);
        bench.record("Weka EM", 0, 1, () -> {
          try {
            EM em = new EM();
            em.setOptions(new String[] {"-I", "" + ITERATIONS, "-N", "" + K, "-S", "1", "-num-slots", "" + THREADS});
            em.buildClusterer(inst);
            return em;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, em -> "-I " + ITERATIONS + " -N " + K + " (own k-means start)");
      }
      System.out.println(bench.table("ClusterLab"));
    }
    System.out.println("load after: " + Files.readString(Path.of("/proc/loadavg")).trim());
  }

  static double[] identity(CovarianceType type) {
    switch (type) {
      case FULL: {
        double[] c = new double[K * D * D];
        for (int k = 0; k < K; k++) {
          for (int j = 0; j < D; j++) {
            c[k * D * D + j * D + j] = 1;
          }
        }
        return c;
      }
      case DIAG: {
        double[] c = new double[K * D];
        Arrays.fill(c, 1);
        return c;
      }
      default:
        throw new IllegalArgumentException("bench covers diag and full");
    }
  }

  static Instances instances(double[] v) {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < D; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances inst = new Instances("blobs", atts, N);
    for (int i = 0; i < N; i++) {
      inst.add(new DenseInstance(1, Arrays.copyOfRange(v, i * D, i * D + D)));
    }
    return inst;
  }
}
