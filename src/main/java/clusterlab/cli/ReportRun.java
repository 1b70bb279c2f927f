package clusterlab.cli;

import clusterlab.charts.ChartTheme;
import clusterlab.charts.ClusterProfileChart;
import clusterlab.charts.CorrelationChart;
import clusterlab.charts.CriterionCurveChart;
import clusterlab.charts.DendrogramChart;
import clusterlab.charts.DendrogramLayout;
import clusterlab.charts.ExplainedVarianceChart;
import clusterlab.charts.KSweepChart;
import clusterlab.charts.Projection;
import clusterlab.charts.ScatterChart;
import clusterlab.core.Dataset;
import clusterlab.core.evaluation.Contingency;
import clusterlab.core.evaluation.External;
import clusterlab.core.evaluation.QualityReport;
import clusterlab.core.mixture.MixtureSelection;
import clusterlab.core.select.KCurve;
import clusterlab.report.DataAudit;
import clusterlab.report.HtmlReport;
import clusterlab.report.Json;
import clusterlab.weka.ClustererCharts;
import clusterlab.weka.QualitySupport;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import weka.clusterers.evaluation.ClusterQuality;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ArffSaver;
import weka.filters.Filter;

/**
 * The clustering report's workflow, one method per step: audit, prepare, project, choose K, cluster
 * three (four) ways, evaluate, profile. Every step runs ordinary ClusterLab/Weka components configured
 * from the very option arrays the report prints as the step's command line, so pasting a command
 * gives the report's numbers. Everything is written into a fresh folder beside the output folder and
 * moved into place only when the whole report succeeded: a failed run leaves nothing half-written.
 */
final class ReportRun {

  /** What the user asked for. */
  static final class Settings {
    String input;
    String classSpec = "";
    String outDir = "clusterlab-report";
    int minK = 1;
    int maxK = 10;
    int fixedK;
    long seed = 1;
    int threads;
    int bootstrap = 20;
    int maxRows = 2000;
  }

  /** One clustering method of the comparison. */
  static final class Method {
    final String key;
    final String name;
    final String clusterer;
    final String[] options;
    /** Bootstrap resamples of its stability (fewer for the costly fits, see {@link #CAPPED_RESAMPLES}). */
    int resamples;
    ClusterQuality.Result result;
    double seconds;
    double cpuSeconds;

    Method(String key, String name, String clusterer, String... options) {
      this.key = key;
      this.name = name;
      this.clusterer = clusterer;
      this.options = options;
    }

    int clusters() {
      return (int) result.report.value("clusters");
    }

    int noise() {
      return (int) result.report.value("noise");
    }
  }

  private final Settings s;
  private final PrintStream log;
  private final File work;
  private final File images;
  private final HtmlReport html;
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final Map<String, Object> timings = new LinkedHashMap<>();
  private final Map<String, Object> cpuTimings = new LinkedHashMap<>();
  private final List<String> commands = new ArrayList<>();
  private final int steps = 7;
  private int step;
  private ReportInput input;
  private DataAudit audit;
  private Instances prepared;
  private Instances train;
  private String classSpec = "";
  private int k;
  private int gmmK;
  private String gmmType;
  private Map<String, double[]> gmmBic;
  private int[] gmmKs;
  private final List<Method> methods = new ArrayList<>();
  private Method best;
  private String kReason;
  private Integer gapPick;
  private String structure;
  private String structureShort;
  private boolean sampled;

  ReportRun(Settings settings, PrintStream log) throws IOException {
    this.s = settings;
    this.log = log;
    File out = new File(settings.outDir).getAbsoluteFile();
    File parent = out.getParentFile();
    Files.createDirectories(parent.toPath());
    this.work = Files.createTempDirectory(parent.toPath(), "." + out.getName() + "-partial-").toFile();
    this.images = new File(work, "images");
    this.html = new HtmlReport("Clustering report: " + new File(settings.input).getName(), images);
  }

  /** Runs every step and moves the finished report into the output folder; returns the summary lines. */
  List<String> run() throws Exception {
    long t0 = System.nanoTime();
    long cpu0 = cpuNanos();
    try {
      timed("Data audit", this::audit);
      timed("Preparation", this::prepare);
      timed("Projection (PCA, t-SNE)", this::project);
      timed("Choosing K", this::chooseK);
      timed("Clustering three ways", this::cluster);
      timed("Evaluation", this::evaluate);
      timed("Profiles", this::profiles);
      timings.put("total_seconds", (System.nanoTime() - t0) / 1e9);
      cpuTimings.put("total_seconds", (cpuNanos() - cpu0) / 1e9);
      finish();
      return summaryLines();
    } catch (Exception | Error e) {
      deleteTree(work);
      throw e;
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private void timed(String name, Step body) throws Exception {
    step++;
    log.printf(Locale.ROOT, "[%d/%d] %s ...%n", step, steps, name);
    long t = System.nanoTime();
    long cpu = cpuNanos();
    body.run();
    double sec = (System.nanoTime() - t) / 1e9;
    double cpuSec = (cpuNanos() - cpu) / 1e9;
    timings.put(name, sec);
    cpuTimings.put(name, cpuSec);
    log.printf(Locale.ROOT, "[%d/%d] %s done in %.1f s (%.1f s of CPU)%n", step, steps, name, sec, cpuSec);
  }

  /** Logs and records the time of a part of a step (t-SNE, the K sweep, the mixtures' BIC sweep) started at t / cpu. */
  private void part(String name, long t, long cpu) {
    double sec = (System.nanoTime() - t) / 1e9;
    double cpuSec = (cpuNanos() - cpu) / 1e9;
    timings.put(name, sec);
    cpuTimings.put(name, cpuSec);
    log.printf(Locale.ROOT, "      %s: %.1f s (%.1f s of CPU)%n", name, sec, cpuSec);
  }

  /**
   * CPU time of the whole process (every thread), which unlike the wall time does not grow when other
   * programs share the machine: the report's timings give both.
   */
  static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
  }

  // ---------------------------------------------------------------- paths and commands

  /** The output folder as the user named it, for the printed command lines. */
  private String shown(String file) {
    String dir = s.outDir.endsWith("/") ? s.outDir.substring(0, s.outDir.length() - 1) : s.outDir;
    return dir + "/" + file;
  }

  private String command(String label, String... args) {
    String line = "java weka.Run " + Utils.joinOptions(args);
    commands.add(line);
    html.command(label, line);
    return line;
  }

  private static String[] concat(String[] a, String... b) {
    String[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  // ---------------------------------------------------------------- 1. audit

  private void audit() throws Exception {
    input = ReportInput.read(s.input, s.classSpec);
    audit = input.audit();
    Instances d = input.data;
    html.section("audit", "1. Data audit");
    html.paragraph(String.format(Locale.ROOT, "%s: %d rows, %d attributes%s. %d missing values; %d rows (%.1f %%) have "
        + "an outlying value (robust z-score above 3.5) on some numeric attribute.", s.input, d.numInstances(),
        d.numAttributes(), input.classIndex >= 0 ? " including the class '" + d.classAttribute().name()
            + "' (kept aside: used only to check the clusters, never to find them)" : " and no class attribute",
        audit.missingValues(), audit.rowsWithOutlier(), 100.0 * audit.rowsWithOutlier() / d.numInstances()));
    List<List<String>> rows = new ArrayList<>();
    List<Object> cols = new ArrayList<>();
    for (DataAudit.Column c : audit.columns()) {
      boolean num = c.kind == DataAudit.Kind.NUMERIC;
      rows.add(List.of(c.name, c.kind.name().toLowerCase(Locale.ROOT), "" + c.missing, "" + c.distinct,
          num ? ChartTheme.num(c.mean) : "", num ? ChartTheme.num(c.sd) : "", num ? ChartTheme.num(c.min) : "",
          num ? ChartTheme.num(c.median) : "", num ? ChartTheme.num(c.max) : "", num ? "" + c.iqrOutliers : "",
          num ? "" + c.robustZOutliers : "", c.constant ? "constant" : ""));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", c.name);
      m.put("type", c.kind.name().toLowerCase(Locale.ROOT));
      m.put("missing", c.missing);
      m.put("distinct", c.distinct);
      m.put("constant", c.constant);
      if (num) {
        m.put("mean", c.mean);
        m.put("sd", c.sd);
        m.put("min", c.min);
        m.put("q1", c.q1);
        m.put("median", c.median);
        m.put("q3", c.q3);
        m.put("max", c.max);
        m.put("outliers_iqr", c.iqrOutliers);
        m.put("outliers_robust_z", c.robustZOutliers);
      }
      cols.add(m);
    }
    html.table("Attributes (class excluded)", List.of("attribute", "type", "missing", "distinct", "mean", "sd", "min",
        "median", "max", "IQR outliers", "robust-z outliers", "note"), rows);
    String[] classOpt = input.classIndex >= 0 ? new String[] {"-c", "" + (input.classIndex + 1)} : new String[0];
    command("Rows with a robust z-score above 3.5 on some numeric attribute (kept, here only listed):",
        concat(new String[] {"weka.filters.unsupervised.instance.RemoveOutliers", "-M", "robust-z", "-T", "3.5", "-V",
            "-i", s.input, "-o", shown("outliers.arff")}, classOpt));
    int[] numeric = audit.numeric();
    if (numeric.length >= 2) {
      String[] names = new String[numeric.length];
      for (int i = 0; i < names.length; i++) {
        names[i] = audit.columns().get(numeric[i]).name;
      }
      html.figure("correlation", CorrelationChart.of(audit.correlation(), names).parameters(new File(s.input).getName())
          .build(), "Correlation heat map of the numeric attributes");
      List<String> strong = audit.strongCorrelations(0.8);
      html.paragraph(strong.isEmpty() ? "No two numeric attributes are correlated at |r| >= 0.8."
          : "Strongly correlated (|r| >= 0.8), so they weigh about double in the distances: " + String.join("; ", strong) + ".");
    }
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("file", s.input);
    a.put("rows", d.numInstances());
    a.put("attributes", d.numAttributes());
    a.put("class", input.classIndex >= 0 ? d.classAttribute().name() : null);
    a.put("missing_values", audit.missingValues());
    a.put("rows_with_outlier_robust_z", audit.rowsWithOutlier());
    a.put("columns", cols);
    a.put("correlation", audit.correlation());
    json.put("audit", a);
  }

  // ---------------------------------------------------------------- 2. preparation

  private void prepare() throws Exception {
    Instances d = input.data;
    List<String> remove = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> decisions = new ArrayList<>();
    boolean numericMissing = false;
    boolean nominalMissing = false;
    boolean nominal = false;
    int j = 0;
    for (int a = 0; a < d.numAttributes(); a++) {
      if (a == input.classIndex) {
        continue;
      }
      DataAudit.Column c = audit.columns().get(j++);
      Attribute att = d.attribute(a);
      if (a == input.textAttribute) {
        continue;
      }
      if (att.isString() || !(att.isNumeric() || att.isNominal()) || c.constant) {
        remove.add("" + (a + 1));
        removed.add(att.name());
        decisions.add(att.name() + ": removed, " + (att.isString() ? "a string attribute (it labels the rows instead)"
            : c.constant ? "constant, it cannot separate clusters" : "neither numeric nor nominal"));
        continue;
      }
      numericMissing |= att.isNumeric() && c.missing > 0;
      nominalMissing |= att.isNominal() && c.missing > 0;
      nominal |= att.isNominal();
    }
    List<String[]> filters = new ArrayList<>();
    sampled = s.maxRows > 0 && d.numInstances() > s.maxRows;
    if (sampled) {
      String pct = String.format(Locale.ROOT, "%.6f", 100.0 * (s.maxRows + 0.5) / d.numInstances());
      filters.add(new String[] {"weka.filters.unsupervised.instance.Resample", "-Z", pct, "-no-replacement", "-S",
          "" + s.seed});
      decisions.add(String.format(Locale.ROOT, "rows: a random sample of %d of the %d rows without replacement "
          + "(Resample), so that the quadratic steps (Ward, silhouettes, bootstrap) finish in seconds; the audit above "
          + "used every row (-max-rows 0 clusters them all)", s.maxRows, d.numInstances()));
    }
    if (!remove.isEmpty()) {
      filters.add(new String[] {"weka.filters.unsupervised.attribute.Remove", "-R", String.join(",", remove)});
    }
    boolean text = input.textAttribute >= 0;
    if (text) {
      addTopicModel(filters, decisions, remove);
    }
    if (numericMissing) {
      filters.add(new String[] {"weka.filters.unsupervised.attribute.MedianImputer"});
      decisions.add("missing numeric values: replaced by the attribute's median (MedianImputer), which outliers do not pull");
    }
    if (nominalMissing) {
      filters.add(new String[] {"weka.filters.unsupervised.attribute.ReplaceMissingValues"});
      decisions.add("missing nominal values: replaced by the attribute's most frequent value (ReplaceMissingValues)");
    }
    double outlierShare = (double) audit.rowsWithOutlier() / d.numInstances();
    String scaling;
    if (text) {
      scaling = "none";
      decisions.add("scaling: none, the topic proportions of a document sum to 1 and already share one scale");
    } else if (outlierShare > 0.05) {
      filters.add(new String[] {"weka.filters.unsupervised.attribute.RobustScaler"});
      scaling = "robust";
      decisions.add(String.format(Locale.ROOT, "scaling: median and interquartile range (RobustScaler), because %.1f %% "
          + "of the rows have an outlying value, which would set the scale of a z-score", 100 * outlierShare));
    } else {
      filters.add(new String[] {"weka.filters.unsupervised.attribute.Standardize"});
      scaling = "standardize";
      decisions.add(String.format(Locale.ROOT, "scaling: z-scores (Standardize), so that every attribute weighs the same "
          + "in the distances whatever its unit (standard deviations range from %s to %s); only %.1f %% of the rows "
          + "have an outlying value", ChartTheme.num(minSd()), ChartTheme.num(maxSd()), 100 * outlierShare));
    }
    if (nominal) {
      filters.add(new String[] {"weka.filters.unsupervised.attribute.NominalToBinary"});
      decisions.add("nominal attributes: one 0/1 indicator per value (NominalToBinary), after scaling so they stay 0/1");
    }
    decisions.add(String.format(Locale.ROOT, "outliers: %d rows flagged (robust z-score above 3.5), kept and listed in "
        + "outliers.arff and the profiles, not dropped", audit.rowsWithOutlier()));
    List<String> args = new ArrayList<>(List.of("weka.filters.MultiFilter"));
    for (String[] f : filters) {
      args.add("-F");
      args.add(Utils.joinOptions(f));
    }
    Filter[] chain = new Filter[filters.size()];
    for (int i = 0; i < chain.length; i++) {
      String[] f = filters.get(i);
      chain[i] = (Filter) Class.forName(f[0]).getConstructor().newInstance();
      if (f.length > 1) {
        ((weka.core.OptionHandler) chain[i]).setOptions(Arrays.copyOfRange(f, 1, f.length));
      }
    }
    weka.filters.MultiFilter multi = new weka.filters.MultiFilter();
    multi.setFilters(chain);
    multi.setInputFormat(d);
    Instances filtered = Filter.useFilter(d, multi);
    filtered.setRelationName(d.relationName() + "-prepared");
    File preparedFile = new File(work, "prepared.arff");
    save(filtered, preparedFile);
    // every later step reads the file as written (ARFF keeps 6 decimals), as its printed command does
    prepared = readBack(preparedFile, filtered.classIndex());
    train = QualitySupport.withoutClass(prepared);
    if (prepared.classIndex() >= 0) {
      classSpec = prepared.classIndex() == prepared.numAttributes() - 1 ? "last" : "" + (prepared.classIndex() + 1);
    }
    html.section("prepare", "2. Preparation");
    html.bullets(decisions);
    String[] io = {"-i", s.input, "-o", shown("prepared.arff")};
    args.addAll(List.of(io));
    if (input.classIndex >= 0) {
      args.addAll(List.of("-c", "" + (input.classIndex + 1)));
    }
    command("The prepared data every later step reads (" + shown("prepared.arff") + "):", args.toArray(new String[0]));
    html.paragraph(String.format(Locale.ROOT, "Clustered: %d rows x %d columns.", train.numInstances(), train.numAttributes()));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("removed_attributes", removed);
    p.put("scaling", scaling);
    p.put("imputation_numeric", numericMissing ? "median" : "none");
    p.put("imputation_nominal", nominalMissing ? "mode" : "none");
    p.put("one_hot", nominal);
    p.put("columns", train.numAttributes());
    p.put("rows", train.numInstances());
    p.put("sampled", sampled);
    p.put("decisions", decisions);
    p.put("command", commands.get(commands.size() - 1));
    json.put("preparation", p);
  }

  /**
   * A corpus is clustered by what its documents are about: word counts (StringToWordVector, stop words and
   * rare words removed), then LDA topic proportions (Blei, Ng and Jordan 2003), which the later steps cluster.
   */
  private void addTopicModel(List<String[]> filters, List<String> decisions, List<String> remove) {
    int before = 0;
    for (String r : remove) {
      before += Integer.parseInt(r) - 1 < input.textAttribute ? 1 : 0;
    }
    String column = "" + (input.textAttribute + 1 - before);
    filters.add(new String[] {"weka.filters.unsupervised.attribute.StringToWordVector", "-R", column, "-W", "3000",
        "-prune-rate", "-1.0", "-C", "-N", "0", "-L", "-stopwords-handler", "weka.core.stopwords.Rainbow", "-M", "3",
        "-tokenizer", "weka.core.tokenizers.AlphabeticTokenizer"});
    filters.add(new String[] {"weka.filters.unsupervised.attribute.LatentDirichletAllocation", "-K", "" + TOPICS, "-I",
        "100", "-remove-words", "-num-threads", "" + s.threads, "-S", "" + (int) s.seed});
    String name = input.data.attribute(input.textAttribute).name();
    decisions.add("text: '" + name + "' holds the documents, turned into word counts (StringToWordVector: lower case, "
        + "letters only, Rainbow stop words removed, words in fewer than 3 documents dropped, up to 3000 words)");
    decisions.add("topics: each document becomes its proportions of " + TOPICS + " LDA topics (LatentDirichletAllocation, "
        + "100 Gibbs sweeps), which the methods below cluster; the top words of every topic are in the command's output");
  }

  /** Topics of the LDA step for a text corpus: a dozen is the usual first look at a mail or news corpus. */
  private static final int TOPICS = 10;

  private double minSd() {
    double m = Double.POSITIVE_INFINITY;
    for (int j : audit.numeric()) {
      m = Math.min(m, audit.columns().get(j).sd);
    }
    return m;
  }

  private double maxSd() {
    double m = 0;
    for (int j : audit.numeric()) {
      m = Math.max(m, audit.columns().get(j).sd);
    }
    return m;
  }

  private static Instances readBack(File f, int classIndex) throws IOException {
    try (java.io.Reader r = Files.newBufferedReader(f.toPath())) {
      Instances data = new Instances(r);
      data.setClassIndex(classIndex);
      return data;
    }
  }

  private static void save(Instances data, File f) throws IOException {
    ArffSaver saver = new ArffSaver();
    saver.setInstances(data);
    saver.setFile(f);
    saver.writeBatch();
  }

  // ---------------------------------------------------------------- 3. projection

  private void project() throws Exception {
    html.section("projection", "3. Projection: PCA and t-SNE");
    weka.attributeSelection.PrincipalComponents pca = new weka.attributeSelection.PrincipalComponents();
    pca.setVarianceCovered(1.0);
    pca.buildEvaluator(train);
    double[] ev = pca.getEigenValues().clone();
    Arrays.sort(ev);
    for (int i = 0; i < ev.length / 2; i++) {
      double t = ev[i];
      ev[i] = ev[ev.length - 1 - i];
      ev[ev.length - 1 - i] = t;
    }
    // the components Weka keeps (and prints): linearly dependent columns (one-hot indicators) add
    // components of no variance, which it drops once 100 % is covered
    ev = Arrays.copyOf(ev, Math.min(ev.length, pca.transformedHeader().numAttributes()));
    ExplainedVarianceChart chart = ExplainedVarianceChart.of(ev).parameters("Weka PrincipalComponents (correlation "
        + "matrix) on the prepared data");
    double[] share = chart.shares();
    html.figure("pca-variance", chart.build(), "Share of the variance per principal component");
    html.paragraph(String.format(Locale.ROOT, "The first two principal components hold %.1f %% of the variance, so the "
        + "PCA scatters below show %s of the structure.", 100 * (share[0] + (share.length > 1 ? share[1] : 0)),
        share[0] + (share.length > 1 ? share[1] : 0) > 0.6 ? "most" : "only part"));
    command("Eigenvalues and proportions of variance (Weka's PCA):", concat(new String[] {
        "weka.attributeSelection.PrincipalComponents", "-R", "1.0", "-i", shown("prepared.arff")}, classOpts()));
    String[] tsneOptions = {"-P", "" + perplexity(), "-method", prepared.numInstances() > 300 ? "barnes-hut" : "exact",
        "-S", "" + s.seed, "-num-threads", "" + s.threads};
    weka.filters.unsupervised.attribute.TSNE tsne = new weka.filters.unsupervised.attribute.TSNE();
    tsne.setOptions(tsneOptions.clone());
    tsne.setInputFormat(prepared);
    long t = System.nanoTime();
    long cpu = cpuNanos();
    Instances map = Filter.useFilter(prepared, tsne);
    part("t-SNE", t, cpu);
    save(map, new File(work, "tsne.arff"));
    tsneProjection = Projection.embedding(tsne.getResult());
    int[] colours = input.classIndex >= 0 && prepared.classAttribute().isNominal() ? QualitySupport.truth(prepared)
        : new int[prepared.numInstances()];
    for (int i = 0; i < colours.length; i++) {
      colours[i] = Math.max(colours[i], -1);
    }
    html.figure("tsne-map", ScatterChart.of(tsneProjection, colours).title(input.classIndex >= 0
        ? "t-SNE map, coloured by the class (not used for clustering)" : "t-SNE map of the prepared data")
        .parameters("TSNE " + Utils.joinOptions(tsneOptions)).build(), "2-D t-SNE map");
    command("The t-SNE map (" + shown("tsne.arff") + "):", concat(new String[] {
        "weka.filters.unsupervised.attribute.TSNE"}, concat(tsneOptions, concat(new String[] {"-i",
            shown("prepared.arff"), "-o", shown("tsne.arff")}, classOpts()))));
    html.paragraph(String.format(Locale.ROOT, "t-SNE keeps neighbours together but distorts distances and sizes: read "
        + "groups from it, not gaps (Kullback-Leibler divergence %.3f after %d iterations).",
        tsne.getResult().klDivergence(), tsne.getResult().iterations()));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("pca_eigenvalues", ev);
    p.put("pca_variance_share", share);
    p.put("tsne_perplexity", perplexity());
    p.put("tsne_kl_divergence", tsne.getResult().klDivergence());
    p.put("tsne_iterations", tsne.getResult().iterations());
    json.put("projection", p);
  }

  private Projection tsneProjection;

  private String[] classOpts() {
    return classSpec.isEmpty() ? new String[0] : new String[] {"-c", classSpec};
  }

  /** 30 as usual, less for small data (perplexity must stay below n / 3). */
  private int perplexity() {
    return Math.max(2, Math.min(30, (prepared.numInstances() - 1) / 3));
  }

  // ---------------------------------------------------------------- 4. choosing K

  private void chooseK() throws Exception {
    html.section("choose-k", "4. Choosing K");
    int maxK = Math.min(s.maxK, train.numInstances() - 1);
    int minK = Math.min(s.minK, maxK);
    String[] opts = {"-min-k", "" + minK, "-max-k", "" + maxK, "-gap-refs", "" + GAP_REFERENCES, "-S", "" + s.seed, "-num-threads",
        "" + s.threads, "-W", "weka.clusterers.centroid.KMeans -n-init 10"};
    weka.clusterers.meta.ChooseK ck = new weka.clusterers.meta.ChooseK();
    ck.setOptions(opts.clone());
    long t = System.nanoTime();
    long cpu = cpuNanos();
    ck.buildClusterer(train);
    part("K sweep (ChooseK)", t, cpu);
    KCurve curve = ck.getCurve();
    html.figure("ksweep", KSweepChart.of(curve).parameters("ChooseK " + Utils.joinOptions(opts)).build(),
        "K sweep: every criterion over K for K-Means");
    command("The K sweep (the curve and each criterion's pick are printed):", concat(new String[] {
        "weka.clusterers.meta.ChooseK", "-t", shown("prepared.arff")}, concat(classOpts(), opts)));
    Map<String, Integer> picks = curve.picks();
    gapPick = picks.get(KCurve.GAP);
    Map<Integer, List<String>> votes = new java.util.TreeMap<>();
    for (Map.Entry<String, Integer> e : picks.entrySet()) {
      if (e.getValue() != null && e.getValue() > 0 && !e.getKey().equals(KCurve.GAP_SE)) {
        votes.computeIfAbsent(e.getValue(), x -> new ArrayList<>()).add(e.getKey());
      }
    }
    int voted = -1;
    int most = 0;
    Integer silPick = picks.get("silhouette");
    for (Map.Entry<Integer, List<String>> e : votes.entrySet()) {
      int n = e.getValue().size();
      if (n > most || n == most && silPick != null && e.getKey().equals(silPick)) {
        voted = e.getKey();
        most = n;
      }
    }
    if (voted < 2) {
      voted = silPick != null && silPick >= 2 ? silPick : Math.max(2, Math.min(3, maxK));
    }
    List<String> pickLines = new ArrayList<>();
    for (Map.Entry<String, Integer> e : picks.entrySet()) {
      pickLines.add(e.getKey() + " picks K = " + e.getValue());
    }
    if (s.fixedK > 0) {
      k = s.fixedK;
      kReason = "K = " + k + " was fixed with -K";
    } else {
      k = voted;
      kReason = "K = " + k + " is picked by " + String.join(", ", votes.getOrDefault(k, List.of("the fallback rule")))
          + " (" + votes.getOrDefault(k, List.of()).size() + " of " + picks.size() + " criteria)";
    }
    html.heading("K chosen: " + k);
    html.paragraph(kReason + ". Each criterion's pick: " + String.join("; ", pickLines) + ".");
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>(List.of("K"));
    header.addAll(curve.columnNames());
    int[] ks = curve.ks();
    for (int i = 0; i < ks.length; i++) {
      List<String> r = new ArrayList<>(List.of("" + ks[i]));
      for (String c : curve.columnNames()) {
        r.add(ChartTheme.num(curve.column(c)[i]));
      }
      rows.add(r);
    }
    html.table("The K curve of ChooseK", header, rows);
    html.paragraph(gapNote(curve));
    gaussianMixtureSelection(minK, maxK);
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("ks", ks);
    Map<String, Object> columns = new LinkedHashMap<>();
    for (String c : curve.columnNames()) {
      columns.put(c, curve.column(c));
    }
    j.put("curve", columns);
    j.put("picks", picks);
    j.put("knee_k", curve.kneeK());
    j.put("gap_references", GAP_REFERENCES);
    j.put("chosen_k", k);
    j.put("reason", kReason);
    j.put("gmm_bic_k", gmmK);
    j.put("gmm_bic_covariance", gmmType);
    j.put("gmm_bic_ks", gmmKs);
    j.put("gmm_bic", gmmBic);
    json.put("choose_k", j);
  }

  /**
   * B, the uniform reference sets of the gap statistic. Each costs a full K-Means sweep (every K, every
   * restart), most of the K sweep's time; Tibshirani et al. (2001) read the gap with its standard error
   * s_k = sd_k sqrt(1 + 1/B), which the report prints next to it, so a smaller B widens the stated error
   * rather than hiding it: 5 sets instead of 10 halve the cost and multiply s_k by about sqrt(2).
   */
  static final int GAP_REFERENCES = 5;

  /** What the gap column means, how much work it rests on, and how sure its pick is. */
  private String gapNote(KCurve curve) {
    int[] ks = curve.ks();
    double[] gap = curve.column(KCurve.GAP);
    double[] se = curve.column(KCurve.GAP_SE);
    Integer pick = curve.picks().get(KCurve.GAP);
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Gap statistic (Tibshirani, Walther and Hastie "
        + "2001): the log within-cluster sum of squares of %d reference sets drawn uniformly in the data's bounding box, "
        + "minus that of the data; each reference set is clustered like the data (the same K-Means, restarts and K). "
        + "Its standard error s_k = sd_k sqrt(1 + 1/B) with B = %d is the column %s, and the rule takes the smallest K "
        + "with gap(K) >= gap(K+1) - s(K+1).", GAP_REFERENCES, GAP_REFERENCES, KCurve.GAP_SE));
    if (pick != null) {
      int i = Arrays.binarySearch(ks, pick);
      if (i >= 0 && i + 1 < ks.length) {
        double margin = gap[i] - (gap[i + 1] - se[i + 1]);
        sb.append(String.format(Locale.ROOT, " It picks K = %d with a margin of %s%s", pick, ChartTheme.num(margin),
            se[i + 1] > 0 ? String.format(Locale.ROOT, " (%.1f standard errors of K = %d)", margin / se[i + 1], ks[i + 1])
                : ""));
        sb.append(pick == 1 ? ": splitting the data lowers its spread less than it lowers that of structureless "
            + "uniform data, so by this test the data have no cluster structure." : ".");
      }
    }
    return sb.toString();
  }

  private static int lo(int minK) {
    return Math.max(1, minK);
  }

  /** Mixtures by BIC over K (at most n / 10 components: ten rows per component at least) and two covariance types. */
  private void gaussianMixtureSelection(int minK, int maxKSweep) throws Exception {
    int maxK = maxKSweep;
    maxK = Math.max(lo(minK), Math.min(maxK, train.numInstances() / 10));
    String[] opts = {"-N", "" + maxK, "-select", "bic", "-select-min-n", "" + Math.max(1, minK), "-select-types",
        mixtureTypes(), "-n-init", "2", "-S", "" + s.seed, "-num-threads", "" + s.threads};
    weka.clusterers.mixture.GaussianMixture gm = new weka.clusterers.mixture.GaussianMixture();
    gm.setOptions(opts.clone());
    long t = System.nanoTime();
    long cpu = cpuNanos();
    gm.buildClusterer(train);
    part("Mixtures by BIC", t, cpu);
    MixtureSelection.Result sel = gm.getSelection();
    int lo = lo(minK);
    int[] ks = new int[maxK - lo + 1];
    for (int i = 0; i < ks.length; i++) {
      ks[i] = lo + i;
    }
    Map<String, double[]> lines = new LinkedHashMap<>();
    for (MixtureSelection.Cell c : sel.cells()) {
      double[] v = lines.computeIfAbsent(c.type.name().toLowerCase(Locale.ROOT), x -> {
        double[] a = new double[ks.length];
        Arrays.fill(a, Double.NaN);
        return a;
      });
      if (c.model != null && c.k >= lo && c.k <= maxK) {
        v[c.k - lo] = c.model.bic();
      }
    }
    gmmBic = lines;
    gmmKs = ks;
    gmmK = sel.best().k;
    gmmType = sel.best().type.name().toLowerCase(Locale.ROOT);
    CriterionCurveChart chart = CriterionCurveChart.of(ks, "BIC (lower is better)");
    lines.forEach(chart::line);
    html.figure("bic", chart.chosen(gmmType, gmmK).text("Gaussian mixtures: BIC by K and covariance type",
        "GaussianMixture " + Utils.joinOptions(opts), "-2 log L + p ln n; the model of lowest BIC is kept").build(),
        "BIC of Gaussian mixtures");
    html.paragraph("Gaussian mixtures choose their own K by BIC: " + gmmK + " components with " + gmmType
        + " covariances." + (fullCovariance() ? "" : String.format(Locale.ROOT, " Only diagonal covariances are tried: "
        + "a full covariance in %d dimensions has %d parameters per component, more than the %d rows of a component "
        + "even at K = 2, so its likelihood would be driven by the regularisation of singular covariances, not by the "
        + "data.", train.numAttributes(), fullParameters(), train.numInstances() / 2)));
    command("The BIC table of the Gaussian mixtures:", concat(new String[] {"weka.clusterers.mixture.GaussianMixture",
        "-t", shown("prepared.arff")}, concat(classOpts(), opts)));
  }

  /** Parameters of one full-covariance Gaussian component: d means and d (d + 1) / 2 covariances. */
  private long fullParameters() {
    long d = train.numAttributes();
    return d + d * (d + 1) / 2;
  }

  /**
   * Full covariances only when they can be estimated: a component of the average size at K = 2 must
   * have more rows than parameters; otherwise (one-hot columns, many attributes) every full covariance
   * is singular and the BIC rewards the regularisation, not the fit. Diagonal covariances always.
   */
  private boolean fullCovariance() {
    return train.numInstances() / 2 > fullParameters();
  }

  private String mixtureTypes() {
    return fullCovariance() ? "full,diag" : "diag";
  }

  /**
   * Above this many columns the neighbour queries of the density methods scan every row: a tree's
   * bounds prune almost nothing there (scikit-learn's auto switches to brute force above 15 features
   * too), and on the one-hot customer survey (66 columns) the scan runs HDBSCAN twice as fast as the
   * ball tree with the same result.
   */
  static final int SCAN_ABOVE_COLUMNS = clusterlab.core.neighbors.NeighborIndexes.KD_TREE_MAX_DIMENSIONS;

  private String[] indexOption() {
    return train.numAttributes() > SCAN_ABOVE_COLUMNS ? new String[] {"-index", "linear-scan"} : new String[0];
  }

  // ---------------------------------------------------------------- 5. clustering

  private void cluster() throws Exception {
    int d = train.numAttributes();
    int minPts = Math.max(4, Math.min(2 * d, 50));
    methods.add(new Method("kmeans", "K-Means", "weka.clusterers.centroid.KMeans", "-N", "" + k, "-n-init", "10", "-S",
        "" + s.seed, "-num-threads", "" + s.threads));
    methods.add(new Method("ward", "Ward (agglomerative)", "weka.clusterers.hierarchical.Agglomerative", "-L", "ward",
        "-N", "" + k, "-num-threads", "" + s.threads));
    methods.add(new Method("dbscan", "DBSCAN", "weka.clusterers.density.DBSCAN", concat(new String[] {"-M", "" + minPts,
        "-auto-eps"}, concat(indexOption(), "-num-threads", "" + s.threads))));
    methods.add(new Method("gmm", "Gaussian mixture", "weka.clusterers.mixture.GaussianMixture", "-N", "" + gmmK,
        "-covariance", gmmType, "-n-init", "3", "-S", "" + s.seed, "-num-threads", "" + s.threads));
    html.section("cluster", "5. Clustering three ways (and a Gaussian mixture)");
    html.paragraph("K-Means and Ward's agglomerative clustering with the chosen K = " + k + "; DBSCAN with minPts = "
        + minPts + " (twice the number of columns, within 4..50) and eps at the knee of the k-distance curve; a Gaussian "
        + "mixture with the K and covariance type of lowest BIC."
        + (indexOption().length > 0 ? " In " + d + " columns the density methods find neighbours by scanning every row "
            + "(-index linear-scan): a search tree prunes almost nothing in that many dimensions." : ""));
    File prep = new File(work, "prepared.arff");
    for (int i = 0; i < methods.size(); i++) {
      Method m = methods.get(i);
      long t = System.nanoTime();
      long cpu = cpuNanos();
      m.resamples = m.key.equals("kmeans") || m.key.equals("ward") ? s.bootstrap : Math.min(s.bootstrap, CAPPED_RESAMPLES);
      String[] args = qualityArgs(prep.getPath(), m);
      ClusterQuality q = new ClusterQuality();
      q.setOptions(Arrays.copyOfRange(args, 1, args.length));
      try {
        m.result = q.compute();
      } catch (Exception e) {
        if (!m.key.equals("hdbscan")) {
          throw e;
        }
        html.paragraph("HDBSCAN found no cluster either: every row is noise at this minimum cluster size ("
            + e.getMessage() + ").");
        methods.remove(i--);
        continue;
      }
      m.seconds = (System.nanoTime() - t) / 1e9;
      m.cpuSeconds = (cpuNanos() - cpu) / 1e9;
      log.printf(Locale.ROOT, "      %s: %s, %d noise, %.1f s (%.1f s of CPU)%n", m.name, clustersText(m.clusters()), m.noise(),
          m.seconds, m.cpuSeconds);
      html.heading(m.name);
      html.paragraph(String.format(Locale.ROOT, "%s%s; mean silhouette %s.", clustersText(m.clusters()),
          m.noise() > 0 ? String.format(Locale.ROOT, ", %d rows (%.1f %%) noise", m.noise(),
              100.0 * m.noise() / train.numInstances()) : "", ChartTheme.num(m.result.report.value("silhouette"))));
      command("Every index of this clustering, with bootstrap stability:", qualityArgs(shown("prepared.arff"), m));
      charts(m);
      if (m.key.equals("dbscan") && m.clusters() < 2) {
        int minSize = Math.max(5, train.numInstances() / 25);
        methods.add(i + 1, new Method("hdbscan", "HDBSCAN", "weka.clusterers.density.HDBSCAN", concat(new String[] {"-M",
            "" + minSize}, concat(indexOption(), "-num-threads", "" + s.threads))));
        html.paragraph("DBSCAN found " + m.clusters() + " cluster with one global eps, so HDBSCAN, which lets the density "
            + "level vary between clusters, is tried too (minimum cluster size " + minSize + ", n / 25 and at least 5).");
      }
    }
  }

  /**
   * Resamples of the bootstrap stability of DBSCAN, HDBSCAN and the mixture, whose fits cost most: ten
   * resamples estimate a mean Jaccard to about +-0.03 (its spread over resamples is rarely above 0.1),
   * enough to tell a stable cluster (0.85) from a doubtful one (0.6); K-Means and Ward get all of -B.
   */
  static final int CAPPED_RESAMPLES = 10;

  private String[] qualityArgs(String file, Method m) {
    List<String> a = new ArrayList<>(List.of("weka.clusterers.evaluation.ClusterQuality", "-t", file));
    a.addAll(List.of(classOpts()));
    a.addAll(List.of("-B", "" + m.resamples, "-S", "" + s.seed, "-num-threads", "" + s.threads, "-W", m.clusterer, "--"));
    a.addAll(List.of(m.options));
    return a.toArray(new String[0]);
  }

  private void charts(Method m) throws Exception {
    EnumSet<ClustererCharts.Kind> kinds = EnumSet.of(ClustererCharts.Kind.SCATTER, ClustererCharts.Kind.SILHOUETTE);
    if (m.key.equals("dbscan")) {
      kinds.add(ClustererCharts.Kind.KDISTANCE);
    }
    Map<String, JFreeChart> charts = new ClustererCharts(m.result.clusterer, train, null).build(kinds);
    for (Map.Entry<String, JFreeChart> e : charts.entrySet()) {
      html.figure(m.key + "-" + e.getKey(), e.getValue(), m.name + ": " + e.getKey());
    }
    if (m.key.equals("kmeans")) {
      html.figure("kmeans-tsne", ScatterChart.of(tsneProjection, m.result.labels).title("K-Means clusters on the t-SNE map")
          .build(), "K-Means clusters on the t-SNE map");
    }
    if (m.key.equals("ward")) {
      clusterlab.weka.hierarchical.HierarchicalClustererBase h =
          (clusterlab.weka.hierarchical.HierarchicalClustererBase) m.result.clusterer;
      html.figure("ward-dendrogram", DendrogramChart.of(h.getMergeHistory()).leafLabels(sampled ? null : input.rowLabels())
          .cut(DendrogramLayout.Cut.clusters(k)).parameters("Agglomerative " + Utils.joinOptions(m.options)).build(),
          "Ward dendrogram with its cut at K = " + k);
    }
  }

  // ---------------------------------------------------------------- 6. evaluation

  private void evaluate() throws Exception {
    html.section("evaluate", "6. Evaluation");
    List<String> names = new ArrayList<>();
    for (QualityReport.Entry e : methods.get(0).result.report.entries()) {
      names.add(e.name());
    }
    List<String> header = new ArrayList<>(List.of("index"));
    for (Method m : methods) {
      header.add(m.name);
    }
    List<List<String>> rows = new ArrayList<>();
    for (String n : names) {
      QualityReport.Entry e = methods.get(0).result.report.entry(n);
      List<String> r = new ArrayList<>(List.of(n + (e.direction() == QualityReport.Direction.HIGHER ? " (higher better)"
          : e.direction() == QualityReport.Direction.LOWER ? " (lower better)" : "")));
      for (Method m : methods) {
        r.add(ChartTheme.num(m.result.report.value(n)));
      }
      rows.add(r);
    }
    html.table("Every index per method (internal indices on the prepared data; noise left out of them)", header, rows);
    best = chooseBest();
    List<String> reading = new ArrayList<>();
    Map<String, Object> agreement = new LinkedHashMap<>();
    for (int a = 0; a < methods.size(); a++) {
      for (int b = a + 1; b < methods.size(); b++) {
        double ari = External.adjustedRand(Contingency.of(methods.get(a).result.labels, methods.get(b).result.labels));
        agreement.put(methods.get(a).key + "~" + methods.get(b).key, ari);
        reading.add(String.format(Locale.ROOT, "%s and %s %s (adjusted Rand %.2f).", methods.get(a).name,
            methods.get(b).name, ari >= 0.8 ? "agree" : ari >= 0.5 ? "largely agree" : "disagree", ari));
      }
    }
    for (Method m : methods) {
      if (m.noise() > 0) {
        reading.add(String.format(Locale.ROOT, "%s marks %.1f %% of the rows as noise.", m.name,
            100.0 * m.noise() / train.numInstances()));
      }
      double ari = m.result.report.value("adjusted_rand");
      if (!Double.isNaN(ari)) {
        reading.add(String.format(Locale.ROOT, "%s against the class: adjusted Rand %.2f, NMI %.2f, purity %.2f.", m.name,
            ari, m.result.report.value("nmi_arithmetic"), m.result.report.value("purity")));
      }
      double stab = m.result.report.value("bootstrap_jaccard_min");
      if (!Double.isNaN(stab)) {
        reading.add(String.format(Locale.ROOT, "%s: its least stable cluster keeps a mean Jaccard of %.2f over %d "
            + "bootstrap resamples (%s).", m.name, stab, m.resamples, stab >= 0.85 ? "highly stable" : stab >= 0.75
                ? "stable" : stab >= 0.6 ? "a pattern, but doubtful" : "not a stable cluster"));
      }
    }
    reading.add("Best: " + best.name + ", " + bestReason + ".");
    structure = structureReading();
    reading.add(0, structure);
    html.heading("Reading");
    html.bullets(reading);
    save(labelled(), new File(work, "labelled.arff"));
    String[] cmp = {"weka.clusterers.evaluation.ClusterQuality", "-t", shown("labelled.arff"), "-c", "cluster_kmeans",
        "-label-attribute", "cluster_ward", "-no-dunn"};
    command("The agreement of two methods (adjusted Rand of cluster_ward against cluster_kmeans as the reference):", cmp);
    List<Object> ms = new ArrayList<>();
    for (Method m : methods) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("key", m.key);
      j.put("name", m.name);
      j.put("clusterer", m.clusterer + " " + Utils.joinOptions(m.options));
      j.put("command", "java weka.Run " + Utils.joinOptions(qualityArgs(shown("prepared.arff"), m)));
      j.put("clusters", m.clusters());
      j.put("noise", m.noise());
      j.put("sizes", sizes(m.result.labels));
      Map<String, Object> idx = new LinkedHashMap<>();
      for (QualityReport.Entry e : m.result.report.entries()) {
        if (Double.isFinite(e.value())) {
          idx.put(e.name(), e.value());
        }
      }
      j.put("indices", idx);
      j.put("undefined", m.result.report.notes());
      j.put("bootstrap_resamples", m.resamples);
      j.put("seconds", m.seconds);
      j.put("cpu_seconds", m.cpuSeconds);
      ms.add(j);
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("methods", ms);
    e.put("agreement_ari", agreement);
    e.put("best", best.key);
    e.put("best_reason", bestReason);
    e.put("reading", reading);
    e.put("structure", structureShort);
    json.put("evaluation", e);
  }

  /**
   * Kaufman and Rousseeuw's reading of a mean silhouette (Finding Groups in Data, 1990, ch. 2): above
   * 0.70 a strong structure, above 0.50 a reasonable one, above 0.25 a weak one that could be
   * artificial, else no substantial structure.
   */
  static String silhouetteScale(double s) {
    return s > 0.70 ? "strong" : s > 0.50 ? "reasonable" : s > 0.25 ? "weak" : "no substantial";
  }

  /**
   * Whether the data have cluster structure at all, from what the steps measured: the silhouette of the
   * best clustering on Kaufman and Rousseeuw's scale, the gap statistic's pick, DBSCAN at the k-distance
   * knee and HDBSCAN's noise. When they agree that there is none, the reading says so in words: the
   * K-Means and Ward clusters then cut a continuum into segments, they do not find natural groups.
   */
  private String structureReading() {
    double sil = best.result.report.value("silhouette");
    String scale = Double.isNaN(sil) ? "unknown" : silhouetteScale(sil);
    List<String> why = new ArrayList<>();
    why.add(String.format(Locale.ROOT, "%s cluster structure by Kaufman and Rousseeuw's reading of the best method's mean "
        + "silhouette (%s; above 0.70 strong, above 0.50 reasonable, above 0.25 weak and possibly artificial, else none)",
        Character.toUpperCase(scale.charAt(0)) + scale.substring(1), ChartTheme.num(sil)));
    boolean gapNone = gapPick != null && gapPick == 1;
    if (gapNone) {
      why.add("the gap statistic picks K = 1 (no more structure than uniform reference data)");
    }
    boolean densityNone = false;
    for (Method m : methods) {
      int n = train.numInstances();
      if (m.key.equals("dbscan") && m.clusters() <= 1) {
        densityNone = true;
        clusterlab.core.density.DbscanModel db = ((weka.clusterers.density.DBSCAN) m.result.clusterer).getModel();
        why.add(String.format(Locale.ROOT, "DBSCAN finds no density-separated groups: at the knee of the k-distance "
            + "curve (eps %s, where %.1f %% of the rows are core points) it joins %.1f %% of the rows into %s",
            ChartTheme.num(db.eps()), 100.0 * db.coreCount() / n, 100.0 * (n - m.noise()) / n,
            m.clusters() == 1 ? "one density-connected cluster" : "no cluster"));
      }
      if (m.key.equals("hdbscan") && m.noise() > n / 2) {
        why.add(String.format(Locale.ROOT, "HDBSCAN, which lets the density level differ between clusters, finds only "
            + "%d dense core%s (%s rows) and leaves %.1f %% of the rows as noise: small dense pockets, not groups that "
            + "cover the data", m.clusters(), m.clusters() == 1 ? "" : "s",
            sizesText(sizes(m.result.labels)), 100.0 * m.noise() / n));
      }
    }
    boolean none = !Double.isNaN(sil) && sil <= 0.25 && (gapNone || densityNone);
    structureShort = none ? "none found: one continuous cloud, the clusters are segments of it (see Evaluation)"
        : scale + " (mean silhouette " + ChartTheme.num(sil) + " on Kaufman and Rousseeuw's scale)";
    String text = String.join("; ", why) + ".";
    if (none) {
      text += " So the rows form one continuous cloud without low-density gaps between groups: the K = " + k
          + " clusters of K-Means and Ward are a partition of that cloud, usable as segments (profiled below), not "
          + "natural groups, and their boundaries depend on the method.";
    }
    return text;
  }

  private static String clustersText(int clusters) {
    return clusters + (clusters == 1 ? " cluster" : " clusters");
  }

  private static String sizesText(int[] sizes) {
    List<String> out = new ArrayList<>();
    for (int v : sizes) {
      out.add("" + v);
    }
    return String.join(" + ", out);
  }

  private String bestReason;

  /** Highest mean silhouette among the methods with at least 2 clusters and at most 10 % noise. */
  private Method chooseBest() {
    Method b = null;
    for (Method m : methods) {
      boolean ok = m.clusters() >= 2 && m.noise() <= 0.1 * train.numInstances();
      double sil = m.result.report.value("silhouette");
      if (ok && !Double.isNaN(sil) && (b == null || sil > b.result.report.value("silhouette"))) {
        b = m;
      }
    }
    if (b == null) {
      b = methods.get(0);
      bestReason = "by default: no method found at least 2 clusters with at most 10 % noise";
    } else {
      bestReason = String.format(Locale.ROOT, "the highest mean silhouette (%.3f) among the methods with at least two "
          + "clusters and at most 10 %% noise", b.result.report.value("silhouette"));
    }
    return b;
  }

  private static int[] sizes(int[] labels) {
    int max = -1;
    for (int l : labels) {
      max = Math.max(max, l);
    }
    int[] n = new int[max + 1];
    for (int l : labels) {
      if (l >= 0) {
        n[l]++;
      }
    }
    return n;
  }

  /** The prepared rows with one nominal cluster attribute per method ("noise" for noise). */
  private Instances labelled() {
    Instances out = new Instances(prepared);
    for (Method m : methods) {
      List<String> values = new ArrayList<>();
      for (int c = 0; c < sizes(m.result.labels).length; c++) {
        values.add("" + c);
      }
      values.add("noise");
      int at = out.numAttributes();
      out.insertAttributeAt(new Attribute("cluster_" + m.key, values), at);
      for (int i = 0; i < out.numInstances(); i++) {
        int l = m.result.labels[i];
        out.instance(i).setValue(at, l < 0 ? values.size() - 1 : l);
      }
    }
    out.setRelationName(input.data.relationName() + "-clusters");
    return out;
  }

  // ---------------------------------------------------------------- 7. profiles

  private void profiles() throws Exception {
    html.section("profiles", "7. Profiles of the " + best.name + " clusters");
    int[] labels = best.result.labels;
    Dataset data = QualitySupport.dataset(train);
    String[] names = new String[train.numAttributes()];
    for (int j = 0; j < names.length; j++) {
      names[j] = train.attribute(j).name();
    }
    ClusterProfileChart p = ClusterProfileChart.of(data, labels).attributeNames(names).parameters(best.name + " "
        + Utils.joinOptions(best.options));
    html.figure("profile-heatmap", p.heatMap(), "Standardized means of every cluster");
    double[][] z = p.standardizedMeans();
    int[] size = sizes(labels);
    boolean[] outlierRow = outlierRows();
    double[] lof = localOutlierFactors();
    List<List<String>> rows = new ArrayList<>();
    List<Object> js = new ArrayList<>();
    for (int c = 0; c < size.length; c++) {
      Integer[] order = new Integer[names.length];
      for (int j = 0; j < order.length; j++) {
        order[j] = j;
      }
      final int cc = c;
      Arrays.sort(order, (a, b) -> Double.compare(Math.abs(z[cc][b]), Math.abs(z[cc][a])));
      List<String> top = new ArrayList<>();
      for (int t = 0; t < Math.min(3, order.length); t++) {
        top.add(names[order[t]] + String.format(Locale.ROOT, " %+.2f", z[c][order[t]]));
      }
      int outliers = 0;
      int lofOutliers = 0;
      for (int i = 0; i < labels.length; i++) {
        outliers += labels[i] == c && outlierRow[i] ? 1 : 0;
        lofOutliers += labels[i] == c && lof[i] > LOF_THRESHOLD ? 1 : 0;
      }
      List<Object> anomalies = new ArrayList<>();
      List<String> anomalyText = new ArrayList<>();
      for (int i : mostAnomalous(labels, c, lof, 3)) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("row", i + 1);
        a.put("lof", lof[i]);
        anomalies.add(a);
        anomalyText.add(String.format(Locale.ROOT, "row %d (%.2f)", i + 1, lof[i]));
      }
      rows.add(List.of("cluster " + c, "" + size[c], String.format(Locale.ROOT, "%.1f%%", 100.0 * size[c] / labels.length),
          String.join(", ", top), "" + outliers, "" + lofOutliers, String.join(", ", anomalyText)));
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("cluster", c);
      j.put("size", size[c]);
      j.put("standardized_means", z[c]);
      j.put("top_attributes", top);
      j.put("outlier_rows", outliers);
      j.put("lof_outliers", lofOutliers);
      j.put("most_anomalous", anomalies);
      js.add(j);
    }
    html.table("Clusters: size, the attributes that separate each most (standardized mean), its outliers",
        List.of("cluster", "rows", "share", "most distinctive attributes", "robust-z outlier rows",
            "LOF > " + LOF_THRESHOLD, "most anomalous rows (LOF)"), rows);
    html.paragraph("Outliers of each cluster: the rows the audit flagged (robust z-score above 3.5 on a numeric "
        + "attribute), and the local outlier factor of every prepared row (LOF, Breunig et al. 2000, " + LOF_NEIGHBOURS
        + " neighbours): about 1 inside a cluster, above " + LOF_THRESHOLD + " for a row much sparser than its "
        + "neighbourhood. Row numbers are those of " + shown("prepared.arff") + " and " + shown("labelled.arff") + ".");
    command("The local outlier factor of every row (" + shown("anomalies.arff") + ", attributes anomaly_score and "
        + "anomaly, the flag above " + LOF_THRESHOLD + "):", anomalyArgs(shown("prepared.arff"), shown("anomalies.arff")));
    html.paragraph("A standardized mean is (cluster mean - overall mean) / overall standard deviation of the prepared "
        + "column: +1 means one standard deviation above the average row. The labelled rows are in "
        + shown("labelled.arff") + " (attribute cluster_" + best.key + ").");
    Map<String, Object> pj = new LinkedHashMap<>();
    pj.put("method", best.key);
    pj.put("attributes", names);
    pj.put("clusters", js);
    pj.put("lof_neighbours", LOF_NEIGHBOURS);
    pj.put("lof_threshold", LOF_THRESHOLD);
    pj.put("anomaly_command", commands.get(commands.size() - 1));
    json.put("profiles", pj);
  }

  /** LOF's neighbourhood (scikit-learn's default n_neighbors) and the usual reading of "clearly outlying". */
  static final int LOF_NEIGHBOURS = 20;
  static final double LOF_THRESHOLD = 1.5;

  private String[] anomalyOptions() {
    return new String[] {"-method", "lof", "-K", "" + LOF_NEIGHBOURS, "-flag", "threshold", "-threshold",
        "" + LOF_THRESHOLD, "-num-threads", "" + s.threads};
  }

  private String[] anomalyArgs(String in, String out) {
    return concat(concat(new String[] {"weka.filters.unsupervised.attribute.AnomalyScore"}, anomalyOptions()),
        concat(new String[] {"-i", in, "-o", out}, classOpts()));
  }

  /**
   * The local outlier factor of every prepared row, by the AnomalyScore filter the printed command runs
   * (the class, if any, is ignored by it); written as anomalies.arff.
   */
  private double[] localOutlierFactors() throws Exception {
    weka.filters.unsupervised.attribute.AnomalyScore f = new weka.filters.unsupervised.attribute.AnomalyScore();
    f.setOptions(anomalyOptions());
    f.setInputFormat(prepared);
    Instances scored = Filter.useFilter(prepared, f);
    save(scored, new File(work, "anomalies.arff"));
    int at = scored.numAttributes() - 2; // the score, then the flag
    double[] lof = new double[scored.numInstances()];
    for (int i = 0; i < lof.length; i++) {
      lof[i] = scored.instance(i).value(at);
    }
    return lof;
  }

  /** The rows of cluster c of highest score, at most {@code m}, highest first (ties: lower row first). */
  static int[] mostAnomalous(int[] labels, int c, double[] score, int m) {
    return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c && Double.isFinite(score[i]))
        .boxed().sorted((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b))
        .limit(m).mapToInt(Integer::intValue).toArray();
  }

  /**
   * Rows of the clustered data with a robust z-score above 3.5 on a column that was a numeric attribute
   * (the robust z-score does not change under the scaling; one-hot columns are left out).
   */
  private boolean[] outlierRows() {
    java.util.Set<String> numeric = new java.util.HashSet<>();
    for (int j : audit.numeric()) {
      numeric.add(audit.columns().get(j).name);
    }
    boolean[] out = new boolean[train.numInstances()];
    for (int j = 0; j < train.numAttributes(); j++) {
      if (!numeric.contains(train.attribute(j).name())) {
        continue;
      }
      double[] v = train.attributeToDoubleArray(j);
      clusterlab.core.prep.OutlierResult r = clusterlab.core.prep.OutlierDetector.fit(
          clusterlab.core.prep.OutlierDetector.Method.ROBUST_Z, v, v.length, 1).score(v, v.length, 3.5);
      for (int i = 0; i < v.length; i++) {
        out[i] |= r.isOutlier(i);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- output

  private void finish() throws Exception {
    html.summary("Data", String.format(Locale.ROOT, "%s: %d rows, %d attributes%s", s.input, input.data.numInstances(),
        input.data.numAttributes(), input.classIndex >= 0 ? ", class " + input.data.classAttribute().name() : ""));
    html.summary("K chosen", kReason);
    html.summary("Best method", best.name + ": " + bestReason);
    html.summary("Cluster structure", structureShort);
    for (Method m : methods) {
      html.summary(m.name, String.format(Locale.ROOT, "%s, %d noise, silhouette %s%s", clustersText(m.clusters()), m.noise(),
          ChartTheme.num(m.result.report.value("silhouette")), Double.isNaN(m.result.report.value("adjusted_rand")) ? ""
              : ", adjusted Rand vs class " + ChartTheme.num(m.result.report.value("adjusted_rand"))));
    }
    html.summary("Files", "report.json, prepared.arff, labelled.arff, tsne.arff, anomalies.arff (LOF of every row), "
        + "outliers listed by the audit command, "
        + "images/*.png");
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("report", "ClusterLab clustering report");
    root.put("versions", versions());
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("input", s.input);
    params.put("class", s.classSpec);
    params.put("output", s.outDir);
    params.put("min_k", s.minK);
    params.put("max_k", s.maxK);
    params.put("fixed_k", s.fixedK);
    params.put("seed", s.seed);
    params.put("threads", s.threads);
    params.put("bootstrap", s.bootstrap);
    params.put("max_rows", s.maxRows);
    root.put("parameters", params);
    root.putAll(json);
    root.put("figures", html.figureFiles());
    root.put("commands", commands);
    root.put("timings_seconds", timings);
    root.put("cpu_seconds", cpuTimings);
    Files.writeString(new File(work, "report.json").toPath(), Json.write(root));
    StringBuilder footer = new StringBuilder("Parameters: " + params + "\nVersions: " + versions() + "\nTimings (s): ");
    timings.forEach((k2, v) -> footer.append(k2).append(' ').append(String.format(Locale.ROOT, "%.2f", (Double) v))
        .append("; "));
    html.write(new File(work, "report.html"), footer.toString());
    moveInto(new File(s.outDir).getAbsoluteFile());
  }

  static Map<String, Object> versions() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("clusterlab", ClusterReport.version());
    v.put("weka", weka.core.Version.VERSION);
    v.put("java", System.getProperty("java.version"));
    v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    return v;
  }

  private void moveInto(File out) throws IOException {
    Files.createDirectories(out.toPath());
    File img = new File(out, "images");
    if (img.isDirectory()) {
      deleteTree(img);
    }
    File[] files = work.listFiles();
    if (files != null) {
      for (File f : files) {
        Files.move(f.toPath(), new File(out, f.getName()).toPath(), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    deleteTree(work);
  }

  static void deleteTree(File f) {
    File[] children = f.listFiles();
    if (children != null) {
      for (File c : children) {
        deleteTree(c);
      }
    }
    f.delete();
  }

  private List<String> summaryLines() {
    List<String> out = new ArrayList<>();
    out.add("Report:      " + shown("report.html"));
    out.add(String.format(Locale.ROOT, "Data:        %s (%d rows, %d attributes)", s.input, input.data.numInstances(),
        input.data.numAttributes()));
    out.add("K chosen:    " + kReason);
    out.add(String.format(Locale.ROOT, "Best method: %s (silhouette %.3f%s)", best.name, best.result.report.value("silhouette"),
        Double.isNaN(best.result.report.value("adjusted_rand")) ? "" : String.format(Locale.ROOT,
            ", adjusted Rand vs class %.3f", best.result.report.value("adjusted_rand"))));
    out.add("Structure:   " + structureShort);
    out.add(String.format(Locale.ROOT, "Time:        %.1f s", (Double) timings.get("total_seconds")));
    return out;
  }
}
