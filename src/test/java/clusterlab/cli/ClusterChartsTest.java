package clusterlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ClusterCharts command line in-process, on the bundled data sets, one clusterer family each. */
class ClusterChartsTest {

  private static final File OUT = new File("target/cluster-charts-test");

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  private static String data(String name) {
    return new File("resources/data/" + name + ".arff").getPath();
  }

  /** Runs the command; returns {status, stdout, stderr}. */
  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new ClusterCharts().execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {"" + status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  private static void assertPngs(File dir, String... stems) throws Exception {
    List<String> names = new ArrayList<>(Arrays.asList(dir.list()));
    for (String s : stems) {
      File f = new File(dir, s + ".png");
      assertTrue(f.isFile(), s + ".png missing in " + names);
      var img = ImageIO.read(f);
      assertTrue(img.getWidth() == 900 && img.getHeight() >= 600, s + " size");
    }
    assertEquals(stems.length, names.size(), "exactly the applicable charts: " + names);
  }

  private static File dir(String name) throws Exception {
    File d = new File(OUT, name);
    if (d.isDirectory()) {
      for (File f : d.listFiles()) {
        Files.delete(f.toPath());
      }
    }
    return d;
  }

  @Test
  void kMeansOnIrisWritesScatterSilhouetteAndProfiles() throws Exception {
    File d = dir("kmeans");
    String[] r = run("-t", data("iris"), "-c", "last", "-o", d.getPath(), "-W", "weka.clusterers.centroid.KMeans", "--",
        "-N", "3");
    assertEquals("0", r[0], r[2]);
    assertPngs(d, "scatter", "tsne", "silhouette", "profile-heatmap", "profile-parallel");
    assertTrue(r[1].contains("wrote "), r[1]);
  }

  @Test
  void agglomerativeOnUsArrestsWritesADendrogramLabelledByState() throws Exception {
    File d = dir("agglomerative");
    String[] r = run("-t", data("usarrests"), "-chart", "dendrogram", "-o", d.getPath(), "-W",
        "weka.clusterers.hierarchical.Agglomerative", "--", "-L", "ward", "-N", "4");
    assertEquals("0", r[0], r[2]);
    assertPngs(d, "dendrogram");
  }

  @Test
  void chooseKWritesTheSweepPanel() throws Exception {
    File d = dir("choosek");
    String[] r = run("-t", data("iris"), "-c", "last", "-chart", "ksweep,scatter", "-o", d.getPath(), "-W",
        "weka.clusterers.meta.ChooseK", "--", "-max-k", "8");
    assertEquals("0", r[0], r[2]);
    assertPngs(d, "ksweep", "scatter");
  }

  @Test
  void densityClusterersWriteTheirOwnCharts() throws Exception {
    File d = dir("dbscan");
    String[] r = run("-t", data("faithful"), "-chart", "kdistance", "-o", d.getPath(), "-W",
        "weka.clusterers.density.DBSCAN", "--", "-M", "5", "-auto-eps");
    assertEquals("0", r[0], r[2]);
    assertPngs(d, "kdistance");
    File o = dir("optics");
    r = run("-t", data("faithful"), "-chart", "reachability", "-o", o.getPath(), "-W", "weka.clusterers.density.OPTICS",
        "--", "-M", "10");
    assertEquals("0", r[0], r[2]);
    assertPngs(o, "reachability");
    File h = dir("hdbscan");
    r = run("-t", data("quakes"), "-chart", "condensed,outliers", "-o", h.getPath(), "-W",
        "weka.clusterers.density.HDBSCAN", "--", "-M", "10");
    assertEquals("0", r[0], r[2]);
    assertPngs(h, "condensed", "outliers");
  }

  @Test
  void theTsneMapOfWineIsColouredByCluster() throws Exception {
    File d = dir("tsne");
    String[] r = run("-t", data("wine"), "-c", "last", "-chart", "tsne", "-o", d.getPath(), "-W",
        "weka.clusterers.centroid.KMeans", "--", "-N", "3");
    assertEquals("0", r[0], r[2]);
    assertPngs(d, "tsne");
    var img = ImageIO.read(new File(d, "tsne.png"));
    for (int c = 0; c < 3; c++) {
      int px = 0;
      java.awt.Color want = clusterlab.charts.ChartTheme.colour(c);
      for (int y = 0; y < img.getHeight(); y++) {
        for (int x = 0; x < img.getWidth(); x++) {
          int rgb = img.getRGB(x, y);
          px += Math.abs(((rgb >> 16) & 255) - want.getRed()) < 40 && Math.abs(((rgb >> 8) & 255) - want.getGreen()) < 40
              && Math.abs((rgb & 255) - want.getBlue()) < 40 ? 1 : 0;
        }
      }
      assertTrue(px > 300, "cluster " + c + " drawn on the t-SNE map: " + px + " pixels");
    }
  }

  @Test
  void svgOutput() throws Exception {
    File d = dir("svg");
    String[] r = run("-t", data("iris"), "-c", "last", "-chart", "scatter", "-format", "svg", "-o", d.getPath(), "-W",
        "weka.clusterers.centroid.KMeans", "--", "-N", "3");
    assertEquals("0", r[0], r[2]);
    assertTrue(Files.readString(new File(d, "scatter.svg").toPath()).contains("<svg"));
  }

  @Test
  void errorsNameTheProblemAndExitNonZero() {
    String[] r = run("-t", "no/such/file.arff", "-W", "weka.clusterers.centroid.KMeans");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("no/such/file.arff") || r[2].contains("no" + File.separator + "such"), r[2]);
    r = run("-t", data("iris"), "-chart", "pie");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("unknown chart 'pie'") && r[2].contains("dendrogram"), r[2]);
    r = run("-t", data("iris"), "-c", "last", "-chart", "dendrogram", "-o", "target/cluster-charts-test/none", "-W",
        "weka.clusterers.centroid.KMeans");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("none of the charts"), r[2]);
    r = run("-t", data("iris"), "-format", "gif");
    assertTrue(r[2].contains("png or svg"), r[2]);
  }

  /** A bad number names its option and says what is expected, never a bare NumberFormatException. */
  @Test
  void aBadWidthNamesTheOption() {
    String[] r = run("-t", data("iris"), "-width", "wide");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("option -width expects a whole number, got 'wide'"), r[2]);
    r = run("-t", data("iris"), "-width", "100");
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("option -width: the image width in pixels must be between 300 and 8000, got 100"), r[2]);
    r = run("-t", data("iris"), "-outline", "square");
    assertTrue(r[2].contains("option -outline: must be auto, none, hull or ellipse, got 'square'"), r[2]);
  }

  @Test
  void theChartSynopsisListsEveryChart() {
    assertEquals("-chart <" + clusterlab.weka.ClustererCharts.names() + ">", ClusterCharts.CHART_SYNOPSIS);
  }

  @Test
  void optionsRoundTrip() throws Exception {
    ClusterCharts c = new ClusterCharts();
    c.setOptions(new String[] {"-t", "d.arff", "-c", "last", "-chart", "scatter", "-format", "svg", "-outline", "Hull",
        "-width", "1200", "-W", "weka.clusterers.centroid.KMeans", "--", "-N", "3"});
    ClusterCharts again = new ClusterCharts();
    again.setOptions(c.getOptions());
    assertEquals(Arrays.asList(c.getOptions()), Arrays.asList(again.getOptions()));
    assertEquals("-t d.arff -c last -chart scatter -o . -format svg -outline hull -width 1200 "
        + "-W weka.clusterers.centroid.KMeans -- -N 3", weka.core.Utils.joinOptions(again.getOptions()));
  }
}
