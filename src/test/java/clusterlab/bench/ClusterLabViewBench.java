package clusterlab.bench;

import clusterlab.gui.ResultView;
import clusterlab.gui.model.ClusterAnalyzer;
import clusterlab.gui.model.ClusterResult;
import clusterlab.gui.model.Relabel;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Random;
import org.jfree.chart.JFreeChart;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * How fast results open in the Cluster Lab tab after clustering (issue 12's target: under 2 s
 * each): a 1,000,000-row scatter (K-Means, k = 5, on 1M x 2 Gaussian blobs) and a 100,000-leaf
 * dendrogram (Agglomerative single linkage on 100k x 2 blobs). For each it times, separately, the
 * clustering, the quality indices of the result ({@code ClusterAnalyzer.analyze}: exact up to 5,000
 * rows, sampled silhouette above), and the opening: {@code ResultView.show} (every chart of the
 * tab built) plus the first rendering of the scatter or dendrogram at 1100 x 700 pixels; then one
 * drag of the dendrogram's cut line (re-cut, re-cut model and indices). Medians of 3 after one
 * warm-up. Run with
 * {@code MAVEN_OPTS=-Xmx6g mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=clusterlab.bench.ClusterLabViewBench}
 */
public final class ClusterLabViewBench {

  /** The name of the last clustering row, the baseline of each table. */
  private static String first;

  private ClusterLabViewBench() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Bench scat = new Bench("Cluster Lab tab: a 1,000,000-row scatter (ratio: to the clustering)");
    scatter(scat);
    System.out.println(scat.table(first));
    Bench den = new Bench("Cluster Lab tab: a 100,000-leaf dendrogram (ratio: to the clustering)");
    dendrogram(den);
    System.out.println(den.table(first));
    System.exit(0);
  }

  static void scatter(Bench bench) throws Exception {
    Instances data = blobs(1_000_000, 5, 1);
    ClusterResult r = clusterAndAnalyze(bench, "1M x 2", data, "weka.clusterers.centroid.KMeans", "-N 5 -S 1 -n-init 1");
    bench.record("open 1M-row result (show + render scatter)", 1, 3, () -> open(r, ResultView.SCATTER),
        ms -> String.format(Locale.ROOT, "scatter rendered in %.0f ms of it", ms));
  }

  static void dendrogram(Bench bench) throws Exception {
    Instances data = blobs(100_000, 5, 2);
    ClusterResult r = clusterAndAnalyze(bench, "100k x 2", data, "weka.clusterers.hierarchical.Agglomerative",
        "-N 5 -L single");
    bench.record("open 100k-leaf result (show + render dendrogram)", 1, 3, () -> open(r, ResultView.DENDROGRAM),
        ms -> String.format(Locale.ROOT, "dendrogram rendered in %.0f ms of it", ms));
    Relabel cut = Relabel.forResult(r, Relabel.Line.CUT_HEIGHT);
    double h = r.extras().tree.height(r.extras().tree.merges() - 12);
    bench.record("drag the cut line (100k rows: re-cut, model, indices)", 1, 3, () -> {
      try {
        return cut.apply(r, h);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, x -> x.numClusters() + " clusters");
  }

  static ClusterResult clusterAndAnalyze(Bench bench, String name, Instances data, String cls, String options)
      throws Exception {
    first = "cluster " + name + " (" + cls.substring(cls.lastIndexOf('.') + 1) + " " + options + ")";
    Clusterer c = bench.record("cluster " + name + " (" + cls.substring(cls.lastIndexOf('.') + 1) + " " + options + ")",
        0, 1, () -> {
          try {
            Clusterer k = (Clusterer) Utils.forName(Clusterer.class, cls, Utils.splitOptions(options));
            k.buildClusterer(data);
            return k;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, k -> "");
    return bench.record("quality indices " + name, 0, 1, () -> {
      try {
        return ClusterAnalyzer.analyze(c, data, data);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, x -> x.numClusters() + " clusters");
  }

  /** Shows the result in a fresh view and renders one chart; returns the rendering's milliseconds. */
  static Double open(ClusterResult r, String tab) {
    ResultView view = new ResultView(null);
    view.show(r, "bench");
    long t0 = System.nanoTime();
    JFreeChart chart = view.chartPanel(tab).getChart();
    BufferedImage img = new BufferedImage(1100, 700, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = img.createGraphics();
    chart.draw(g, new Rectangle(0, 0, 1100, 700));
    g.dispose();
    double ms = (System.nanoTime() - t0) / 1e6;
    view.dispose();
    return ms;
  }

  static Instances blobs(int n, int k, long seed) {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("x"));
    atts.add(new Attribute("y"));
    Instances d = new Instances("blobs" + n, atts, n);
    Random r = new Random(seed);
    double[][] centres = new double[k][2];
    for (double[] c : centres) {
      c[0] = r.nextDouble() * 40 - 20;
      c[1] = r.nextDouble() * 40 - 20;
    }
    for (int i = 0; i < n; i++) {
      double[] c = centres[i % k];
      d.add(new DenseInstance(1, new double[] {c[0] + r.nextGaussian() * 1.5, c[1] + r.nextGaussian() * 1.5}));
    }
    return d;
  }
}
