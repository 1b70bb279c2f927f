package clusterlab.bench;

import clusterlab.charts.ChartExport;
import clusterlab.charts.DendrogramChart;
import clusterlab.charts.DendrogramLayout;
import clusterlab.charts.Projection;
import clusterlab.charts.ScatterChart;
import clusterlab.core.hierarchical.MergeHistory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Time from a clustering result to a drawn 900x600 chart, for the "a 1,000,000-row
 * scatter and a 100,000-leaf dendrogram in under 2 s": ClusterLab's {@link ScatterChart}
 * (sampled to 50,000 drawn points) against plain JFreeChart drawing every point and matplotlib's
 * scatter; {@link DendrogramChart} (last 60 clusters, and untruncated) against SciPy's
 * {@code dendrogram(truncate_mode='lastp', p=60)} drawn by matplotlib. Each side builds the chart
 * from data in memory and renders it to an image (matplotlib: saves the PNG).
 */
public final class ChartsBench {

  private ChartsBench() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    int n = 1_000_000;
    int leaves = 100_000;
    int reps = 3;
    SplittableRandom r = new SplittableRandom(11);
    double[] x = new double[n];
    double[] y = new double[n];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(8);
      x[i] = (labels[i] % 4) * 4 + r.nextGaussian();
      y[i] = (labels[i] / 4) * 4 + r.nextGaussian();
    }
    MergeHistory tree = randomTree(leaves, 5);
    Bench scatter = new Bench("Scatter of 1,000,000 rows, 8 clusters, to a 900x600 image");
    scatter.record("ClusterLab ScatterChart (50,000 drawn, cluster means)", 1, reps, () -> ChartExport.toImage(
        ScatterChart.of(Projection.of(x, y, "a", "b", "synthetic"), labels).centroidMeans().build(), 900, 600),
        img -> img.getWidth() + "x" + img.getHeight());
    scatter.record("JFreeChart, every point drawn", 1, reps, () -> plain(x, y, labels), img -> img.getWidth() + "x" + img.getHeight());
    Bench dendro = new Bench("Dendrogram of 100,000 leaves to a 900x600 image");
    dendro.record("ClusterLab DendrogramChart, last 60 clusters, cut into 5", 1, reps, () -> ChartExport.toImage(
        DendrogramChart.of(tree).truncate(DendrogramLayout.Truncation.lastP(60)).cut(DendrogramLayout.Cut.clusters(5))
            .build(), 900, 600), img -> "60 leaves");
    dendro.record("ClusterLab DendrogramChart, all 100,000 leaves", 1, reps, () -> ChartExport.toImage(
        DendrogramChart.of(tree).truncate(DendrogramLayout.Truncation.none()).cut(DendrogramLayout.Cut.clusters(5))
            .build(), 900, 600), img -> "99,999 links drawn");
    Path dir = Files.createDirectories(Path.of("target/bench-charts"));
    try {
      Path sc = dir.resolve("scatter.f64");
      Path z = dir.resolve("linkage.f64");
      writeScatter(sc, x, y, labels);
      writeLinkage(z, tree);
      String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3"; // Debian packages
      String out = Bench.run(List.of(python, "tools/bench/mpl_charts.py", sc.toString(), "" + n, z.toString(),
          "" + (leaves - 1), dir.toString(), "" + reps));
      for (String line : out.split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f[0].equals("scatter")) {
          scatter.recordExternal("matplotlib scatter (every point), savefig PNG", Double.parseDouble(f[1]), "900x600");
        } else if (f[0].equals("dendrogram")) {
          dendro.recordExternal("SciPy dendrogram lastp 60 + matplotlib savefig PNG", Double.parseDouble(f[1]), "60 leaves");
        }
      }
    } catch (IllegalStateException e) {
      System.out.println("matplotlib peer not run: " + e.getMessage());
    }
    System.out.println(scatter.table("ClusterLab ScatterChart (50,000 drawn, cluster means)"));
    System.out.println(dendro.table("ClusterLab DendrogramChart, last 60 clusters, cut into 5"));
    Runtime rt = Runtime.getRuntime();
    System.out.println("Heap used at the end: " + ((rt.totalMemory() - rt.freeMemory()) >> 20) + " MiB of "
        + (rt.maxMemory() >> 20) + " MiB");
  }

  private static BufferedImage plain(double[] x, double[] y, int[] labels) {
    DefaultXYDataset d = new DefaultXYDataset();
    XYLineAndShapeRenderer rr = new XYLineAndShapeRenderer(false, true);
    for (int c = 0; c < 8; c++) {
      int m = 0;
      for (int l : labels) {
        m += l == c ? 1 : 0;
      }
      double[][] xy = new double[2][m];
      int j = 0;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          xy[0][j] = x[i];
          xy[1][j++] = y[i];
        }
      }
      d.addSeries("c" + c, xy);
      rr.setSeriesShape(c, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
    }
    JFreeChart chart = new JFreeChart(new XYPlot(d, new NumberAxis("a"), new NumberAxis("b"), rr));
    return ChartExport.toImage(chart, 900, 600);
  }

  /** The random tree of the chart tests: random pairs of live clusters merged at increasing heights. */
  static MergeHistory randomTree(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int[] active = new int[n];
    for (int i = 0; i < n; i++) {
      active[i] = i;
    }
    int alive = n;
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    double[] h = new double[n - 1];
    double height = 0;
    for (int m = 0; m < n - 1; m++) {
      int i = rnd.nextInt(alive);
      int p = active[i];
      active[i] = active[--alive];
      int j = rnd.nextInt(alive);
      int q = active[j];
      active[j] = n + m;
      a[m] = p;
      b[m] = q;
      height += rnd.nextDouble();
      h[m] = height;
    }
    return MergeHistory.of(n, a, b, h);
  }

  private static void writeScatter(Path file, double[] x, double[] y, int[] labels) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(x.length * 24).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < x.length; i++) {
      buf.putDouble(x[i]).putDouble(y[i]).putDouble(labels[i]);
    }
    Files.write(file, buf.array());
  }

  private static void writeLinkage(Path file, MergeHistory t) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(t.merges() * 32).order(ByteOrder.LITTLE_ENDIAN);
    for (int m = 0; m < t.merges(); m++) {
      buf.putDouble(t.first(m)).putDouble(t.second(m)).putDouble(t.height(m)).putDouble(t.size(m));
    }
    Files.write(file, buf.array());
  }

}
