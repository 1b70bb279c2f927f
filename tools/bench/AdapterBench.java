import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * Before/after benchmark of issue 11's refactoring through the Weka API only (so the same source
 * runs against two builds of the package): k-means, DBSCAN, hierarchical (single and Ward) and
 * t-SNE on generated blobs; prints the median wall time of 3 runs per workload and a checksum of
 * the labels so that both builds can be seen to give the same result. Run by tools/bench/before-after.sh.
 */
public class AdapterBench {

  static Instances blobs(int n, int d, int centres, long seed) {
    Random r = new Random(seed);
    double[][] c = new double[centres][d];
    for (double[] row : c) {
      for (int j = 0; j < d; j++) {
        row[j] = r.nextDouble() * 20 - 10;
      }
    }
    ArrayList<Attribute> atts = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      atts.add(new Attribute("x" + j));
    }
    Instances data = new Instances("blobs", atts, n);
    for (int i = 0; i < n; i++) {
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        v[j] = c[i % centres][j] + r.nextGaussian();
      }
      data.add(new DenseInstance(1, v));
    }
    return data;
  }

  static void clusterer(String name, String spec, Instances data) throws Exception {
    String[] opts = Utils.splitOptions(spec);
    String cls = opts[0];
    opts[0] = "";
    double[] t = new double[3];
    long check = 0;
    for (int r = 0; r < t.length; r++) {
      Clusterer c = (Clusterer) Class.forName(cls).getConstructor().newInstance();
      ((weka.core.OptionHandler) c).setOptions(opts.clone());
      long t0 = System.nanoTime();
      c.buildClusterer(data);
      t[r] = (System.nanoTime() - t0) / 1e9;
      check = 0;
      for (int i = 0; i < data.numInstances(); i += Math.max(1, data.numInstances() / 2000)) {
        try {
          check = check * 31 + c.clusterInstance(data.instance(i));
        } catch (Exception noise) {
          check = check * 31 - 1;
        }
      }
    }
    report(name, t, Long.toHexString(check));
  }

  static void tsne(Instances data) throws Exception {
    double[] t = new double[3];
    double check = 0;
    for (int r = 0; r < t.length; r++) {
      Filter f = (Filter) Class.forName("weka.filters.unsupervised.attribute.TSNE").getConstructor().newInstance();
      ((weka.core.OptionHandler) f).setOptions(Utils.splitOptions("-I 500 -num-threads 2 -method barnes-hut"));
      long t0 = System.nanoTime();
      f.setInputFormat(data);
      Instances out = Filter.useFilter(data, f);
      t[r] = (System.nanoTime() - t0) / 1e9;
      check = out.instance(0).value(0) + out.instance(out.numInstances() - 1).value(1);
    }
    report("t-SNE Barnes-Hut 3,000 x 10, 500 iterations, 2 threads", t, Double.toString(check));
  }

  static void report(String name, double[] t, String check) {
    Arrays.sort(t);
    System.out.printf(java.util.Locale.ROOT, "%-58s median %.3f s (min %.3f, max %.3f)  check %s%n", name, t[1], t[0], t[2], check);
  }

  public static void main(String[] args) throws Exception {
    clusterer("KMeans 200,000 x 8, k 8, 2 threads", "weka.clusterers.centroid.KMeans -N 8 -S 1 -num-threads 2",
        blobs(200000, 8, 8, 1));
    clusterer("DBSCAN 200,000 x 2, eps 0.3, minPts 10, 2 threads",
        "weka.clusterers.density.DBSCAN -E 0.3 -M 10 -num-threads 2", blobs(200000, 2, 8, 2));
    Instances h = blobs(10000, 8, 8, 3);
    clusterer("Agglomerative single 10,000 x 8, 1 thread",
        "weka.clusterers.hierarchical.Agglomerative -L single -N 8 -num-threads 1", h);
    clusterer("Agglomerative ward 10,000 x 8, 1 thread",
        "weka.clusterers.hierarchical.Agglomerative -L ward -N 8 -num-threads 1", h);
    tsne(blobs(3000, 10, 6, 4));
  }
}
