package clusterlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.report.Json;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report in-process on every bundled data set: its sections and figures, every figure in
 * report.json finite and in range, the charts embedded and written; and bad input refused with a
 * message naming the problem, leaving nothing behind.
 */
public class ClusterReportTest {

  private static final File OUT = new File("target/cluster-report-test");

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** Runs the command; returns {status, stdout, stderr}. */
  static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new ClusterReport().execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {"" + status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
  }

  /** Every bundled data set (resources/data/*.arff), so a newly bundled one is covered without editing this test. */
  static List<String> bundled() throws java.io.IOException {
    try (var s = Files.list(Path.of("resources/data"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".arff")).map(n -> n.replace(".arff", ""))
          .sorted().collect(java.util.stream.Collectors.toList());
    }
  }

  @Test
  void everyBundledDataSetIsCovered() throws Exception {
    assertTrue(bundled().containsAll(List.of("iris", "wine", "income")), bundled().toString());
  }

  @ParameterizedTest
  @MethodSource("bundled")
  void theReportOnEveryBundledDataSet(String name) throws Exception {
    // a nominal last attribute is the class (iris, wine, wdbc-anomaly); income's last attribute is an answer
    weka.core.Instances head = new weka.core.converters.ConverterUtils.DataSource("resources/data/" + name + ".arff")
        .getStructure();
    boolean classed = head.attribute(head.numAttributes() - 1).isNominal() && !name.equals("income");
    File dir = new File(OUT, name);
    String[] r = classed
        ? run("-t", "resources/data/" + name + ".arff", "-c", "last", "-o", dir.getPath(), "-max-k", "6", "-B", "5")
        : run("-t", "resources/data/" + name + ".arff", "-o", dir.getPath(), "-max-k", "6", "-B", "5");
    assertEquals("0", r[0], r[2]);
    assertTrue(r[1].contains("Report:") && r[1].contains("K chosen:") && r[1].contains("Best method:"), r[1]);
    assertTrue(r[2].contains("[7/7] Profiles done"), "a progress line per step on stderr:\n" + r[2]);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(new File(dir, "report.json").toPath()));
    for (String section : List.of("versions", "parameters", "audit", "preparation", "projection", "choose_k",
        "evaluation", "profiles", "figures", "commands", "timings_seconds")) {
      assertTrue(json.containsKey(section), name + ": report.json lacks " + section);
    }
    checkNumbers(name, "", json);
    checkRanges(name, json, classed);
    checkStructureReading(name, json, r[1]);
    checkOutliersPerCluster(name, json, dir);
    checkWorkRules(name, json, 5);
    String html = Files.readString(new File(dir, "report.html").toPath());
    @SuppressWarnings("unchecked")
    List<Object> figures = (List<Object>) json.get("figures");
    assertTrue(figures.size() >= 12, name + ": figures " + figures);
    int embedded = html.split("data:image/png;base64,", -1).length - 1;
    assertEquals(figures.size(), embedded, name + ": every figure embedded in report.html");
    for (Object f : figures) {
      File png = new File(dir, "images/" + f);
      assertNotNull(ImageIO.read(png), name + ": " + png + " is not a readable PNG");
    }
    assertFalse(html.contains("src=\"http") || html.contains("<script"), "self-contained, no script");
    for (String id : SECTIONS) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), name + ": section " + id);
    }
    assertTrue(html.contains("java weka.Run weka.clusterers.evaluation.ClusterQuality"), "reproduction commands");
    weka.core.Instances labelled = new weka.core.Instances(Files.newBufferedReader(new File(dir, "labelled.arff").toPath()));
    @SuppressWarnings("unchecked")
    Map<String, Object> prep = (Map<String, Object>) json.get("preparation");
    assertEquals(((Number) prep.get("rows")).intValue(), labelled.numInstances());
    assertNotNull(labelled.attribute("cluster_kmeans"));
    try (var s = Files.list(OUT.toPath())) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("-partial-")), "no partial folder left");
    }
  }

  /**
   * Step 6 names each cluster's outliers: the rows over the LOF threshold and its most anomalous rows
   * (1-based rows of prepared.arff, highest local outlier factor first), read from anomalies.arff.
   */
  @SuppressWarnings("unchecked")
  private static void checkOutliersPerCluster(String name, Map<String, Object> json, File dir) throws Exception {
    weka.core.Instances scored = new weka.core.Instances(Files.newBufferedReader(new File(dir, "anomalies.arff").toPath()));
    int at = scored.attribute("anomaly_score").index();
    Map<String, Object> prof = (Map<String, Object>) json.get("profiles");
    double threshold = ((Number) prof.get("lof_threshold")).doubleValue();
    assertTrue(((String) prof.get("anomaly_command")).contains("AnomalyScore -method lof"), name);
    int[] labels = labelsOfBest(dir, (String) prof.get("method"));
    assertEquals(scored.numInstances(), labels.length, name + ": a score for every clustered row");
    for (Object o : (List<Object>) prof.get("clusters")) {
      Map<String, Object> c = (Map<String, Object>) o;
      int cluster = ((Number) c.get("cluster")).intValue();
      int over = 0;
      double highest = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == cluster) {
          double lof = scored.instance(i).value(at);
          over += lof > threshold ? 1 : 0;
          highest = Math.max(highest, lof);
        }
      }
      assertEquals(over, ((Number) c.get("lof_outliers")).intValue(), name + ": LOF outliers of cluster " + cluster);
      List<Object> top = (List<Object>) c.get("most_anomalous");
      assertFalse(top.isEmpty(), name + ": cluster " + cluster + " names its most anomalous rows");
      double previous = Double.POSITIVE_INFINITY;
      for (Object t : top) {
        Map<String, Object> row = (Map<String, Object>) t;
        int r = ((Number) row.get("row")).intValue();
        double lof = ((Number) row.get("lof")).doubleValue();
        assertEquals(cluster, labels[r - 1], name + ": row " + r + " is in cluster " + cluster);
        assertEquals(scored.instance(r - 1).value(at), lof, 1e-6, name + ": LOF of row " + r);
        assertTrue(lof <= previous, name + ": highest first");
        previous = lof;
      }
      assertEquals(highest, ((Number) ((Map<String, Object>) top.get(0)).get("lof")).doubleValue(), 1e-6,
          name + ": the most anomalous row of cluster " + cluster + " comes first");
    }
  }

  /** The best method's labels from labelled.arff (noise = -1). */
  private static int[] labelsOfBest(File dir, String method) throws Exception {
    weka.core.Instances l = new weka.core.Instances(Files.newBufferedReader(new File(dir, "labelled.arff").toPath()));
    weka.core.Attribute a = l.attribute("cluster_" + method);
    int[] labels = new int[l.numInstances()];
    for (int i = 0; i < labels.length; i++) {
      String v = l.instance(i).stringValue(a);
      labels[i] = v.equals("noise") ? -1 : Integer.parseInt(v);
    }
    return labels;
  }

  /**
   * The rules that bound the report's work, read back from report.json: the clustered rows at most
   * -max-rows, the bootstrap resamples (all of -B for K-Means and Ward, at most 10 for the costly
   * fits), full mixture covariances only where estimable, a scan for the density methods above 15
   * columns.
   */
  @SuppressWarnings("unchecked")
  public static void checkWorkRules(String name, Map<String, Object> json, int bootstrap) {
    Map<String, Object> params = (Map<String, Object>) json.get("parameters");
    Map<String, Object> prep = (Map<String, Object>) json.get("preparation");
    int rows = ((Number) prep.get("rows")).intValue();
    int columns = ((Number) prep.get("columns")).intValue();
    int maxRows = ((Number) params.get("max_rows")).intValue();
    assertTrue(maxRows == 0 || rows <= maxRows, name + ": " + rows + " rows clustered, -max-rows " + maxRows);
    for (Object o : (List<Object>) ((Map<String, Object>) json.get("evaluation")).get("methods")) {
      Map<String, Object> m = (Map<String, Object>) o;
      String key = (String) m.get("key");
      int b = ((Number) m.get("bootstrap_resamples")).intValue();
      int expected = key.equals("kmeans") || key.equals("ward") ? bootstrap : Math.min(bootstrap, 10);
      assertEquals(expected, b, name + ": bootstrap resamples of " + key);
      assertTrue(((String) m.get("command")).contains(" -B " + b + " "), name + ": " + m.get("command"));
      if (key.equals("dbscan") || key.equals("hdbscan")) {
        assertEquals(columns > 15, ((String) m.get("command")).contains("-index linear-scan"), name + ": " + m.get("command"));
      }
    }
    Map<String, Object> ck = (Map<String, Object>) json.get("choose_k");
    int refs = ((Number) ck.get("gap_references")).intValue();
    assertEquals(ReportRun.GAP_REFERENCES, refs, name + ": gap reference sets");
    assertTrue(((List<Object>) json.get("commands")).stream().anyMatch(c -> ((String) c).contains("ChooseK")
        && ((String) c).contains(" -gap-refs " + refs + " ")), name + ": the K sweep's command states B");
    boolean fullEstimable = rows / 2 > columns + (long) columns * (columns + 1) / 2;
    assertEquals(fullEstimable, ((Map<String, Object>) ck.get("gmm_bic")).containsKey("full"),
        name + ": full covariances tried only when estimable (" + rows + " rows, " + columns + " columns)");
    assertTrue(((Map<String, Object>) ck.get("gmm_bic")).containsKey("diag"), name);
  }

  /**
   * The reading starts with whether there is cluster structure at all, and says it in the summary. The
   * customer survey has none (silhouette below 0.25, the gap statistic at K = 1, DBSCAN one cluster at
   * the k-distance knee for any minPts from 4 to 2d, HDBSCAN mostly noise): the reading must say so
   * rather than only print the numbers; iris, which has clusters, must not be read that way.
   */
  @SuppressWarnings("unchecked")
  private static void checkStructureReading(String name, Map<String, Object> json, String stdout) {
    Map<String, Object> ev = (Map<String, Object>) json.get("evaluation");
    String structure = (String) ev.get("structure");
    assertNotNull(structure, name);
    assertTrue(stdout.contains("Structure:   " + structure), name + ": summary\n" + stdout);
    String first = (String) ((List<Object>) ev.get("reading")).get(0);
    assertTrue(first.contains("cluster structure by Kaufman and Rousseeuw's reading"), name + ": " + first);
    if (name.equals("income")) {
      assertTrue(structure.startsWith("none found"), name + ": " + structure);
      assertTrue(first.contains("one continuous cloud") && first.contains("gap statistic picks K = 1")
          && first.contains("DBSCAN finds no density-separated groups"), name + ": " + first);
    }
    if (name.equals("iris")) {
      assertFalse(structure.startsWith("none found"), name + ": " + structure);
    }
  }

  @Test
  void theSilhouetteIsReadOnKaufmanAndRousseeuwsScale() {
    assertEquals("strong", ReportRun.silhouetteScale(0.71));
    assertEquals("reasonable", ReportRun.silhouetteScale(0.70));
    assertEquals("reasonable", ReportRun.silhouetteScale(0.51));
    assertEquals("weak", ReportRun.silhouetteScale(0.50));
    assertEquals("weak", ReportRun.silhouetteScale(0.26));
    assertEquals("no substantial", ReportRun.silhouetteScale(0.25));
    assertEquals("no substantial", ReportRun.silhouetteScale(-0.1));
  }

  @Test
  void theCostlyFitsGetAtMostTenBootstrapResamples() throws Exception {
    File dir = new File(OUT, "resamples");
    String[] r = run("-t", "resources/data/iris.arff", "-c", "last", "-o", dir.getPath(), "-max-k", "4", "-B", "12");
    assertEquals("0", r[0], r[2]);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(new File(dir, "report.json").toPath()));
    checkWorkRules("iris -B 12", json, 12);
    assertTrue(r[2].contains("s of CPU)"), "the progress lines give each step's CPU time:\n" + r[2]);
    @SuppressWarnings("unchecked")
    Map<String, Object> cpu = (Map<String, Object>) json.get("cpu_seconds");
    assertTrue(cpu.keySet().containsAll(List.of("Data audit", "t-SNE", "K sweep (ChooseK)", "Mixtures by BIC",
        "Profiles", "total_seconds")), cpu.toString());
  }

  /** Every number is finite; null (undefined) only in the K curve (silhouette at K = 1). */
  private static void checkNumbers(String name, String path, Object v) {
    if (v instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        checkNumbers(name, path + "." + e.getKey(), e.getValue());
      }
    } else if (v instanceof List) {
      for (Object o : (List<?>) v) {
        checkNumbers(name, path + "[]", o);
      }
    } else if (v == null) {
      assertTrue(path.startsWith(".choose_k.curve") || path.equals(".audit.class") || path.startsWith(".audit.correlation"),
          name + ": null at " + path);
    } else if (v instanceof Double) {
      assertTrue(Double.isFinite((Double) v), name + ": " + path + " = " + v);
    }
  }

  @SuppressWarnings("unchecked")
  private static void checkRanges(String name, Map<String, Object> json, boolean classed) {
    Map<String, Object> ev = (Map<String, Object>) json.get("evaluation");
    List<Object> methods = (List<Object>) ev.get("methods");
    assertTrue(methods.size() >= 4, name + ": K-Means, Ward, a density method and a mixture");
    Set<String> unit = Set.of("purity", "homogeneity", "completeness", "v_measure", "rand", "fowlkes_mallows",
        "bootstrap_jaccard_min", "bootstrap_jaccard_mean");
    for (Object o : methods) {
      Map<String, Object> m = (Map<String, Object>) o;
      Map<String, Object> idx = (Map<String, Object>) m.get("indices");
      for (Map.Entry<String, Object> e : idx.entrySet()) {
        double x = ((Number) e.getValue()).doubleValue();
        String k = e.getKey();
        if (k.contains("silhouette") || k.equals("adjusted_rand")) {
          assertTrue(x >= -1 && x <= 1, name + " " + m.get("key") + " " + k + " = " + x);
        } else if (unit.contains(k) || k.startsWith("nmi") || k.startsWith("ami")) {
          assertTrue(x >= -1e-9 && x <= 1 + 1e-9, name + " " + m.get("key") + " " + k + " = " + x);
        } else {
          assertTrue(x >= 0 || k.startsWith("ami"), name + " " + m.get("key") + " " + k + " = " + x);
        }
      }
      assertTrue(idx.containsKey("bootstrap_jaccard_min") || ((Number) m.get("clusters")).intValue() < 1,
          name + ": stability of " + m.get("key"));
      assertEquals(classed, idx.containsKey("adjusted_rand"), name + ": external indices only with a class");
    }
    Map<String, Object> ck = (Map<String, Object>) json.get("choose_k");
    int refs = ((Number) ck.get("gap_references")).intValue();
    assertEquals(ReportRun.GAP_REFERENCES, refs, name + ": gap reference sets");
    assertTrue(((List<Object>) json.get("commands")).stream().anyMatch(c -> ((String) c).contains("ChooseK")
        && ((String) c).contains(" -gap-refs " + refs + " ")), name + ": the K sweep's command states B");
    int k = ((Number) ck.get("chosen_k")).intValue();
    assertTrue(k >= 2 && k <= 6, name + ": chosen K " + k);
    List<Object> shares = (List<Object>) ((Map<String, Object>) json.get("projection")).get("pca_variance_share");
    double sum = 0;
    for (Object s : shares) {
      double x = ((Number) s).doubleValue();
      assertTrue(x >= 0 && x <= 1, name + ": PCA share " + x);
      sum += x;
    }
    assertEquals(1.0, sum, 1e-9, name + ": PCA shares sum to 1");
    for (Object a : (Map<String, Object>) ev.get("agreement_ari") instanceof Map
        ? ((Map<String, Object>) ev.get("agreement_ari")).values() : List.of()) {
      double x = ((Number) a).doubleValue();
      assertTrue(x >= -1 && x <= 1, name + ": agreement " + x);
    }
  }

  /** The report's sections, in order (the ids of report.html's sections; docs/report.md explains each). */
  static final List<String> SECTIONS = List.of("audit", "prepare", "projection", "choose-k", "cluster", "evaluate",
      "profiles");

  /**
   * docs/report.md keeps up with the command: it explains every option ClusterReport lists and every
   * section of the page, and the README links it and shows the report's picture (made by RunExampleIT
   * with -Dclusterlab.docImages=true from the report its first command writes), kept small.
   */
  @Test
  void theUserGuideExplainsEveryOptionAndSectionAndTheReadmeShowsTheReport() throws Exception {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    String guide = Files.readString(base.resolve("docs/report.md"));
    for (java.util.Enumeration<weka.core.Option> e = new ClusterReport().listOptions(); e.hasMoreElements();) {
      String name = e.nextElement().name();
      assertTrue(guide.contains("`-" + name + " <") || guide.contains("`-" + name + "`"), "docs/report.md lacks -" + name);
    }
    for (String id : SECTIONS) {
      assertTrue(guide.contains("(`#" + id + "`)"), "docs/report.md does not explain section #" + id);
    }
    String readme = Files.readString(base.resolve("README.md"));
    assertTrue(readme.contains("(docs/report.md)"), "README does not link docs/report.md");
    assertTrue(readme.indexOf("./run-example.sh") < readme.indexOf("mvn -B verify"), "the report is the README's first command");
    String image = "docs/img/report-first-screen.png";
    assertTrue(readme.contains("src=\"" + image + "\""), "README does not show " + image);
    Path png = base.resolve(image);
    java.awt.image.BufferedImage img = ImageIO.read(png.toFile());
    assertNotNull(img, image + " is not a PNG");
    assertTrue(img.getWidth() <= 1000 && Files.size(png) < 300_000, image + " should stay small: " + img.getWidth()
        + " px, " + Files.size(png) + " bytes");
  }

  @Test
  void aFileThatIsNotDataIsRefusedAndNothingIsWritten() throws Exception {
    Path bad = Files.createDirectories(OUT.toPath()).resolve("not-data.arff");
    Files.writeString(bad, "this is not an ARFF file\n%%%\n");
    assertRefused("not-data", "not-data.arff", "-t", bad.toString());
  }

  @Test
  void dataWithoutNumericAttributeIsRefused() throws Exception {
    Path f = Files.createDirectories(OUT.toPath()).resolve("nominal-only.arff");
    Files.writeString(f, "@relation n\n@attribute a {x,y}\n@attribute b {u,v}\n@data\nx,u\ny,v\nx,v\ny,u\n");
    assertRefused("nominal-only", "no numeric attribute", "-t", f.toString());
  }

  @Test
  void aSingleRowIsRefused() throws Exception {
    Path f = Files.createDirectories(OUT.toPath()).resolve("one-row.arff");
    Files.writeString(f, "@relation one\n@attribute a numeric\n@attribute b numeric\n@data\n1,2\n");
    assertRefused("one-row", "1 row", "-t", f.toString());
  }

  @Test
  void anAllMissingColumnIsRefusedByName() throws Exception {
    Path f = Files.createDirectories(OUT.toPath()).resolve("empty-column.arff");
    Files.writeString(f, "@relation e\n@attribute a numeric\n@attribute hollow numeric\n@data\n1,?\n2,?\n3,?\n4,?\n");
    assertRefused("empty-column", "hollow", "-t", f.toString());
  }

  @Test
  void badOptionsNameTheOption() {
    String[] r = run("-max-k", "x", "-o", new File(OUT, "bad-option").getPath());
    assertEquals("1", r[0]);
    assertTrue(r[2].contains("option -max-k expects a whole number, got 'x'"), r[2]);
    r = run("-num-threads", "two", "-o", new File(OUT, "bad-option").getPath());
    assertTrue(r[2].contains("option -num-threads expects a whole number, got 'two'"), r[2]);
    r = run("-min-k", "0", "-o", new File(OUT, "bad-option").getPath());
    assertTrue(r[2].contains("option -min-k: the smallest K must be at least 1, got 0"), r[2]);
    r = run("-min-k", "5", "-max-k", "4", "-o", new File(OUT, "bad-option").getPath());
    assertTrue(r[2].contains("-min-k (5) must not exceed -max-k (4)"), r[2]);
    String[] missing = run("-t", "no-such-file.arff", "-o", new File(OUT, "bad-option").getPath());
    assertTrue(missing[2].contains("no-such-file.arff") && missing[2].contains("-t"), missing[2]);
  }

  private static void assertRefused(String out, String mention, String... args) throws Exception {
    File dir = new File(OUT, "refused-" + out);
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "-o";
    all[args.length + 1] = dir.getPath();
    String[] r = run(all);
    assertEquals("1", r[0], r[1] + r[2]);
    assertTrue(r[2].contains(mention), "message should mention '" + mention + "':\n" + r[2]);
    assertTrue(r[2].contains("No report written."), r[2]);
    assertFalse(dir.exists(), "nothing written for bad input");
    try (var s = Files.list(OUT.toPath())) {
      assertFalse(s.anyMatch(p -> p.getFileName().toString().contains("-partial-")), "no partial folder left");
    }
  }
}
