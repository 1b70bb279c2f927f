package clusterlab.cli;

import clusterlab.core.kmeans.KMeansModel;
import clusterlab.core.Check;
import clusterlab.weka.CommandLineTool;
import clusterlab.weka.StrictOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Utils;

/**
 * Submits ClusterLab's distributed k-means to Apache Spark from Weka's command line and loads the
 * model it writes:
 * {@code java weka.Run SparkKMeans -t <data> -N <k> -o <output dir> [-submit <command>] [-- <job options>]}.
 *
 * <p>Why a launcher and not Spark inside Weka: the Weka package never ships Spark (the Spark unit
 * {@code spark/} is a build of its own, docs/spark.md), and on a cluster the job must be started by
 * the cluster's own {@code spark-submit}. So this tool runs the command the user names
 * ({@code spark/run-spark.sh} on one machine, {@code spark-submit ... clusterlab-spark.jar} on a
 * cluster), streams its output, and then reads {@code kmeans.model} back into a
 * {@link KMeansModel}, prints it and the command lines that evaluate and chart it in Weka through
 * {@code weka.clusterers.centroid.KMeans -model-file}.
 */
public class SparkKMeans extends CommandLineTool {

  /** The submit command when none is given: the local-mode launcher of the ClusterLab repository. */
  public static final String DEFAULT_SUBMIT = "spark/run-spark.sh";

  private String submit = DEFAULT_SUBMIT;
  private String input = "";
  private int k = 2;
  private String output = "";
  private boolean overwrite;
  private String[] jobOptions = new String[0];

  @Override
  public String globalInfo() {
    return "Runs ClusterLab's k-means on Apache Spark from Weka and loads the model it writes. "
        + "It starts the Spark job with the given submit command (spark/run-spark.sh on one machine, "
        + "spark-submit --class clusterlab.spark.Main clusterlab-spark.jar on a cluster), passing the data, K, the "
        + "output directory and any job options given after --, shows the job's output, then reads the kmeans.model "
        + "it wrote and prints its centroids with the Weka commands that evaluate and chart it "
        + "(weka.clusterers.centroid.KMeans -model-file).";
  }

  /** The options, from the annotations ({@link StrictOptions}), and the job's options after {@code --}. */
  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> v = new Vector<>(StrictOptions.listAnnotated(getClass(), CommandLineTool.class));
    v.add(new Option("\tOptions after -- go to the job unchanged (e.g. -- --columns a,b --quality --max-iterations 50).",
        "-", 0, "-- <job options>"));
    return v.elements();
  }

  /** Strict parsing: a bad value fails naming its option ({@code -N two}); the job's options follow --. */
  @Override
  public void setOptions(String[] options) throws Exception {
    StrictOptions.applyAnnotated(options, this, CommandLineTool.class);
    jobOptions = Utils.partitionOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  /** The settings as {@link #setOptions} reads them back. */
  @Override
  public String[] getOptions() {
    List<String> o = new ArrayList<>(StrictOptions.getAnnotated(this, CommandLineTool.class));
    if (jobOptions.length > 0) {
      o.add("--");
      o.addAll(Arrays.asList(jobOptions));
    }
    return o.toArray(new String[0]);
  }

  @OptionMetadata(displayName = "input", description = "Input data of the Spark job: CSV with a header, Parquet or dense "
      + "numeric ARFF; a local path or a URI the cluster reads (hdfs://, s3a://).", commandLineParamName = "t",
      commandLineParamSynopsis = "-t <path>", displayOrder = 1)
  public String getInput() {
    return input;
  }

  public void setInput(String path) {
    input = path == null ? "" : path;
  }

  @OptionMetadata(displayName = "numClusters", description = "Number of clusters. (default 2)", commandLineParamName = "N",
      commandLineParamSynopsis = "-N <int>", displayOrder = 2)
  public int getNumClusters() {
    return k;
  }

  public void setNumClusters(int clusters) {
    Check.atLeast("the number of clusters", clusters, 1);
    k = clusters;
  }

  @OptionMetadata(displayName = "output", description = "Output directory of the job (kmeans.model, centroids.csv, "
      + "labelled/).", commandLineParamName = "o", commandLineParamSynopsis = "-o <dir>", displayOrder = 3)
  public String getOutput() {
    return output;
  }

  public void setOutput(String dir) {
    output = dir == null ? "" : dir;
  }

  @OptionMetadata(displayName = "submit", description = "Command that starts the job, quoted; the job's arguments are "
      + "appended. (default " + DEFAULT_SUBMIT + ")", commandLineParamName = "submit",
      commandLineParamSynopsis = "-submit <command>", displayOrder = 4)
  public String getSubmit() {
    return submit;
  }

  public void setSubmit(String command) {
    submit = command == null || command.isEmpty() ? DEFAULT_SUBMIT : command;
  }

  @OptionMetadata(displayName = "overwrite", description = "Replace the results in an existing output directory.",
      commandLineParamName = "overwrite", commandLineParamSynopsis = "-overwrite", commandLineParamIsFlag = true,
      displayOrder = 5)
  public boolean getOverwrite() {
    return overwrite;
  }

  public void setOverwrite(boolean replace) {
    overwrite = replace;
  }

  /** Runs from weka.Run; on an error prints one line and, on the command line's main thread, exits with status 1. */
  @Override
  public void run(Object toRun, String[] options) throws Exception {
    try {
      super.run(toRun, options);
    } catch (Exception e) {
      System.err.println("SparkKMeans: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
      System.err.flush();
      if ("main".equals(Thread.currentThread().getName())) {
        System.exit(1);
      }
      throw e;
    }
  }

  @Override
  protected void execute(PrintStream out) throws Exception {
    KMeansModel model = submitAndLoad(out);
    if (model != null) {
      print(model, out);
    }
  }

  /** The job's command line: the submit command's words, then {@code kmeans} and its arguments. */
  public List<String> command() throws Exception {
    if (input.isEmpty()) {
      throw new IllegalArgumentException("no input: give the data with -t <path>");
    }
    if (output.isEmpty()) {
      throw new IllegalArgumentException("no output directory: give one with -o <dir>");
    }
    String[] words = Utils.splitOptions(submit);
    if (words.length == 0) {
      throw new IllegalArgumentException("-submit is empty: give the command that starts the job, e.g. "
          + DEFAULT_SUBMIT);
    }
    List<String> cmd = new ArrayList<>(Arrays.asList(words));
    Collections.addAll(cmd, "kmeans", "--input", input, "--k", "" + k, "--output", output);
    if (overwrite) {
      cmd.add("--overwrite");
    }
    cmd.addAll(Arrays.asList(jobOptions));
    return cmd;
  }

  /**
   * Runs the job, copying its output to {@code out}, and loads the model it wrote; null when the
   * output directory is not on this machine's file system (printed: where the model is).
   */
  public KMeansModel submitAndLoad(PrintStream out) throws Exception {
    List<String> cmd = command();
    String program = cmd.get(0);
    if (program.contains(File.separator) && !new File(program).isFile()) {
      throw new IllegalArgumentException("-submit: " + program + " does not exist (from " + new File(".").getAbsoluteFile()
          .getParent() + "); run from the ClusterLab repository for " + DEFAULT_SUBMIT
          + ", or give your cluster's spark-submit (see docs/spark.md)");
    }
    out.println("Submitting: " + String.join(" ", cmd));
    out.flush();
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IllegalArgumentException("-submit: cannot start '" + program + "' (" + e.getMessage()
          + "); give the full path of spark-submit, or " + DEFAULT_SUBMIT + " from the ClusterLab repository", e);
    }
    p.getOutputStream().close();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        out.println(line);
      }
    }
    int status = p.waitFor();
    out.flush();
    if (status != 0) {
      throw new IllegalStateException("the Spark job failed with exit status " + status + " (its output is above): "
          + String.join(" ", cmd));
    }
    if (!isLocal(output)) {
      out.println("The model is on the cluster's file system: " + output + "/kmeans.model. Copy it here (for example "
          + "hdfs dfs -get " + output + "/kmeans.model) and evaluate it with weka.clusterers.centroid.KMeans "
          + "-model-file kmeans.model.");
      return null;
    }
    return load(modelFile(output).toFile());
  }

  /** Whether {@code path} is on this machine's file system (no scheme, or {@code file:}). */
  static boolean isLocal(String path) {
    int colon = path.indexOf(':');
    return colon < 2 || path.startsWith("file:") || path.substring(0, colon).contains(File.separator);
  }

  private static Path modelFile(String dir) {
    String local = dir.startsWith("file://") ? dir.substring("file://".length())
        : dir.startsWith("file:") ? dir.substring("file:".length()) : dir;
    return Path.of(local, "kmeans.model");
  }

  /** Reads a {@code kmeans.model} written by ClusterLab (on Spark or by a Weka save of the core model). */
  public static KMeansModel load(File file) throws IOException {
    if (!file.isFile()) {
      throw new IOException("the job finished but wrote no model: " + file + " does not exist");
    }
    try (InputStream in = Files.newInputStream(file.toPath()); ObjectInputStream o = new ObjectInputStream(in)) {
      return (KMeansModel) o.readObject();
    } catch (ClassNotFoundException | ClassCastException | java.io.StreamCorruptedException e) {
      throw new IOException(file + " is not a saved ClusterLab k-means model (" + e.getMessage() + ")", e);
    }
  }

  /** The model's figures, its centroids (named by centroids.csv's header when there) and the next commands. */
  void print(KMeansModel m, PrintStream out) throws IOException {
    String[] columns = columnNames(m.d());
    out.printf(Locale.ROOT, "%nLoaded %s: k = %d, %d columns, %d iterations, %s, inertia %.10g%n", modelFile(output), m.k(),
        m.d(), m.iterations(), m.converged() ? "converged" : "not converged", m.inertia());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%8s %14s", "cluster", "size"));
    for (String c : columns) {
      head.append(String.format(Locale.ROOT, " %14s", c.length() > 14 ? c.substring(0, 14) : c));
    }
    out.println(head);
    double[] weight = m.clusterWeight();
    for (int c = 0; c < m.k(); c++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%8d %14.0f", c, weight[c]));
      double[] centre = m.centroid(c);
      for (double x : centre) {
        row.append(String.format(Locale.ROOT, " %14.6g", x));
      }
      out.println(row);
    }
    String model = modelFile(output).toString();
    out.println();
    out.println("Evaluate and chart it in Weka (the data must have the model's columns; -c removes a class):");
    out.println("  java weka.Run ClusterQuality -t " + input + " -W weka.clusterers.centroid.KMeans -- -model-file " + model);
    out.println("  java weka.Run ClusterCharts -t " + input + " -o " + output + "/charts -W weka.clusterers.centroid.KMeans "
        + "-- -model-file " + model);
  }

  /** Column names from the job's centroids.csv ({@code cluster,size,inertia,<columns>}), else c1..cd. */
  private String[] columnNames(int d) throws IOException {
    Path csv = modelFile(output).resolveSibling("centroids.csv");
    if (Files.isRegularFile(csv)) {
      try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
        String header = r.readLine();
        if (header != null) {
          String[] cells = header.split(",", -1);
          if (cells.length == d + 3) {
            return Arrays.copyOfRange(cells, 3, cells.length);
          }
        }
      }
    }
    String[] names = new String[d];
    for (int j = 0; j < d; j++) {
      names[j] = "c" + (j + 1);
    }
    return names;
  }

  public static void main(String[] args) {
    main(new SparkKMeans(), args);
  }
}
