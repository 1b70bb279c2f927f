package clusterlab.charts;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.evaluation.Silhouette;
import clusterlab.core.evaluation.SilhouetteResult;
import clusterlab.core.hierarchical.Agglomerative;
import clusterlab.core.hierarchical.Linkage;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.kmeans.KMeansOptions;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;

/** Core results the chart tests draw, computed from the committed reference fixtures, and pixel helpers. */
final class ChartFixtures {

  static final File OUT = new File("target/charts-test");

  private ChartFixtures() {
  }

  /** A numeric CSV fixture (no header) from src/test/resources. */
  static Dataset csv(String resource) {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        ChartFixtures.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",");
        double[] v = new double[f.length];
        for (int i = 0; i < f.length; i++) {
          v[i] = Double.parseDouble(f[i]);
        }
        rows.add(v);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Dataset.ofRows(rows.toArray(new double[0][]));
  }

  static Dataset iris() {
    return csv("/fixtures/eval/iris.csv");
  }

  static Dataset usArrests() {
    return csv("/fixtures/hier/data_usarrests.csv");
  }

  static KMeansModel kmeans(Dataset data, int k) {
    return new KMeans(k, KMeansOptions.builder().numInit(10).threads(1).build()).fit(data, 42, Progress.NONE);
  }

  static SilhouetteResult silhouette(Dataset data, int[] labels) {
    return new Silhouette(Metric.EUCLIDEAN).compute(data, labels);
  }

  static MergeHistory ward(Dataset data) {
    return new Agglomerative(Linkage.WARD, Metric.EUCLIDEAN, Agglomerative.Storage.AUTO, 1).fit(data, Progress.NONE);
  }

  /** A random binary tree of n leaves with increasing heights (no recursion anywhere). */
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
      int x = active[i];
      active[i] = active[--alive];
      int j = rnd.nextInt(alive);
      int y = active[j];
      active[j] = n + m;
      a[m] = x;
      b[m] = y;
      height += rnd.nextDouble();
      h[m] = height;
    }
    return MergeHistory.of(n, a, b, h);
  }

  /** A chain: every merge adds one row to the previous cluster (single linkage on a line). */
  static MergeHistory chain(int n) {
    int[] a = new int[n - 1];
    int[] b = new int[n - 1];
    double[] h = new double[n - 1];
    for (int m = 0; m < n - 1; m++) {
      a[m] = m == 0 ? 0 : n + m - 1;
      b[m] = m + 1;
      h[m] = m + 1;
    }
    return MergeHistory.of(n, a, b, h);
  }

  /** Renders at the theme size, keeping the rendering info (data area) for pixel checks. */
  static BufferedImage render(JFreeChart chart, ChartRenderingInfo info) {
    int h = ChartTheme.preferredHeight(chart);
    BufferedImage img = new BufferedImage(ChartTheme.WIDTH, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    chart.draw(g, new Rectangle(0, 0, ChartTheme.WIDTH, h), info);
    g.dispose();
    return img;
  }

  /** Saves a chart for a human to look at. */
  static void save(JFreeChart chart, String name) throws IOException {
    ChartExport.write(chart, new File(OUT, name + ".png"), ChartExport.Format.PNG);
  }

  /** Share of pixels that are not (near) white. */
  static double inked(BufferedImage img) {
    long ink = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        ink += r + g + b < 3 * 245 ? 1 : 0;
      }
    }
    return (double) ink / ((long) img.getWidth() * img.getHeight());
  }

  /** Pixels within {@code tol} per channel of a colour. */
  static int pixelsNear(BufferedImage img, Color c, int tol) {
    int count = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 255) - c.getRed()) <= tol && Math.abs(((rgb >> 8) & 255) - c.getGreen()) <= tol
            && Math.abs((rgb & 255) - c.getBlue()) <= tol) {
          count++;
        }
      }
    }
    return count;
  }

  /** Columns (x pixel) holding pixels near a colour: {min, max}, or null. */
  static int[] columnsNear(BufferedImage img, Color c, int tol) {
    int lo = Integer.MAX_VALUE;
    int hi = -1;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        if (Math.abs(((rgb >> 16) & 255) - c.getRed()) <= tol && Math.abs(((rgb >> 8) & 255) - c.getGreen()) <= tol
            && Math.abs((rgb & 255) - c.getBlue()) <= tol) {
          lo = Math.min(lo, x);
          hi = Math.max(hi, x);
        }
      }
    }
    return hi < 0 ? null : new int[] {lo, hi};
  }

  /** The colour of cluster c blended over white at alpha a, as drawn translucently. */
  static Color overWhite(Color c, int a) {
    double f = a / 255.0;
    return new Color((int) Math.round(c.getRed() * f + 255 * (1 - f)), (int) Math.round(c.getGreen() * f + 255 * (1 - f)),
        (int) Math.round(c.getBlue() * f + 255 * (1 - f)));
  }

  /**
   * Pixels classified by the nearest of the first {@code k} cluster colours (or white, or another
   * colour when none is within 160 in RGB distance): count per cluster colour.
   */
  static int[] nearestColours(BufferedImage img, int k) {
    int[] counts = new int[k];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        if (r + g + b > 3 * 235) {
          continue;
        }
        int best = -1;
        double bestD = 160 * 160;
        for (int c = 0; c < k; c++) {
          Color p = ChartTheme.colour(c);
          double d = Math.pow(r - p.getRed(), 2) + Math.pow(g - p.getGreen(), 2) + Math.pow(b - p.getBlue(), 2);
          if (d < bestD) {
            bestD = d;
            best = c;
          }
        }
        if (best >= 0) {
          counts[best]++;
        }
      }
    }
    return counts;
  }
}
