package clusterlab.bench;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.tsne.PartialEmbedding;
import clusterlab.core.tsne.TSNE;
import clusterlab.core.tsne.TransformOptions;
import clusterlab.core.tsne.TsneOptions;
import clusterlab.core.tsne.TsneResult;
import clusterlab.core.tsne.TsneTransform;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * New points into a large t-SNE embedding (issue 19): the t-SNE benchmark's 20-cluster Gaussian
 * mixture in 50 dimensions (seed 43, {@link TsneBench#mixture}), the first {@code n} rows embedded
 * with the defaults (cached in target/bench/ so the transform can be timed again without refitting),
 * the last {@code m} rows embedded into it by openTSNE's transform ({@link TsneTransform}) and by the
 * neighbour average ({@link TsneResult#place}): time (and the part of it spent finding the neighbours and the
 * median start), mean KL of the new points before and after, and
 * the neighbourhood preserved (of a new point's 10 nearest training rows in the input, the share
 * among its 10 nearest training points in the embedding, over a sample of 500 new points).
 *
 * <p>Arguments: {@code n} (60000), {@code m} (10000), {@code threads} (2). Run with
 * {@code MAVEN_OPTS=-Xmx4g}.
 */
public final class TsneTransformBench {

  private static final int D = 50;
  private static final int SAMPLE = 500;
  private static final int K = 10;

  private TsneTransformBench() {
  }

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 60000;
    int m = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    double[] x = TsneBench.mixture(n + m, D, 20, 43);
    Dataset train = Dataset.of(Arrays.copyOf(x, n * D), n, D);
    Dataset fresh = Dataset.of(Arrays.copyOfRange(x, n * D, (n + m) * D), m, D);
    TsneResult r = embedding(train, threads);
    System.out.printf(Locale.ROOT, "%d new points into %d x %d, %d threads, load %s%n", m, n, D, threads,
        TsneBench.load());
    long t0 = System.nanoTime();
    VpTree index = new VpTree(train, Metric.EUCLIDEAN);
    System.out.printf(Locale.ROOT, "vantage-point tree over the training rows: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    t0 = System.nanoTime();
    long cpu0 = TsneBench.cpuNanos();
    PartialEmbedding p = new TsneTransform(TransformOptions.builder().threads(threads).build())
        .transform(r, train, index, fresh, Progress.NONE);
    System.out.printf(Locale.ROOT, "transform: %.1f s (CPU %.1f s), mean KL %.4f -> %.4f, load %s%n",
        (System.nanoTime() - t0) / 1e9, (TsneBench.cpuNanos() - cpu0) / 1e9, p.klCurve()[0][1], p.klDivergence(),
        TsneBench.load());
    t0 = System.nanoTime();
    cpu0 = TsneBench.cpuNanos();
    new TsneTransform(TransformOptions.builder().iterations(0).threads(threads).build())
        .transform(r, train, index, fresh, Progress.NONE);
    System.out.printf(Locale.ROOT, "of which neighbours and median start (0 iterations): %.1f s (CPU %.1f s), load %s%n",
        (System.nanoTime() - t0) / 1e9, (TsneBench.cpuNanos() - cpu0) / 1e9, TsneBench.load());
    t0 = System.nanoTime();
    cpu0 = TsneBench.cpuNanos();
    double[] placed = r.place(train, index, fresh, threads);
    System.out.printf(Locale.ROOT, "place: %.1f s (CPU %.1f s), load %s%n", (System.nanoTime() - t0) / 1e9,
        (TsneBench.cpuNanos() - cpu0) / 1e9, TsneBench.load());
    System.out.printf(Locale.ROOT, "neighbourhood preserved (10-NN, %d sampled new points): transform %.4f, place %.4f%n",
        SAMPLE, preserved(r, index, fresh, p.embedding()), preserved(r, index, fresh, placed));
  }

  /** The embedding of the training rows, fitted once and kept in target/bench/. */
  private static TsneResult embedding(Dataset train, int threads) throws IOException, ClassNotFoundException {
    Path file = Path.of("target", "bench", "tsne_transform_" + train.n() + ".ser");
    if (Files.exists(file)) {
      try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
        return (TsneResult) in.readObject();
      }
    }
    long t0 = System.nanoTime();
    TsneResult r = new TSNE(TsneOptions.builder().threads(threads).build()).fit(train, 0, (stage, fraction, message) ->
        System.out.printf(Locale.ROOT, "fit %7.1f s  %s%n", (System.nanoTime() - t0) / 1e9, message));
    Files.createDirectories(file.getParent());
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
      out.writeObject(r);
    }
    return r;
  }

  /** Mean share of the input-space 10 nearest training rows among the embedding-space 10 nearest, over a sample. */
  private static double preserved(TsneResult r, VpTree index, Dataset fresh, double[] y) {
    int step = Math.max(1, fresh.n() / SAMPLE);
    int[] rows = new int[K];
    double[] dist = new double[K];
    double sum = 0;
    int count = 0;
    for (int i = 0; i < fresh.n() && count < SAMPLE; i += step, count++) {
      index.knn(fresh.values(), i * D, K, -1, rows, dist);
      int[] near = nearestEmbedded(r, y[2 * i], y[2 * i + 1]);
      int hit = 0;
      for (int a : rows) {
        for (int b : near) {
          hit += a == b ? 1 : 0;
        }
      }
      sum += (double) hit / K;
    }
    return sum / count;
  }

  private static int[] nearestEmbedded(TsneResult r, double qx, double qy) {
    int[] best = new int[K];
    double[] bestD = new double[K];
    Arrays.fill(bestD, Double.POSITIVE_INFINITY);
    for (int j = 0; j < r.n(); j++) {
      double dx = r.get(j, 0) - qx;
      double dy = r.get(j, 1) - qy;
      double d = dx * dx + dy * dy;
      if (d < bestD[K - 1]) {
        int pos = K - 1;
        while (pos > 0 && bestD[pos - 1] > d) {
          bestD[pos] = bestD[pos - 1];
          best[pos] = best[pos - 1];
          pos--;
        }
        bestD[pos] = d;
        best[pos] = j;
      }
    }
    return best;
  }
}
