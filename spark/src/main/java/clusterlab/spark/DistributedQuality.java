package clusterlab.spark;

import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.CalinskiHarabasz;
import clusterlab.core.evaluation.DaviesBouldin;
import clusterlab.core.evaluation.Scatter;
import clusterlab.core.kmeans.KMeansModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Cluster quality indices of a k-means model on distributed data, each row labelled with its
 * nearest centroid (the labels of the fit on its training data). Exact, in two passes that send
 * only per-cluster sums: Davies-Bouldin, Calinski-Harabasz, within, between and total sums of
 * squares (read off ClusterLab's own {@link Scatter}, so the same code computes them as on one
 * machine) and the simplified silhouette (Vendramin, Campello and Hruschka 2010). The full
 * silhouette (Rousseeuw 1987) is O(n²); it is estimated from a stratified random sample: each
 * cluster h (N_h rows) gives m_h rows in proportion to its size (at least 2), each sampled row's
 * silhouette is computed exactly against all n rows (one pass of m n distances), and the mean is
 * the stratified estimate sum_h (N_h / N) mean_h, whose standard error
 * sqrt(sum_h (N_h / N)² s_h² / m_h (1 - m_h / N_h)) is reported with it (0 when every row is sampled).
 */
public final class DistributedQuality {

  private DistributedQuality() {
  }

  /** The indices and the silhouette estimate. */
  public static final class Report implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    final Map<String, Double> values = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    /** An index by name (davies_bouldin, calinski_harabasz, within_ss, between_ss, total_ss, simplified_silhouette, silhouette, silhouette_se, ...). */
    public double get(String name) {
      Double v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException("no index '" + name + "'; the report has " + values.keySet());
      }
      return v;
    }

    /** The report as JSON. */
    public String toJson() {
      StringBuilder sb = new StringBuilder("{\n");
      for (Map.Entry<String, Double> e : values.entrySet()) {
        sb.append("  \"").append(e.getKey()).append("\": ").append(json(e.getValue())).append(",\n");
      }
      sb.append("  \"notes\": [");
      for (int i = 0; i < notes.size(); i++) {
        sb.append(i > 0 ? ", " : "").append('"').append(notes.get(i).replace("\"", "'")).append('"');
      }
      return sb.append("]\n}\n").toString();
    }

    /** The report as text. */
    public String toText() {
      StringBuilder sb = new StringBuilder("=== Cluster quality (ClusterLab on Spark, Euclidean) ===\n\n");
      for (Map.Entry<String, Double> e : values.entrySet()) {
        sb.append(String.format(Locale.ROOT, "%-24s %s%n", e.getKey(), json(e.getValue())));
      }
      for (String n : notes) {
        sb.append("note: ").append(n).append('\n');
      }
      return sb.toString();
    }

    private static String json(double v) {
      if (Double.isNaN(v)) {
        return "null";
      }
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
  }

  /**
   * Evaluates {@code model} on {@code data}.
   *
   * @param silhouetteSample rows in the stratified silhouette sample (0: no silhouette)
   * @param seed seed of the sample
   */
  public static Report of(Blocks.Data data, KMeansModel model, int silhouetteSample, long seed) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.rdd().context());
    int k = model.k();
    int d = model.d();
    Broadcast<double[]> cen = jsc.broadcast(model.centroids());
    Report r = new Report();
    try {
      // pass 1: counts, weights and weighted sums per cluster
      Sums s1 = data.rdd().treeAggregate(new Sums(k + k + k * d), (acc, b) -> {
        int[] lab = b.nearest(cen.value(), k);
        for (int i = 0; i < b.n; i++) {
          int c = lab[i];
          double w = b.weight(i);
          acc.hi[c] += 1;
          acc.hi[k + c] += w;
          for (int j = 0; j < d; j++) {
            acc.hi[2 * k + c * d + j] += w * b.values[i * d + j];
          }
        }
        return acc;
      }, Sums::merge, 2);
      double[] v1 = s1.value();
      int present = 0;
      for (int c = 0; c < k; c++) {
        present += v1[c] > 0 ? 1 : 0;
      }
      int[] ids = new int[present];
      int[] dense = new int[k];
      long[] size = new long[present];
      double[] cw = new double[present];
      double[] centroids = new double[present * d];
      double[] mean = new double[d];
      double total = 0;
      for (int c = 0, h = 0; c < k; c++) {
        dense[c] = v1[c] > 0 ? h : -1;
        if (v1[c] > 0) {
          ids[h] = c;
          size[h] = (long) v1[c];
          cw[h] = v1[k + c];
          total += cw[h];
          for (int j = 0; j < d; j++) {
            mean[j] += v1[2 * k + c * d + j];
            centroids[h * d + j] = cw[h] > 0 ? v1[2 * k + c * d + j] / cw[h] : 0;
          }
          h++;
        }
      }
      for (int j = 0; j < d; j++) {
        mean[j] = total > 0 ? mean[j] / total : 0;
      }
      r.values.put("rows", (double) data.n());
      r.values.put("clusters", (double) present);
      // pass 2: within sums of squares, mean distances, total sum of squares, simplified silhouette
      int m = present;
      Sums s2 = data.rdd().treeAggregate(new Sums(2 * m + 2), (acc, b) -> {
        int[] lab = b.nearest(cen.value(), k);
        for (int i = 0; i < b.n; i++) {
          int c = dense[lab[i]];
          double w = b.weight(i);
          int o = c * d;
          int x = i * d;
          double sc = 0;
          double sm = 0;
          for (int t = 0; t < d; t++) {
            double u = b.values[x + t] - centroids[o + t];
            double z = b.values[x + t] - mean[t];
            sc += u * u;
            sm += z * z;
          }
          acc.hi[c] += w * sc;
          acc.hi[m + c] += w * Math.sqrt(sc);
          acc.hi[2 * m] += w * sm;
          if (size[c] > 1) {
            double a = Metric.EUCLIDEAN.between(b.values, x, centroids, o, d);
            double bb = Double.POSITIVE_INFINITY;
            for (int h = 0; h < m; h++) {
              if (h != c) {
                bb = Math.min(bb, Metric.EUCLIDEAN.between(b.values, x, centroids, h * d, d));
              }
            }
            double max = Math.max(a, bb);
            acc.hi[2 * m + 1] += w * (max == 0 ? 0 : (bb - a) / max);
          }
        }
        return acc;
      }, Sums::merge, 2);
      double[] v2 = s2.value();
      double[] wss = java.util.Arrays.copyOf(v2, m);
      double[] dist = java.util.Arrays.copyOfRange(v2, m, 2 * m);
      for (int h = 0; h < m; h++) {
        dist[h] = cw[h] > 0 ? dist[h] / cw[h] : 0;
      }
      Scatter scatter = Scatter.fromSums(ids, cw, centroids, mean, wss, dist, v2[2 * m], 0);
      boolean valid = m >= 2 && m <= data.n() - 1;
      r.values.put("davies_bouldin", valid ? DaviesBouldin.of(scatter) : Double.NaN);
      r.values.put("calinski_harabasz", valid ? CalinskiHarabasz.of(scatter) : Double.NaN);
      r.values.put("simplified_silhouette", valid ? v2[2 * m + 1] / total : Double.NaN);
      r.values.put("within_ss", scatter.withinSS());
      r.values.put("between_ss", scatter.betweenSS());
      r.values.put("total_ss", scatter.totalSS());
      if (!valid) {
        r.notes.add("Davies-Bouldin, Calinski-Harabasz and the silhouettes need 2 to n - 1 non-empty clusters, got " + m);
      }
      if (valid && silhouetteSample > 0) {
        new SampledSilhouette(data, cen, k, dense, size, silhouetteSample, seed).into(r);
      }
      return r;
    } finally {
      cen.destroy();
    }
  }

  /** The stratified silhouette estimate. */
  private static final class SampledSilhouette {
    private final Blocks.Data data;
    private final Broadcast<double[]> cen;
    private final int k;
    private final int[] dense;
    private final long[] size;
    private final int sample;
    private final long seed;

    SampledSilhouette(Blocks.Data data, Broadcast<double[]> cen, int k, int[] dense, long[] size, int sample, long seed) {
      this.data = data;
      this.cen = cen;
      this.k = k;
      this.dense = dense;
      this.size = size;
      this.sample = sample;
      this.seed = seed;
    }

    void into(Report r) {
      int m = size.length;
      int d = data.d();
      long n = 0;
      for (long s : size) {
        n += s;
      }
      int[] quota = new int[m];
      int want = 0;
      for (int h = 0; h < m; h++) {
        long q = Math.round((double) sample * size[h] / n);
        quota[h] = (int) Math.min(size[h], Math.max(Math.min(2, size[h]), q));
        want += quota[h];
      }
      // per cluster, the rows of the smallest hash keys: a uniform sample without replacement
      Broadcast<double[]> c = cen;
      int kk = k;
      int[] dn = dense;
      long sd = seed;
      List<double[]> picked = data.rdd().mapPartitions(it -> {
        List<PriorityQueue<double[]>> heaps = new ArrayList<>();
        for (int h = 0; h < m; h++) {
          heaps.add(new PriorityQueue<>((a, b) -> Double.compare(b[0], a[0])));
        }
        while (it.hasNext()) {
          RowBlock b = it.next();
          int[] lab = b.nearest(c.value(), kk);
          for (int i = 0; i < b.n; i++) {
            int h = dn[lab[i]];
            double key = KMeansParallelInit.uniform(sd, b.firstRow + i);
            PriorityQueue<double[]> heap = heaps.get(h);
            if (heap.size() < quota[h] || key < heap.peek()[0]) {
              double[] e = new double[d + 2];
              e[0] = key;
              e[1] = h;
              System.arraycopy(b.values, i * d, e, 2, d);
              heap.add(e);
              if (heap.size() > quota[h]) {
                heap.poll();
              }
            }
          }
        }
        List<double[]> out = new ArrayList<>();
        heaps.forEach(out::addAll);
        return out.iterator();
      }).collect();
      List<List<double[]>> byCluster = new ArrayList<>();
      for (int h = 0; h < m; h++) {
        byCluster.add(new ArrayList<>());
      }
      for (double[] e : picked) {
        byCluster.get((int) e[1]).add(e);
      }
      List<double[]> rows = new ArrayList<>();
      int[] rowCluster = new int[want];
      for (int h = 0; h < m; h++) {
        List<double[]> l = byCluster.get(h);
        l.sort((a, b) -> Double.compare(a[0], b[0]));
        for (double[] e : l.subList(0, quota[h])) {
          rowCluster[rows.size()] = h;
          rows.add(java.util.Arrays.copyOfRange(e, 2, 2 + d));
        }
      }
      int s = rows.size();
      double[] flat = KMeansParallelInit.flatten(rows, d);
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(data.rdd().context());
      Broadcast<double[]> sb = jsc.broadcast(flat);
      double[] sums;
      try {
        // one pass: distance sums from every sampled row to every cluster
        sums = data.rdd().treeAggregate(new Sums(s * m), (acc, b) -> {
          int[] lab = b.nearest(c.value(), kk);
          double[] q = sb.value();
          for (int i = 0; i < b.n; i++) {
            int h = dn[lab[i]];
            for (int t = 0; t < s; t++) {
              acc.hi[t * m + h] += Metric.EUCLIDEAN.between(q, t * d, b.values, i * d, d);
            }
          }
          return acc;
        }, Sums::merge, 2).value();
      } finally {
        sb.destroy();
      }
      double[] sum = new double[m];
      double[] sumSq = new double[m];
      for (int t = 0; t < s; t++) {
        int own = rowCluster[t];
        double w = 0;
        if (size[own] > 1) {
          double a = sums[t * m + own] / (size[own] - 1);
          double b = Double.POSITIVE_INFINITY;
          for (int h = 0; h < m; h++) {
            if (h != own) {
              b = Math.min(b, sums[t * m + h] / size[h]);
            }
          }
          double max = Math.max(a, b);
          w = max == 0 ? 0 : (b - a) / max;
        }
        sum[own] += w;
        sumSq[own] += w * w;
      }
      double estimate = 0;
      double variance = 0;
      for (int h = 0; h < m; h++) {
        double share = (double) size[h] / n;
        double mh = quota[h];
        double meanH = sum[h] / mh;
        estimate += share * meanH;
        if (mh > 1 && mh < size[h]) {
          double varH = Math.max(0, (sumSq[h] - mh * meanH * meanH) / (mh - 1));
          variance += share * share * varH / mh * (1 - mh / size[h]);
        }
      }
      r.values.put("silhouette", estimate);
      r.values.put("silhouette_se", Math.sqrt(variance));
      r.values.put("silhouette_sample", (double) s);
      r.notes.add(s >= n ? "silhouette: exact (every row sampled)"
          : String.format(Locale.ROOT, "silhouette: estimated from a stratified sample of %d of %d rows (seed %d), each "
              + "sampled row's silhouette exact against all rows; standard error %.2g, so the 95%% interval is "
              + "%.4f +- %.4f", s, n, seed, Math.sqrt(variance), estimate, 1.96 * Math.sqrt(variance)));
    }
  }
}
