package clusterlab.cli;

import clusterlab.charts.ChartExport;
import clusterlab.charts.ScatterChart;
import clusterlab.weka.ClustererCharts;
import clusterlab.weka.QualitySupport;
import java.io.File;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Vector;
import org.jfree.chart.JFreeChart;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.core.CommandlineRunnable;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Writes every chart that applies to a clusterer, as PNG or SVG files:
 * {@code java weka.Run ClusterCharts -t data.arff [-c last] -W <clusterer> -- <its options>}
 * with {@code -chart all|scatter|tsne|silhouette|dendrogram|ksweep|kdistance|reachability|condensed|outliers|profile},
 * {@code -o <folder>} and {@code -format png|svg}. Errors end the command with a message on
 * standard error and exit status 1 (weka.Run itself always exits 0).
 */
public class ClusterCharts implements CommandlineRunnable, OptionHandler {

  private String trainFile = "";
  private String classIndex = "";
  private String clustererSpec = "weka.clusterers.centroid.KMeans";
  private String[] clustererOptions = new String[0];
  private String charts = "all";
  private String outDir = ".";
  private ChartExport.Format format = ChartExport.Format.PNG;
  private String outline = "auto";
  private int width = 900;

  public String globalInfo() {
    return "Writes the charts of a clustering (scatter, silhouette, dendrogram and more) to image files from the command line. "
        + "It trains the clusterer given with -W on the data (class "
        + "attribute removed) and writes every chart that applies to it (scatter on the principal components with "
        + "centroids, t-SNE map of up to 2,000 sampled rows, silhouette plot, cluster profiles for any clusterer; the dendrogram for hierarchical clusterers, "
        + "the K sweep panel for ChooseK, the k-distance plot for DBSCAN, the reachability plot for OPTICS, the condensed "
        + "tree and outlier score histogram for HDBSCAN) as PNG or SVG files into a folder.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tData file (any format Weka reads).", "t", 1, "-t <file>"));
    v.add(new Option("\tClass attribute (index, first or last): removed before clustering.", "c", 1,
        "-c <index|first|last>"));
    v.add(new Option("\tClusterer to train, options after --. (default weka.clusterers.centroid.KMeans)", "W", 1,
        "-W <class name>"));
    v.add(new Option("\tCharts to write, comma-separated, or all (those that apply). (default all)", "chart", 1,
        "-chart <" + ClustererCharts.names() + ">"));
    v.add(new Option("\tOutput folder, created if needed. (default .)", "o", 1, "-o <folder>"));
    v.add(new Option("\tImage format. (default png)", "format", 1, "-format <png|svg>"));
    v.add(new Option("\tCluster outlines on the scatter: auto (ellipses for centroid clusterers), none, hull or "
        + "ellipse. (default auto)", "outline", 1, "-outline <auto|none|hull|ellipse>"));
    v.add(new Option("\tImage width in pixels; heights follow the chart. (default 900)", "width", 1, "-width <int>"));
    return v.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    trainFile = Utils.getOption('t', options);
    classIndex = Utils.getOption('c', options);
    String w = Utils.getOption('W', options);
    clustererSpec = w.isEmpty() ? "weka.clusterers.centroid.KMeans" : w;
    String c = Utils.getOption("chart", options);
    charts = c.isEmpty() ? "all" : c;
    ClustererCharts.Kind.parse(charts);
    String o = Utils.getOption('o', options);
    outDir = o.isEmpty() ? "." : o;
    String f = Utils.getOption("format", options);
    format = f.isEmpty() ? ChartExport.Format.PNG : ChartExport.Format.parse(f);
    String ol = Utils.getOption("outline", options);
    outline = ol.isEmpty() ? "auto" : ol.toLowerCase(Locale.ROOT);
    outline();
    String wd = Utils.getOption("width", options);
    try {
      width = wd.isEmpty() ? 900 : Integer.parseInt(wd);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-width must be an integer number of pixels, got '" + wd + "'");
    }
    if (width < 300 || width > 8000) {
      throw new IllegalArgumentException("-width must be between 300 and 8000 pixels, got " + width);
    }
    clustererOptions = Utils.partitionOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  private ScatterChart.Outline outline() {
    switch (outline) {
      case "auto":
        return null;
      case "none":
        return ScatterChart.Outline.NONE;
      case "hull":
        return ScatterChart.Outline.CONVEX_HULL;
      case "ellipse":
        return ScatterChart.Outline.ELLIPSE;
      default:
        throw new IllegalArgumentException("-outline must be auto, none, hull or ellipse, got '" + outline + "'");
    }
  }

  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    if (!trainFile.isEmpty()) {
      Collections.addAll(o, "-t", trainFile);
    }
    if (!classIndex.isEmpty()) {
      Collections.addAll(o, "-c", classIndex);
    }
    Collections.addAll(o, "-chart", charts, "-o", outDir, "-format", format.extension(), "-outline", outline,
        "-width", "" + width, "-W", clustererSpec);
    if (clustererOptions.length > 0) {
      o.add("--");
      o.addAll(Arrays.asList(clustererOptions));
    }
    return o.toArray(new String[0]);
  }

  @Override
  public void preExecution() {
  }

  @Override
  public void postExecution() {
  }

  /**
   * Runs from weka.Run: on an error prints one line and, when the JVM was started for this command
   * ({@link clusterlab.weka.CommandLineTool#startedAsProgram()}), exits with status 1 (inside the
   * SimpleCLI or another host it only prints).
   */
  @Override
  public void run(Object toRun, String[] options) throws Exception {
    ClusterCharts cc = toRun instanceof ClusterCharts ? (ClusterCharts) toRun : this;
    int status = cc.execute(options, System.out, System.err);
    if (status != 0 && clusterlab.weka.CommandLineTool.startedAsProgram()) {
      System.exit(status);
    }
  }

  /** Parses the options and writes the charts; returns the exit status (0 or 1). */
  public int execute(String[] options, PrintStream out, PrintStream err) {
    try {
      if (options.length == 0 || Utils.getFlag('h', options.clone()) || Utils.getFlag("help", options.clone())) {
        out.println(usage());
        return 0;
      }
      setOptions(options);
      List<File> files = write(out);
      if (files.isEmpty()) {
        err.println("ClusterCharts: none of the charts asked for (" + charts + ") applies to " + clustererSpec);
        return 1;
      }
      return 0;
    } catch (Exception e) {
      String msg = e.getMessage() == null ? e.toString() : e.getMessage();
      err.println("ClusterCharts: " + msg);
      err.flush();
      return 1;
    }
  }

  /** Help text: what it does and the options. */
  public String usage() {
    StringBuilder sb = new StringBuilder("ClusterCharts: " + globalInfo() + "\n\nUsage: java weka.Run ClusterCharts "
        + "-t data.arff [-c last] [-chart all] [-o folder] [-format png|svg] -W <clusterer> -- <its options>\n\nOptions:\n");
    for (Enumeration<Option> e = listOptions(); e.hasMoreElements();) {
      Option o = e.nextElement();
      sb.append(o.synopsis()).append('\n').append(o.description()).append('\n');
    }
    return sb.toString();
  }

  /** Trains the clusterer and writes the charts; returns the files written. */
  public List<File> write(PrintStream out) throws Exception {
    if (trainFile.isEmpty()) {
      throw new IllegalArgumentException("no data: give a data file with -t <file>");
    }
    File in = new File(trainFile);
    if (!in.isFile()) {
      throw new IllegalArgumentException("data file not found: " + in.getPath()
          + (in.getAbsoluteFile().getParentFile() != null && !in.getAbsoluteFile().getParentFile().isDirectory()
              ? " (its folder does not exist either)" : ""));
    }
    Instances data = DataSource.read(trainFile);
    if (!classIndex.isEmpty()) {
      data.setClassIndex(clusterlab.weka.CommandLineData.attributeIndex(data, classIndex, "-c"));
    }
    Clusterer clusterer = AbstractClusterer.forName(clustererSpec, clustererOptions.clone());
    Instances train = QualitySupport.withoutClass(data);
    clusterer.buildClusterer(train);
    Set<ClustererCharts.Kind> wanted = ClustererCharts.Kind.parse(charts);
    ClustererCharts cc = new ClustererCharts(clusterer, train, outline());
    Map<String, JFreeChart> built = cc.build(wanted);
    File dir = new File(outDir);
    List<File> files = new ArrayList<>();
    for (Map.Entry<String, JFreeChart> e : built.entrySet()) {
      File f = new File(dir, e.getKey() + "." + format.extension());
      JFreeChart chart = e.getValue();
      int height = (int) Math.round(clusterlab.charts.ChartTheme.preferredHeight(chart) * width / 900.0);
      ChartExport.write(chart, f, format, width, height);
      files.add(f);
      out.println("wrote " + f.getPath());
    }
    if (!ClustererCharts.Kind.parse(charts).equals(java.util.EnumSet.allOf(ClustererCharts.Kind.class))) {
      Set<ClustererCharts.Kind> skipped = java.util.EnumSet.copyOf(wanted);
      skipped.removeAll(cc.applicable());
      for (ClustererCharts.Kind k : skipped) {
        out.println("skipped " + k.id() + ": it does not apply to " + clusterer.getClass().getSimpleName());
      }
    }
    out.flush();
    return files;
  }

  public static void main(String[] args) {
    ClusterCharts c = new ClusterCharts();
    int status = c.execute(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }
}
