package clusterlab.cli;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.Vector;
import weka.core.CommandlineRunnable;
import clusterlab.core.Check;
import clusterlab.weka.StrictOptions;
import clusterlab.weka.ThreadsOption;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.Utils;

/**
 * The whole clustering workflow on one data set, as a self-contained HTML report:
 * {@code java weka.Run ClusterReport [-t data.arff] [-c class] [-o folder]}. It audits the data,
 * prepares it (imputation, scaling chosen from the audit, one-hot nominal attributes), projects it
 * (PCA, t-SNE), chooses K (elbow, silhouette, Calinski-Harabasz, Davies-Bouldin, gap and BIC for
 * K-Means; BIC for Gaussian mixtures), clusters it with K-Means, Ward, DBSCAN and a Gaussian mixture, evaluates and
 * compares them (every index, bootstrap stability, the class where there is one) and profiles the
 * best clustering. Every step shows the command line that reproduces its numbers. Writes
 * report.html, report.json, the charts as PNG files, the prepared and labelled data as ARFF.
 * Without -t it runs on the bundled customer survey (income.arff: 8,993 shopping-mall customers, mixed
 * types, missing answers; no class). Progress goes to standard error, a
 * short summary to standard output; errors end the command with one line and exit status 1.
 */
public class ClusterReport implements CommandlineRunnable, OptionHandler {

  /** The bundled default data set, in the installed package and in the source tree. */
  static final String DEFAULT_DATA = "income.arff";

  private String dataFile = "";
  private String classAttribute = "";
  private String outDir = "clusterlab-report";
  private int minK = 1;
  private int maxK = 10;
  private int fixedK;
  private long seed = 1;
  private int numThreads = ThreadsOption.DEFAULT;
  private int bootstrap = 20;
  private int maxRows = 2000;

  public String globalInfo() {
    return "Writes a clustering report of a data set as one HTML page, from the data audit to cluster profiles. "
        + "It audits the data (types, missing values, constant columns, outliers, correlations), prepares it, "
        + "projects it with PCA and t-SNE, chooses K (elbow with Kneedle, silhouette, Calinski-Harabasz, "
        + "Davies-Bouldin, gap statistic and BIC for K-Means; BIC for Gaussian mixtures), clusters with K-Means, Ward, DBSCAN and a "
        + "Gaussian mixture, compares them by every quality index, bootstrap stability and, with a class, the external "
        + "indices, and profiles the best clustering; each step shows the command line that reproduces it.";
  }

  /** The options, from the annotations ({@link StrictOptions}), so the help and the parser cannot disagree. */
  @Override
  public Enumeration<Option> listOptions() {
    return new Vector<>(StrictOptions.listAnnotated(getClass(), Object.class)).elements();
  }

  /** Strict parsing: a bad value fails naming its option ({@code -K x}, {@code -min-k 0}). */
  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.applyAnnotated(options, this, Object.class);
    checkSweep();
    Utils.checkForRemainingOptions(options);
  }

  /** The settings as {@link #setOptions} reads them back (the bundled data is no {@code -t}). */
  @Override
  public String[] getOptions() {
    return StrictOptions.getAnnotated(this, Object.class).toArray(new String[0]);
  }

  @OptionMetadata(displayName = "dataFile", description = "Data file (ARFF, CSV or any format Weka reads). "
      + "(default: the bundled customer survey, " + DEFAULT_DATA + ")", commandLineParamName = "t",
      commandLineParamSynopsis = "-t <file>", displayOrder = 1)
  public String getDataFile() {
    return dataFile;
  }

  public void setDataFile(String file) {
    dataFile = file == null ? "" : file;
  }

  @OptionMetadata(displayName = "classAttribute", description = "Class attribute (first, last, 1-based index or "
      + "name): kept out of the clustering, used to check it.", commandLineParamName = "c",
      commandLineParamSynopsis = "-c <class>", displayOrder = 2)
  public String getClassAttribute() {
    return classAttribute;
  }

  public void setClassAttribute(String spec) {
    classAttribute = spec == null ? "" : spec;
  }

  @OptionMetadata(displayName = "outputFolder", description = "Output folder, created or updated. "
      + "(default clusterlab-report)", commandLineParamName = "o", commandLineParamSynopsis = "-o <folder>",
      displayOrder = 3)
  public String getOutputFolder() {
    return outDir;
  }

  public void setOutputFolder(String folder) {
    if (folder == null || folder.isEmpty()) {
      throw new IllegalArgumentException("the output folder must not be empty");
    }
    outDir = folder;
  }

  @OptionMetadata(displayName = "minK", description = "Smallest K of the sweep. (default 1)",
      commandLineParamName = "min-k", commandLineParamSynopsis = "-min-k <int>", displayOrder = 4)
  public int getMinK() {
    return minK;
  }

  public void setMinK(int k) {
    Check.atLeast("the smallest K", k, 1);
    minK = k;
  }

  @OptionMetadata(displayName = "maxK", description = "Largest K of the sweep. (default 10)",
      commandLineParamName = "max-k", commandLineParamSynopsis = "-max-k <int>", displayOrder = 5)
  public int getMaxK() {
    return maxK;
  }

  public void setMaxK(int k) {
    Check.atLeast("the largest K", k, 2);
    maxK = k;
  }

  @OptionMetadata(displayName = "fixedK", description = "Use this K instead of the one the criteria choose "
      + "(0 = choose). (default 0)", commandLineParamName = "K", commandLineParamSynopsis = "-K <int>",
      displayOrder = 6)
  public int getFixedK() {
    return fixedK;
  }

  public void setFixedK(int k) {
    Check.atLeast("the fixed K", k, 0);
    fixedK = k;
  }

  @OptionMetadata(displayName = "seed", description = "Random seed of every step. (default 1)",
      commandLineParamName = "S", commandLineParamSynopsis = "-S <long>", displayOrder = 7)
  public long getSeed() {
    return seed;
  }

  public void setSeed(long s) {
    seed = s;
  }

  @OptionMetadata(displayName = ThreadsOption.DISPLAY_NAME, description = ThreadsOption.DESCRIPTION,
      commandLineParamName = ThreadsOption.NAME, commandLineParamSynopsis = ThreadsOption.SYNOPSIS,
      displayOrder = ThreadsOption.DISPLAY_ORDER)
  public int getNumThreads() {
    return numThreads;
  }

  public void setNumThreads(int n) {
    numThreads = n;
  }

  @OptionMetadata(displayName = "bootstrap", description = "Bootstrap resamples for cluster stability. (default 20)",
      commandLineParamName = "B", commandLineParamSynopsis = "-B <int>", displayOrder = 81)
  public int getBootstrap() {
    return bootstrap;
  }

  public void setBootstrap(int b) {
    Check.atLeast("the number of bootstrap resamples", b, 0);
    bootstrap = b;
  }

  @OptionMetadata(displayName = "maxRows", description = "Cluster a random sample of this many rows when the data "
      + "have more (0 = all rows); the audit always reads every row. (default 2000)", commandLineParamName = "max-rows",
      commandLineParamSynopsis = "-max-rows <int>", displayOrder = 82)
  public int getMaxRows() {
    return maxRows;
  }

  public void setMaxRows(int n) {
    Check.atLeast("the row limit", n, 0);
    maxRows = n;
  }

  private void checkSweep() {
    if (minK > maxK) {
      throw new IllegalArgumentException("-min-k (" + minK + ") must not exceed -max-k (" + maxK + ")");
    }
  }

  /** The run's settings, read once from the options ({@code -t} absent: the bundled data). */
  private ReportRun.Settings settings() {
    checkSweep();
    ReportRun.Settings s = new ReportRun.Settings();
    s.input = dataFile.isEmpty() ? bundledData() : dataFile;
    s.classSpec = classAttribute;
    s.outDir = outDir;
    s.minK = minK;
    s.maxK = maxK;
    s.fixedK = fixedK;
    s.seed = seed;
    s.threads = numThreads;
    s.bootstrap = bootstrap;
    s.maxRows = maxRows;
    return s;
  }

  /**
   * The bundled customer survey: resources/data in a source checkout (the README's command runs there), else
   * the data folder of the installed package in WEKA_HOME.
   */
  static String bundledData() {
    File local = new File("resources/data/" + DEFAULT_DATA);
    if (local.isFile()) {
      return "resources/data/" + DEFAULT_DATA;
    }
    File pkg = new File(weka.core.WekaPackageManager.PACKAGES_DIR, "clusterLab/data/" + DEFAULT_DATA);
    if (pkg.isFile()) {
      return pkg.getPath();
    }
    throw new IllegalArgumentException("the bundled data " + DEFAULT_DATA + " is neither in resources/data nor in "
        + pkg.getParent() + " (is the clusterLab package installed?): give a data file with -t");
  }

  /** The package version from the jar's Maven metadata, or "development". */
  static String version() {
    try (InputStream in = ClusterReport.class.getResourceAsStream(
        "/META-INF/maven/org.clusterlab/clusterLab/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "development");
      }
    } catch (java.io.IOException ignored) {
      // fall through
    }
    return "development";
  }

  /** Writes the report; returns the summary lines (also printed by the command line). */
  public List<String> report(PrintStream progress) throws Exception {
    return new ReportRun(settings(), progress).run();
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
    ClusterReport r = toRun instanceof ClusterReport ? (ClusterReport) toRun : this;
    int status = r.execute(options, System.out, System.err);
    if (status != 0 && clusterlab.weka.CommandLineTool.startedAsProgram()) {
      System.exit(status);
    }
  }

  /** Parses the options and writes the report; summary on {@code out}, progress and errors on {@code err}; returns 0 or 1. */
  public int execute(String[] options, PrintStream out, PrintStream err) {
    try {
      if (Utils.getFlag('h', options.clone()) || Utils.getFlag("help", options.clone())) {
        out.println(usage());
        return 0;
      }
      setOptions(options.clone());
      for (String line : report(err)) {
        out.println(line);
      }
      out.flush();
      return 0;
    } catch (Exception e) {
      err.println("ClusterReport: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      err.println("No report written.");
      err.flush();
      return 1;
    }
  }

  /** Help text: the options. */
  public String usage() {
    StringBuilder sb = new StringBuilder("ClusterReport: " + globalInfo() + "\n\nOptions:\n");
    for (Enumeration<Option> e = listOptions(); e.hasMoreElements();) {
      Option o = e.nextElement();
      sb.append(o.synopsis()).append('\n').append(o.description()).append('\n');
    }
    return sb.toString();
  }

  public static void main(String[] args) {
    int status = new ClusterReport().execute(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }
}
