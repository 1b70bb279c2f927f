package clusterlab.cli;

import clusterlab.charts.ChartExport;
import clusterlab.charts.ScatterChart;
import clusterlab.core.Check;
import clusterlab.weka.ClustererCharts;
import clusterlab.weka.QualitySupport;
import clusterlab.weka.StrictOptions;
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
import weka.core.OptionMetadata;
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
  /** The {@code -chart} synopsis: a constant, as annotations need one; ClusterChartsTest holds it to {@link ClustererCharts#names()}. */
  static final String CHART_SYNOPSIS =
      "-chart <all|scatter|tsne|silhouette|dendrogram|ksweep|kdistance|reachability|condensed|outliers|profile>";
  private static final String DEFAULT_CLUSTERER = "weka.clusterers.centroid.KMeans";

  private String clustererSpec = DEFAULT_CLUSTERER;
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

  /** The options, from the annotations ({@link StrictOptions}), with {@code -W} and the clusterer's own options. */
  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>(StrictOptions.listAnnotated(getClass(), Object.class));
    v.add(new Option("\tClusterer to train, options after --. (default " + DEFAULT_CLUSTERER + ")", "W", 1,
        "-W <class name>"));
    return v.elements();
  }

  /** Strict parsing: a bad value fails naming its option ({@code -width wide}); the clusterer's options follow --. */
  @Override
  public void setOptions(String[] options) throws Exception {
    String w = Utils.getOption('W', options);
    StrictOptions.applyAnnotated(options, this, Object.class);
    clustererSpec = w.isEmpty() ? DEFAULT_CLUSTERER : w;
    clustererOptions = Utils.partitionOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  /** The settings as {@link #setOptions} reads them back. */
  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>(StrictOptions.getAnnotated(this, Object.class));
    Collections.addAll(o, "-W", clustererSpec);
    if (clustererOptions.length > 0) {
      o.add("--");
      o.addAll(Arrays.asList(clustererOptions));
    }
    return o.toArray(new String[0]);
  }

  @OptionMetadata(displayName = "dataFile", description = "Data file (any format Weka reads).",
      commandLineParamName = "t", commandLineParamSynopsis = "-t <file>", displayOrder = 1)
  public String getDataFile() {
    return trainFile;
  }

  public void setDataFile(String file) {
    trainFile = file == null ? "" : file;
  }

  @OptionMetadata(displayName = "classAttribute", description = "Class attribute (index, first or last): removed "
      + "before clustering.", commandLineParamName = "c", commandLineParamSynopsis = "-c <index|first|last>",
      displayOrder = 2)
  public String getClassAttribute() {
    return classIndex;
  }

  public void setClassAttribute(String spec) {
    classIndex = spec == null ? "" : spec;
  }

  @OptionMetadata(displayName = "charts", description = "Charts to write, comma-separated, or all (those that "
      + "apply). (default all)", commandLineParamName = "chart", commandLineParamSynopsis = CHART_SYNOPSIS, displayOrder = 3)
  public String getCharts() {
    return charts;
  }

  public void setCharts(String list) {
    ClustererCharts.Kind.parse(list);
    charts = list;
  }

  @OptionMetadata(displayName = "outputFolder", description = "Output folder, created if needed. (default .)",
      commandLineParamName = "o", commandLineParamSynopsis = "-o <folder>", displayOrder = 4)
  public String getOutputFolder() {
    return outDir;
  }

  public void setOutputFolder(String folder) {
    outDir = folder == null || folder.isEmpty() ? "." : folder;
  }

  @OptionMetadata(displayName = "format", description = "Image format. (default png)", commandLineParamName = "format",
      commandLineParamSynopsis = "-format <png|svg>", displayOrder = 5)
  public String getFormat() {
    return format.extension();
  }

  public void setFormat(String f) {
    format = ChartExport.Format.parse(f);
  }

  @OptionMetadata(displayName = "outline", description = "Cluster outlines on the scatter: auto (ellipses for "
      + "centroid clusterers), none, hull or ellipse. (default auto)", commandLineParamName = "outline",
      commandLineParamSynopsis = "-outline <auto|none|hull|ellipse>", displayOrder = 6)
  public String getOutline() {
    return outline;
  }

  public void setOutline(String o) {
    String lower = o.toLowerCase(Locale.ROOT);
    outline(lower);
    outline = lower;
  }

  @OptionMetadata(displayName = "width", description = "Image width in pixels; heights follow the chart. "
      + "(default 900)", commandLineParamName = "width", commandLineParamSynopsis = "-width <int>", displayOrder = 7)
  public int getWidth() {
    return width;
  }

  public void setWidth(int pixels) {
    Check.inRange("the image width in pixels", pixels, 300, 8000);
    width = pixels;
  }

  private static ScatterChart.Outline outline(String outline) {
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
        throw new IllegalArgumentException("must be auto, none, hull or ellipse, got '" + outline + "'");
    }
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
    ClustererCharts cc = new ClustererCharts(clusterer, train, outline(outline));
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
