package clusterlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.charts.ChartExport;
import clusterlab.charts.Projection;
import clusterlab.charts.ScatterChart;
import clusterlab.conformance.PluginManifest;
import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.kmeans.KMeans;
import clusterlab.core.kmeans.KMeansOptions;
import clusterlab.core.tsne.TSNE;
import clusterlab.core.tsne.TsneOptions;
import clusterlab.core.tsne.TsneResult;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The generator of docs/charts.md's figures: runs every {@code java weka.Run ClusterCharts} line
 * of the page, as written, in-process, and draws the t-SNE map with the builder API. Normally it
 * writes into target/ and checks that every figure the page shows is produced and committed; with
 * {@code -Dclusterlab.docs.write=true} it rewrites docs/img/.
 */
class DocFiguresTest {

  private static final String PREFIX = "java weka.Run ClusterCharts ";

  @BeforeAll
  static void headless() {
    System.setProperty("java.awt.headless", "true");
  }

  /** The ClusterCharts command lines of a page. */
  static List<String> commands(String page) {
    List<String> out = new ArrayList<>();
    for (String line : page.split("\n")) {
      if (line.startsWith(PREFIX + "-t resources/")) {
        out.add(line.trim());
      }
    }
    return out;
  }

  @Test
  void everyFigureOfTheChartsPageIsGeneratedByItsCommandLine() throws Exception {
    Path base = PluginManifest.basedir();
    String page = Files.readString(base.resolve("docs/charts.md"));
    boolean write = Boolean.getBoolean("clusterlab.docs.write");
    Path img = write ? base.resolve("docs/img") : base.resolve("target/docs-img");
    List<String> lines = commands(page);
    assertTrue(lines.size() >= 6, "the page shows its command lines: " + lines);
    for (String line : lines) {
      String[] args = Utils.splitOptions(line.substring(PREFIX.length()));
      for (int i = 0; i < args.length; i++) {
        if (args[i].equals("-t")) {
          args[i + 1] = base.resolve(args[i + 1]).toString();
        } else if (args[i].equals("-o")) {
          assertTrue(args[i + 1].startsWith("docs/img/"), "figures go to docs/img: " + line);
          args[i + 1] = img.resolve(args[i + 1].substring("docs/img/".length())).toString();
        }
      }
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int status = new ClusterCharts().execute(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, status, line + "\n" + err.toString(StandardCharsets.UTF_8));
    }
    tsneMap(base, img.resolve("tsne/scatter.png").toFile());
    Matcher m = Pattern.compile("!\\[[^\\]]*\\]\\(img/([^)]+)\\)").matcher(page);
    int figures = 0;
    while (m.find()) {
      figures++;
      String rel = m.group(1);
      assertTrue(Files.isRegularFile(img.resolve(rel)), rel + " is shown on the page but no command writes it");
      assertTrue(Files.isRegularFile(base.resolve("docs/img").resolve(rel)), "docs/img/" + rel + " is not committed; run "
          + "mvn -q test -Dtest=DocFiguresTest -Dclusterlab.docs.write=true");
    }
    assertTrue(figures >= 12, "figures on the page: " + figures);
    for (String readme : commands(Files.readString(base.resolve("README.md")))) {
      assertTrue(lines.contains(readme), "README's command line is not one docs/charts.md runs: " + readme);
    }
  }

  /** The t-SNE map: wine standardized, embedded (perplexity 30, seed 1), coloured by 3-means. */
  static void tsneMap(Path base, File out) throws Exception {
    Instances wine = new Instances(Files.newBufferedReader(base.resolve("resources/data/wine.arff")));
    int d = 0;
    for (int j = 0; j < wine.numAttributes(); j++) {
      d += wine.attribute(j).isNumeric() ? 1 : 0;
    }
    double[] v = new double[wine.numInstances() * d];
    int c = 0;
    for (int j = 0; j < wine.numAttributes(); j++) {
      if (!wine.attribute(j).isNumeric()) {
        continue;
      }
      double[] col = wine.attributeToDoubleArray(j);
      double mean = Arrays.stream(col).average().orElse(0);
      double sd = Math.sqrt(Arrays.stream(col).map(x -> (x - mean) * (x - mean)).sum() / (col.length - 1));
      for (int i = 0; i < col.length; i++) {
        v[i * d + c] = (col[i] - mean) / sd;
      }
      c++;
    }
    Dataset data = Dataset.of(v, wine.numInstances(), d);
    TsneResult t = new TSNE(TsneOptions.builder().perplexity(30).build()).fit(data, 1, Progress.NONE);
    int[] labels = new KMeans(3, KMeansOptions.builder().numInit(10).threads(1).build()).fit(data, 1, Progress.NONE)
        .labels();
    ChartExport.write(ScatterChart.of(Projection.embedding(t), labels).centroidMeans()
        .parameters("KMeans -N 3 on the standardized wine data (178 rows, 13 attributes)").build(), out,
        ChartExport.Format.PNG);
    assertFalse(out.length() == 0);
  }
}
