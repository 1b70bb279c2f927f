package clusterlab.spark;

import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The command line of ClusterLab on Spark:
 * {@code spark-submit --class clusterlab.spark.Main clusterlab-spark.jar kmeans --input data.parquet --k 8 --output out/}
 * on a cluster, or {@code spark/run-spark.sh kmeans ...} on one machine (master {@code local[*]}
 * unless {@code --master} or spark-submit says otherwise).
 */
public final class Main {

  static final String USAGE = String.join("\n",
      "ClusterLab on Spark",
      "",
      "usage: kmeans --input <path> --k <int> --output <dir> [options]",
      "  --input <path>            CSV (header line), Parquet (file or directory) or dense numeric ARFF",
      "  --format <csv|parquet|arff>  input format (default: from the extension; a directory is Parquet)",
      "  --columns <a,b,c>         numeric columns to cluster (default: all, which must then be numeric)",
      "  --k <int>                 number of clusters",
      "  --output <dir>            where kmeans.model, centroids.csv, quality.json and labelled/ go",
      "  --max-iterations <int>    iteration limit (default 300)",
      "  --tolerance <double>      centre-shift tolerance relative to the mean column variance (default 1e-4)",
      "  --init <kmeans-parallel|random>  seeding (default kmeans-parallel: k-means||, 5 rounds, l = 2k)",
      "  --seed <long>             seed (default 1)",
      "  --algorithm <auto|hamerly|elkan|lloyd|blocked>  kernel per block (default auto)",
      "  --partitions <int>        repartition the input into this many partitions (default: as read)",
      "  --labelled <parquet|csv|none>  labelled rows output (default parquet)",
      "  --quality                 also compute the quality indices (quality.json)",
      "  --silhouette-sample <int> rows of the stratified silhouette sample (default 1000; 0 = skip)",
      "  --master <url>            Spark master when not set by spark-submit (default local[*])",
      "  --overwrite               replace the results in an existing output directory",
      "",
      "usage: quality --input <path> --model <kmeans.model> [--output <dir>] [--columns ..] [--silhouette-sample n]",
      "  evaluates a saved model on data: Davies-Bouldin, Calinski-Harabasz, sums of squares and the",
      "  simplified silhouette exactly, the silhouette on a stratified sample with its standard error");

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    int code = run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs a command; returns the exit code (0 success, 2 usage error). */
  static int run(String[] args) throws Exception {
    if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
      System.out.println(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage() + "\n\n" + USAGE);
      return 2;
    }
    if (!o.command.equals("kmeans") && !o.command.equals("quality")) {
      System.err.println("error: unknown command '" + o.command + "'; use kmeans or quality\n\n" + USAGE);
      return 2;
    }
    boolean own = SparkSession.getDefaultSession().isEmpty(); // a caller's session (a test, a notebook) stays open
    SparkSession spark = session(o);
    try {
      spark.sparkContext().setLogLevel("WARN");
      if (o.command.equals("kmeans")) {
        kmeans(spark, o);
      } else {
        quality(spark, o);
      }
      return 0;
    } catch (Exception e) {
      IllegalArgumentException bad = userError(e);
      if (bad == null) {
        throw e;
      }
      System.err.println("error: " + bad.getMessage());
      return 2;
    } finally {
      if (own) {
        spark.stop();
      }
    }
  }

  /** The user's mistake behind an exception (also when Spark wrapped it in a task failure), or null. */
  static IllegalArgumentException userError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return (IllegalArgumentException) t;
      }
    }
    return null;
  }

  private static SparkSession session(Options o) {
    SparkConf conf = new SparkConf().setAppName("ClusterLab " + o.command);
    if (!conf.contains("spark.master")) {
      conf.setMaster(o.get("master", "local[*]"));
    } else if (o.has("master")) {
      conf.setMaster(o.get("master", null));
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  static void kmeans(SparkSession spark, Options o) throws Exception {
    String output = o.required("output");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    if (Output.exists(hadoop, output) && !o.flag("overwrite")) {
      throw new IllegalArgumentException(output + " already holds a model (" + Output.MODEL
          + "); choose another --output or add --overwrite");
    }
    int k = o.intValue("k", -1, 1);
    Blocks.Data data = load(spark, o);
    Map<String, Object> info = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    double[] init = initialCentres(o, data, k);
    long t1 = System.nanoTime();
    DistributedKMeans km = new DistributedKMeans(k, o.intValue("max-iterations", 300, 1),
        o.doubleValue("tolerance", 1e-4), algorithm(o.get("algorithm", "auto")), 0).withLog(System.out::println);
    DistributedKMeans.Fit fit = km.fitFrom(data, init);
    KMeansModel model = fit.model();
    Output.writeModel(hadoop, output, model);
    Output.writeCentroids(hadoop, output, model, o.columnNames);
    String labelled = o.get("labelled", "parquet");
    if (!labelled.equals("none")) {
      Output.writeLabelled(spark, DistributedKMeans.rowsWithLabels(data, fit.labelled(data)), o.columnNames, output,
          labelled);
    }
    System.out.printf(Locale.ROOT, "k-means on %d rows x %d columns, k = %d: %d iterations, %s, inertia %.10g%n",
        data.n(), data.d(), k, model.iterations(), model.converged() ? "converged" : "not converged (raise --max-iterations)",
        model.inertia());
    System.out.printf(Locale.ROOT, "seeding %.1f s, iterations %.1f s; results in %s%n", (t1 - t0) / 1e9, fit.nanos() / 1e9,
        output);
    if (o.flag("quality")) {
      DistributedQuality.Report q = DistributedQuality.of(data, model, o.intValue("silhouette-sample", 1000, 0),
          o.longValue("seed", 1));
      Output.writeText(hadoop, output, Output.QUALITY, q.toJson());
      System.out.print(q.toText());
    }
    data.unpersist();
  }

  static void quality(SparkSession spark, Options o) throws Exception {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    KMeansModel model = Output.readModel(hadoop, o.required("model"));
    Blocks.Data data = load(spark, o);
    if (data.d() != model.d()) {
      throw new IllegalArgumentException("the model has " + model.d() + " columns, " + o.required("input") + " has "
          + data.d() + "; choose the model's columns with --columns");
    }
    DistributedQuality.Report q = DistributedQuality.of(data, model, o.intValue("silhouette-sample", 1000, 0),
        o.longValue("seed", 1));
    if (o.has("output")) {
      Output.writeText(hadoop, o.get("output", null), Output.QUALITY, q.toJson());
    }
    System.out.print(q.toText());
    data.unpersist();
  }

  private static Blocks.Data load(SparkSession spark, Options o) {
    String input = o.required("input");
    Input.Table t = Input.read(spark, input, o.get("format", null),
        o.has("columns") ? o.get("columns", "").split(",") : null);
    o.columnNames = t.columns();
    var rows = t.rows();
    if (o.has("partitions")) {
      rows = rows.repartition(o.intValue("partitions", 0, 1));
    }
    return Blocks.of(rows, t.columns().length, input);
  }

  private static double[] initialCentres(Options o, Blocks.Data data, int k) {
    long seed = o.longValue("seed", 1);
    String init = o.get("init", "kmeans-parallel");
    switch (init) {
      case "kmeans-parallel":
        return KMeansParallelInit.seed(data, k, seed, 5, 2.0, System.out::println);
      case "random":
        return RandomInit.seed(data, k, seed);
      default:
        throw new IllegalArgumentException("--init must be kmeans-parallel or random, got '" + init + "'");
    }
  }

  static KMeans.Algorithm algorithm(String s) {
    try {
      return KMeans.Algorithm.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--algorithm must be auto, hamerly, elkan, lloyd or blocked, got '" + s + "'");
    }
  }

  /** {@code --name value} options after the command word. */
  static final class Options {
    final String command;
    final Map<String, String> values = new LinkedHashMap<>();
    String[] columnNames;

    private Options(String command) {
      this.command = command;
    }

    static final List<String> FLAGS = List.of("overwrite", "quality");

    static Options parse(String[] args) {
      Options o = new Options(args[0]);
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        if (!a.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument '" + a + "'; options look like --name value");
        }
        String name = a.substring(2);
        if (FLAGS.contains(name)) {
          o.values.put(name, "true");
        } else {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--" + name + " needs a value");
          }
          o.values.put(name, args[++i]);
        }
      }
      return o;
    }

    boolean has(String name) {
      return values.containsKey(name);
    }

    boolean flag(String name) {
      return values.containsKey(name);
    }

    String get(String name, String def) {
      return values.getOrDefault(name, def);
    }

    String required(String name) {
      String v = values.get(name);
      if (v == null) {
        throw new IllegalArgumentException("--" + name + " is required for " + command);
      }
      return v;
    }

    int intValue(String name, int def, int min) {
      String v = values.get(name);
      if (v == null && def < min) {
        throw new IllegalArgumentException("--" + name + " is required for " + command);
      }
      int x;
      try {
        x = v == null ? def : Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'");
      }
      if (x < min) {
        throw new IllegalArgumentException("--" + name + " must be at least " + min + ", got " + x);
      }
      return x;
    }

    long longValue(String name, long def) {
      String v = values.get(name);
      try {
        return v == null ? def : Long.parseLong(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'");
      }
    }

    double doubleValue(String name, double def) {
      String v = values.get(name);
      double x;
      try {
        x = v == null ? def : Double.parseDouble(v.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'");
      }
      if (!(x >= 0) || Double.isInfinite(x)) {
        throw new IllegalArgumentException("--" + name + " must be a finite number >= 0, got " + v);
      }
      return x;
    }
  }
}
