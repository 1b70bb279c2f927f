package clusterlab.cli;

import java.io.File;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.Vector;
import weka.core.CommandlineRunnable;
import weka.core.Option;
import weka.core.OptionHandler;
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

  private final ReportRun.Settings settings = new ReportRun.Settings();
  private boolean bundled;

  public String globalInfo() {
    return "Writes a clustering report of a data set as one HTML page, from the data audit to cluster profiles. "
        + "It audits the data (types, missing values, constant columns, outliers, correlations), prepares it, "
        + "projects it with PCA and t-SNE, chooses K (elbow with Kneedle, silhouette, Calinski-Harabasz, "
        + "Davies-Bouldin, gap statistic and BIC for K-Means; BIC for Gaussian mixtures), clusters with K-Means, Ward, DBSCAN and a "
        + "Gaussian mixture, compares them by every quality index, bootstrap stability and, with a class, the external "
        + "indices, and profiles the best clustering; each step shows the command line that reproduces it.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>();
    v.add(new Option("\tData file (ARFF, CSV or any format Weka reads). (default: the bundled customer survey, income.arff)", "t", 1,
        "-t <file>"));
    v.add(new Option("\tClass attribute (first, last, 1-based index or name): kept out of the clustering, used to "
        + "check it.", "c", 1, "-c <class>"));
    v.add(new Option("\tOutput folder, created or updated. (default clusterlab-report)", "o", 1, "-o <folder>"));
    v.add(new Option("\tSmallest K of the sweep. (default 1)", "min-k", 1, "-min-k <int>"));
    v.add(new Option("\tLargest K of the sweep. (default 10)", "max-k", 1, "-max-k <int>"));
    v.add(new Option("\tUse this K instead of the one the criteria choose (0 = choose). (default 0)", "K", 1, "-K <int>"));
    v.add(new Option("\tRandom seed of every step. (default 1)", "S", 1, "-S <long>"));
    v.add(new Option("\tWorker threads (0 = all cores). (default 0)", "num-threads", 1, "-num-threads <int>"));
    v.add(new Option("\tBootstrap resamples for cluster stability. (default 20)", "B", 1, "-B <int>"));
    v.add(new Option("\tCluster a random sample of this many rows when the data have more (0 = all rows); the audit "
        + "always reads every row. (default 2000)", "max-rows", 1, "-max-rows <int>"));
    return v.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    String t = Utils.getOption('t', options);
    bundled = t.isEmpty();
    settings.input = bundled ? bundledData() : t;
    String c = Utils.getOption('c', options);
    settings.classSpec = c;
    String o = Utils.getOption('o', options);
    settings.outDir = o.isEmpty() ? "clusterlab-report" : o;
    settings.minK = intOption(options, "min-k", 1, 1);
    settings.maxK = intOption(options, "max-k", 10, 2);
    settings.fixedK = intOption(options, "K", 0, 0);
    String seed = Utils.getOption('S', options);
    try {
      settings.seed = seed.isEmpty() ? 1 : Long.parseLong(seed);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-S must be an integer seed, got '" + seed + "'");
    }
    settings.threads = intOption(options, "num-threads", 0, 0);
    settings.bootstrap = intOption(options, "B", 20, 0);
    settings.maxRows = intOption(options, "max-rows", 2000, 0);
    if (settings.minK > settings.maxK) {
      throw new IllegalArgumentException("-min-k (" + settings.minK + ") must not exceed -max-k (" + settings.maxK + ")");
    }
    Utils.checkForRemainingOptions(options);
  }

  private static int intOption(String[] options, String name, int dflt, int min) throws Exception {
    String v = Utils.getOption(name, options);
    if (v.isEmpty()) {
      return dflt;
    }
    int i;
    try {
      i = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-" + name + " must be an integer, got '" + v + "'");
    }
    if (i < min) {
      throw new IllegalArgumentException("-" + name + " must be at least " + min + ", got " + i);
    }
    return i;
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

  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>();
    if (!bundled && settings.input != null) {
      Collections.addAll(o, "-t", settings.input);
    }
    if (!settings.classSpec.isEmpty()) {
      Collections.addAll(o, "-c", settings.classSpec);
    }
    Collections.addAll(o, "-o", settings.outDir, "-min-k", "" + settings.minK, "-max-k", "" + settings.maxK, "-K",
        "" + settings.fixedK, "-S", "" + settings.seed, "-num-threads", "" + settings.threads, "-B",
        "" + settings.bootstrap, "-max-rows", "" + settings.maxRows);
    return o.toArray(new String[0]);
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
    return new ReportRun(settings, progress).run();
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
