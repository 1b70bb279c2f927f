package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import clusterlab.conformance.PluginManifest.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Utils;

/**
 * The built package zip, installed into a fresh WEKA_HOME by Weka's own package manager, and used
 * from JVMs that have nothing but Weka's jars on the classpath: discovery of every component,
 * {@code weka.Run}, and every example KnowledgeFlow flow through {@code FlowRunner}. Outputs are
 * checked, not exit codes (the package manager and FlowRunner exit 0 even when they fail).
 */
class InstalledPackageIT {

  @TempDir
  static Path tmp;
  static Path wekaHome;
  static WekaProcess weka;
  static String installLog;

  @BeforeAll
  static void install() throws Exception {
    InstalledWeka installed = InstalledWeka.install(tmp);
    wekaHome = installed.wekaHome;
    weka = installed.weka;
    installLog = installed.installLog;
  }

  @Test
  void packageIsInstalledWithItsDescriptorJarAndLibraries() throws IOException {
    Path pkg = wekaHome.resolve("packages/clusterLab");
    assertTrue(Files.isRegularFile(pkg.resolve("Description.props")), "no Description.props after install:\n" + installLog);
    assertTrue(Files.isRegularFile(pkg.resolve("clusterLab.jar")), "package jar not at the package root");
    try (Stream<Path> libs = Files.list(pkg.resolve("lib"))) {
      List<String> names = libs.map(p -> p.getFileName().toString()).collect(Collectors.toList());
      assertTrue(names.stream().anyMatch(n -> n.startsWith("commons-math3")), "commons-math3 missing from lib/: " + names);
      assertTrue(names.stream().anyMatch(n -> n.startsWith("jfreechart")), "jfreechart missing from lib/: " + names);
      assertFalse(names.stream().anyMatch(n -> n.startsWith("weka")), "weka must not be shipped in lib/: " + names);
    }
    String desc = Files.readString(pkg.resolve("Description.props"));
    assertTrue(desc.contains("Depends=weka (>=3.8.0)"), "Depends missing");
    assertFalse(desc.contains("${"), "unfiltered placeholder in Description.props");
  }

  @Test
  void packageLoadsAndListsAsInstalled() throws Exception {
    WekaProcess.Result r = weka.run(120, List.of(), "weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertTrue(r.output().contains("clusterLab"), "clusterLab not listed as installed:\n" + r.output());
    assertFalse(r.output().contains("Unable to load") || r.output().contains("NullPointerException"),
        "package did not load cleanly:\n" + r.output());
  }

  @Test
  void everyComponentIsFoundByWekaDiscovery() throws Exception {
    Path probe = Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("src/test/resources/it/DiscoveryProbe.java");
    WekaProcess.Result r = weka.run(240, List.of(), probe.toString());
    assertTrue(r.output().contains("PROBE DONE"), "discovery probe failed:\n" + r.output());
    List<String> missing = new ArrayList<>();
    for (Component c : PluginManifest.load().components()) {
      String type = discoveryType(c.kind());
      if (type != null && !r.output().contains("FOUND " + type + " " + c.className())) {
        missing.add(c.className() + " (as " + type + ")");
      }
    }
    assertTrue(missing.isEmpty(), "not discovered by Weka: " + missing + "\n" + r.output());
  }

  private static String discoveryType(String kind) {
    switch (kind) {
      case "clusterer":
        return "weka.clusterers.Clusterer";
      case "filter":
        return "weka.filters.Filter";
      case "split-evaluator":
        return "weka.experiment.SplitEvaluator";
      case "kf-step":
        return "weka.knowledgeflow.steps.Step";
      case "distance":
        return "weka.core.DistanceFunction";
      default:
        return null;
    }
  }

  @Test
  void aClustererRunsThroughWekaRun() throws Exception {
    Path iris = Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("resources/data/iris.arff");
    WekaProcess.Result r = weka.run(240, List.of(), "weka.Run", "-do-not-prompt-if-multiple-matches",
        "weka.clusterers.centroid.KMeans", "-t", iris.toString(), "-c", "last", "-N", "3", "-n-init", "5");
    String out = r.output();
    assertTrue(out.contains("KMeans (ClusterLab)"), "model not printed:\n" + out);
    assertTrue(out.contains("Clustered Instances"), "no evaluation:\n" + out);
    assertTrue(out.contains("Classes to Clusters"), "no classes-to-clusters evaluation:\n" + out);
    assertTrue(out.contains("Incorrectly clustered instances"), out);
  }

  /** The model choice of docs/mixture.md, with its figures checked. */
  @Test
  void gaussianMixtureModelChoiceFromDocsRunsThroughWekaRun() throws Exception {
    Path faithful = Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("resources/data/faithful.arff");
    WekaProcess.Result r = weka.run(240, List.of(), "weka.Run", "weka.clusterers.mixture.GaussianMixture",
        "-t", faithful.toString(), "-select", "bic", "-N", "4", "-n-init", "3");
    String out = r.output();
    assertTrue(out.contains("Model choice by BIC") && out.contains("<- chosen"), "no model-choice table:\n" + out);
    assertTrue(out.contains("Covariance: tied") && out.contains("BIC: 2315.645"), "not mclust's choice (EEE, 3):\n" + out);
    assertTrue(out.contains("Log likelihood"), "no density-based evaluation:\n" + out);
  }

  @Test
  void theClusterQualityEvaluatorRunsThroughWekaRun() throws Exception {
    Path iris = Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("resources/data/iris.arff");
    WekaProcess.Result r = weka.run(240, List.of(), "weka.Run", "-do-not-prompt-if-multiple-matches",
        "ClusterQuality", "-t", iris.toString(), "-c", "last", "-W", "weka.clusterers.centroid.KMeans", "--",
        "-N", "3", "-n-init", "5");
    String out = r.output();
    assertTrue(out.contains("Clustered Instances"), "no ClusterEvaluation report:\n" + out);
    assertTrue(out.contains("silhouette") && out.contains("adjusted_rand") && out.contains("davies_bouldin"),
        "no quality indices:\n" + out);
  }

  /** The segmentation of docs/segmentation.md: KMedoids on Gower distances, profiled, through weka.Run's short name. */
  @Test
  void theClusterProfileOfTheCustomerSurveyRunsThroughWekaRun() throws Exception {
    Path income = Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("resources/data/income.arff");
    WekaProcess.Result r = weka.run(300, List.of(), "weka.Run", "ClusterProfile", "-t", income.toString(), "-ordinal",
        "1,4,5,7", "-W", "weka.clusterers.centroid.KMedoids", "--", "-N", "4", "-distance", "gower", "-ordinal", "1,4,5,7");
    String out = r.output();
    assertEquals(0, r.exitCode(), out);
    assertTrue(out.contains("8993 rows in 4 segments, 14 attributes") && out.contains("In short"), "no profile:\n" + out);
    assertTrue(out.contains("segment 2 (1619 rows, 18%): HOUSEHOLDER 92% 'Family' vs 21% overall"), "not the documented segments:\n" + out);
    assertTrue(out.contains("Rules that pick out the segment (J48"), "no surrogate rules:\n" + out);
  }

  @Test
  void clusterChartsWritesEveryChartThroughWekaRun() throws Exception {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    Path out = tmp.resolve("charts-cli");
    // the command line of docs/charts.md
    WekaProcess.Result r = weka.run(240, List.of(), "weka.Run", "-do-not-prompt-if-multiple-matches",
        "ClusterCharts", "-t", base.resolve("resources/data/iris.arff").toString(), "-c", "last", "-o", out.toString(),
        "-W", "weka.clusterers.meta.ChooseK", "--", "-max-k", "8", "-W", "weka.clusterers.centroid.KMeans");
    assertEquals(0, r.exitCode(), r.output());
    for (String chart : new String[] {"scatter", "silhouette", "ksweep", "profile-heatmap", "profile-parallel"}) {
      Path png = out.resolve(chart + ".png");
      assertTrue(Files.isRegularFile(png) && javax.imageio.ImageIO.read(png.toFile()) != null,
          chart + ".png not written:\n" + r.output());
    }
    WekaProcess.Result svg = weka.run(240, List.of(), "weka.Run", "-do-not-prompt-if-multiple-matches",
        "ClusterCharts", "-t", base.resolve("resources/data/usarrests.arff").toString(), "-chart", "dendrogram",
        "-format", "svg", "-o", out.toString(), "-W", "weka.clusterers.hierarchical.Agglomerative", "--", "-L", "ward",
        "-N", "4");
    assertEquals(0, svg.exitCode(), svg.output());
    assertTrue(Files.readString(out.resolve("dendrogram.svg")).contains("Alabama"), "state names label the leaves");
    WekaProcess.Result missing = weka.run(240, List.of(), "weka.Run", "-do-not-prompt-if-multiple-matches",
        "ClusterCharts", "-t", "no-such-data.arff", "-W", "weka.clusterers.centroid.KMeans");
    assertTrue(missing.exitCode() != 0, "a missing file must fail the command:\n" + missing.output());
    assertTrue(missing.output().contains("no-such-data.arff"), missing.output());
  }

  @Test
  void theChartsPageCommandLinesRunThroughWekaRun() throws Exception {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    for (String line : Files.readAllLines(base.resolve("docs/charts.md"))) {
      if (!line.startsWith("java weka.Run ClusterCharts -t resources/")) {
        continue;
      }
      String[] args = Utils.splitOptions(line.substring("java weka.Run ".length()));
      Path out = null;
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("-t")) {
          args[i + 1] = base.resolve(args[i + 1]).toString();
        } else if (args[i].equals("-o")) {
          out = tmp.resolve("docs-" + args[i + 1].replace('/', '-'));
          args[i + 1] = out.toString();
        }
      }
      List<String> cmd = new ArrayList<>(List.of("weka.Run", "-do-not-prompt-if-multiple-matches"));
      cmd.addAll(List.of(args));
      WekaProcess.Result r = weka.run(240, List.of(), cmd.toArray(new String[0]));
      assertEquals(0, r.exitCode(), line + "\n" + r.output());
      try (Stream<Path> s = Files.list(out)) {
        assertTrue(s.anyMatch(p -> p.toString().endsWith(".png")), line + " wrote no PNG:\n" + r.output());
      }
    }
  }

  /**
   * Every {@code java ... weka.Run ...} and {@code FlowRunner} line in a code block of README.md and
   * docs/*.md, run as written (only the class path is Weka's, the package coming from the fresh
   * WEKA_HOME), in a directory where {@code resources/} is the project's: it must finish without an
   * exception. A short name that several classes match, a file that is not there or an option that is
   * gone fails here before a user trips over it.
   */
  @TestFactory
  Stream<DynamicTest> everyCommandLineInTheReadmeAndDocsRunsAsWritten() throws IOException {
    Path base = InstalledWeka.basedir();
    List<Path> pages = new ArrayList<>(List.of(base.resolve("README.md")));
    try (Stream<Path> s = Files.list(base.resolve("docs"))) {
      s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path page : pages) {
      if (page.getFileName().toString().equals(SPARK_PAGE)) {
        continue; // needs the Spark unit, built after this one: spark/ReadmeCommandsIT runs it on this package installed
      }
      for (String line : commandLines(page)) {
        String pageName = page.getFileName().toString();
        tests.add(DynamicTest.dynamicTest(pageName + ": " + line, () -> runAsWritten(base, pageName, line)));
      }
    }
    assertFalse(tests.isEmpty(), "no command lines found in README.md and docs/");
    return tests.stream();
  }

  /** The page whose command lines run ClusterLab on Spark (and the README section that does): see spark/ReadmeCommandsIT. */
  static final String SPARK_PAGE = "spark.md";
  static final String SPARK_SECTION = "Scaling out";

  /**
   * The {@code java} lines of the page's fenced code blocks that run weka.Run or FlowRunner, except
   * those under the heading {@value #SPARK_SECTION}: they submit a Spark job, which needs the Spark
   * unit (built after the package by .ci/run); spark/ReadmeCommandsIT runs them on the installed package.
   */
  static List<String> commandLines(Path page) throws IOException {
    List<String> out = new ArrayList<>();
    boolean inBlock = false;
    int sparkLevel = 0; // heading level of the Spark section while inside it (its sub-headings included)
    for (String raw : Files.readAllLines(page)) {
      String line = raw.trim();
      if (!inBlock && line.startsWith("#")) {
        int level = line.length() - line.replaceFirst("^#+", "").length();
        if (line.substring(level).trim().startsWith(SPARK_SECTION)) {
          sparkLevel = level;
        } else if (level <= sparkLevel) {
          sparkLevel = 0;
        }
      }
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      if (sparkLevel > 0) {
        continue;
      }
      int comment = line.indexOf(" #");
      line = (comment >= 0 ? line.substring(0, comment) : line).trim();
      boolean synopsis = line.contains("<") && line.contains(">"); // "-t <data> [-c <class>]": a usage line, not a command
      if (inBlock && !synopsis && line.startsWith("java ") && (line.contains(" weka.Run ") || line.contains("FlowRunner "))) {
        out.add(line);
      }
    }
    return out;
  }

  /** Runs one line in the page's own directory (a page's lines run in order and may use each other's files). */
  private static void runAsWritten(Path base, String page, String line) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("as-written-" + page));
    if (!Files.exists(dir.resolve("resources"))) {
      Files.createSymbolicLink(dir.resolve("resources"), base.resolve("resources"));
    }
    String[] words = Utils.splitOptions(line);
    List<String> sysProps = new ArrayList<>();
    List<String> args = new ArrayList<>();
    for (int i = 1; i < words.length; i++) {
      if (words[i].equals("-cp") || words[i].equals("-classpath")) {
        i++; // Weka's jars: the package comes from WEKA_HOME
      } else if (args.isEmpty() && words[i].startsWith("-")) {
        sysProps.add(words[i]);
      } else {
        args.add(words[i]);
      }
    }
    for (String p : sysProps) {
      if (p.startsWith("-D") && p.contains("=") && p.endsWith("=out")) {
        Files.createDirectories(dir.resolve("out"));
      }
    }
    WekaProcess.Result r = weka.run(300, true, List.of(), java.util.Map.of(), sysProps, dir, args.toArray(new String[0]));
    assertEquals(0, r.exitCode(), "'" + line + "' failed:\n" + r.output());
    assertFalse(r.output().contains("Exception") || r.output().contains("Select a scheme"),
        "'" + line + "' failed:\n" + r.output());
  }

  @Test
  void aFilterRunsThroughWekaRunWithInputAndOutputFiles() throws Exception {
    Path iris = Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("resources/data/iris.arff");
    Path out = tmp.resolve("iris-robust-scaled.arff");
    WekaProcess.Result r = weka.run(240, List.of(), "weka.Run", "-do-not-prompt-if-multiple-matches",
        "weka.filters.unsupervised.attribute.RobustScaler", "-i", iris.toString(), "-o", out.toString(), "-c", "last");
    assertTrue(Files.isRegularFile(out), "no output file written:\n" + r.output());
    weka.core.Instances scaled = new weka.core.Instances(Files.newBufferedReader(out));
    assertTrue(scaled.numInstances() == 150 && scaled.numAttributes() == 5, "unexpected output shape:\n" + scaled);
    double[] petalLength = scaled.attributeToDoubleArray(2);
    double[] sorted = petalLength.clone();
    java.util.Arrays.sort(sorted);
    assertTrue(Math.abs((sorted[74] + sorted[75]) / 2) < 1e-9, "RobustScaler output is not centred on the median");
  }

  @TestFactory
  Stream<DynamicTest> everyClustererAndFilterRunsThroughWekaRun() {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    String iris = base.resolve("resources/data/iris.arff").toString();
    return PluginManifest.load().components().stream()
        .filter(c -> c.kind().equals("clusterer") || c.kind().equals("filter"))
        .map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
          List<String> args = new ArrayList<>(List.of("weka.Run", "-do-not-prompt-if-multiple-matches", c.className()));
          Path out = tmp.resolve("run-" + c.id() + ".arff");
          String input = iris;
          if (c.wantsCounts()) { // a text component: word counts in sparse ARFF, as StringToWordVector writes them
            Path counts = tmp.resolve("counts-" + c.id() + ".arff");
            Files.writeString(counts, clusterlab.conformance.TestData.sparseText().toString());
            input = counts.toString();
          }
          if (c.kind().equals("clusterer")) {
            args.addAll(List.of("-t", input, "-c", "last"));
          } else {
            args.addAll(List.of("-i", input, "-o", out.toString(), "-c", "last"));
          }
          if (!c.options().isBlank()) {
            args.addAll(List.of(Utils.splitOptions(c.options())));
          }
          WekaProcess.Result r = weka.run(240, List.of(), args.toArray(new String[0]));
          if (c.kind().equals("clusterer")) {
            assertTrue(r.output().contains("Clustered Instances") || r.output().contains("Unclustered instances"),
                c + " did not cluster through weka.Run:\n" + r.output());
          } else {
            assertTrue(Files.isRegularFile(out) && Files.size(out) > 0, c + " wrote no output through weka.Run:\n" + r.output());
          }
        }));
  }

  /**
   * Every command-line tool ClusterLab adds to weka.Run (the plugin.xml evaluators) fails on bad
   * input the way a script can see: exit status 1 and one line naming the problem, no stack trace
   * (weka.Run itself prints the trace and exits 0 when a tool throws).
   */
  @TestFactory
  Stream<DynamicTest> everyCommandLineToolExitsNonZeroOnBadInput() {
    Path missing = tmp.resolve("no-such-folder/no-such-data.arff");
    String iris = Path.of(System.getProperty("clusterlab.basedir", ".")).resolve("resources/data/iris.arff").toString();
    List<Component> tools = PluginManifest.load().components().stream().filter(c -> c.kind().equals("evaluator"))
        .collect(Collectors.toList());
    assertTrue(tools.size() >= 5, "plugin.xml lists fewer command-line tools than expected: " + tools);
    return tools.stream().flatMap(c -> Stream.of(
        DynamicTest.dynamicTest(c + ": missing data file", () -> {
          List<String> args = new ArrayList<>(List.of("weka.Run", c.className(), "-t", missing.toString()));
          if (takesOption(c, "o")) { // tools that write files need their folder first (SparkKMeans checks it first)
            args.addAll(List.of("-o", tmp.resolve("bad-input-" + c.id()).toString()));
          }
          WekaProcess.Result r = weka.run(240, List.of(), args.toArray(new String[0]));
          assertEquals(1, r.exitCode(), c + " exited " + r.exitCode() + " on a missing data file:\n" + r.output());
          assertTrue(r.output().contains("no-such-data.arff"), c + " does not name the missing file:\n" + r.output());
          assertFalse(r.output().contains("\tat "), c + " printed a stack trace:\n" + r.output());
        }),
        DynamicTest.dynamicTest(c + ": unknown option", () -> {
          WekaProcess.Result r = weka.run(240, List.of(), "weka.Run", c.className(), "-t", iris, "-no-such-option", "7");
          assertEquals(1, r.exitCode(), c + " exited " + r.exitCode() + " on an unknown option:\n" + r.output());
          assertFalse(r.output().contains("\tat "), c + " printed a stack trace:\n" + r.output());
        })));
  }

  /** Whether the component lists the option {@code -name} (the test JVM has the package classes). */
  private static boolean takesOption(Component c, String name) throws Exception {
    Object tool = c.load().getConstructor().newInstance();
    return tool instanceof weka.core.OptionHandler && java.util.Collections.list(((weka.core.OptionHandler) tool)
        .listOptions()).stream().anyMatch(o -> name.equals(o.name()));
  }

  /**
   * Every example flow through FlowRunner exactly as shipped: no variable set (the flows read the
   * package's own data under ${WEKA_HOME}/packages/clusterLab/data and write into its output/, which
   * the zip ships), each writing at least one non-empty file there.
   */
  @TestFactory
  Stream<DynamicTest> everyExampleFlowRunsHeadless() throws IOException {
    Path base = Path.of(System.getProperty("clusterlab.basedir", "."));
    Path flows = base.resolve("resources/flows");
    List<Path> files;
    try (Stream<Path> s = Files.list(flows)) {
      files = s.filter(p -> p.toString().endsWith(".kf")).sorted().collect(Collectors.toList());
    }
    assertFalse(files.isEmpty(), "no example flows in " + flows);
    Path out = wekaHome.resolve("packages/clusterLab/output");
    return files.stream().map(flow -> DynamicTest.dynamicTest(flow.getFileName().toString(), () -> {
      assertTrue(Files.isDirectory(out), "the installed package has no output directory " + out);
      try (Stream<Path> s = Files.list(out)) {
        for (Path p : (Iterable<Path>) s.filter(p -> !p.getFileName().toString().equals("README.txt"))::iterator) {
          Files.delete(p);
        }
      }
      WekaProcess.Result r = weka.run(300, List.of(), "weka.knowledgeflow.FlowRunner", flow.toString());
      List<Path> written;
      try (Stream<Path> s = Files.list(out)) {
        written = s.filter(p -> !p.getFileName().toString().equals("README.txt") && p.toFile().length() > 0)
            .collect(Collectors.toList());
      }
      assertFalse(written.isEmpty(), flow + " wrote nothing to " + out + ":\n" + r.output());
      if (flow.getFileName().toString().startsWith("charts-")) {
        for (Path p : written) {
          assertTrue(p.toString().endsWith(".png") && javax.imageio.ImageIO.read(p.toFile()) != null,
              flow + " wrote " + p + ", not a readable PNG");
        }
      }
      assertFalse(r.output().contains("ERROR") || r.output().contains("Exception"),
          flow + " logged an error:\n" + r.output());
    }));
  }
}
