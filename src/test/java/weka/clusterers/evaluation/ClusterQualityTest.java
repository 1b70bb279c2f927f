package weka.clusterers.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line evaluator: report content, formats, existing labellings and refusals. */
class ClusterQualityTest {

  private static final String IRIS = PluginManifest.basedir().resolve("resources/data/iris.arff").toString();

  private static String run(String... options) throws Exception {
    ClusterQuality q = new ClusterQuality();
    q.setOptions(options);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    q.evaluate(new PrintStream(b, true, StandardCharsets.UTF_8));
    return b.toString(StandardCharsets.UTF_8);
  }

  private static Map<String, Double> csv(String text) {
    Map<String, Double> m = new HashMap<>();
    String[] lines = text.split("\n");
    assertEquals("index,value,group,direction", lines[0]);
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",");
      m.put(f[0], Double.parseDouble(f[1]));
    }
    return m;
  }

  @Test
  void trainsAClustererAndPrintsClusterEvaluationPlusEveryIndex() throws Exception {
    String out = run("-t", IRIS, "-c", "last", "-B", "5", "-W", "weka.clusterers.centroid.KMeans", "--", "-N", "3", "-S", "1");
    for (String s : new String[] {"Clustered Instances", "Classes to Clusters", "silhouette", "davies_bouldin",
        "calinski_harabasz", "dunn", "adjusted_rand", "ami_arithmetic", "v_measure", "purity", "bootstrap_jaccard_min",
        "(lower is better)"}) {
      assertTrue(out.contains(s), "missing '" + s + "' in\n" + out);
    }
  }

  @Test
  void existingLabellingMatchesScikitLearnSilhouette() throws Exception {
    // iris's class used as a labelling: sklearn silhouette_score(iris, target) = 0.503477440693296
    Map<String, Double> m = csv(run("-t", IRIS, "-label-attribute", "last", "-csv"));
    assertEquals(0.503477440693296, m.get("silhouette"), 1e-12);
    assertEquals(0.7513707094756737, m.get("davies_bouldin"), 1e-12);
    assertEquals(3, m.get("clusters"), 0);
    assertTrue(!m.containsKey("adjusted_rand"), "no class, so no external index");
  }

  @Test
  void jsonOutputNamesEveryIndex() throws Exception {
    String json = run("-t", IRIS, "-c", "last", "-json", "-distance", "cosine", "-W", "weka.clusterers.SimpleKMeans",
        "--", "-N", "3");
    assertTrue(json.startsWith("{") && json.contains("\"distance\": \"cosine\"") && json.contains("\"name\": \"nmi_max\""), json);
  }

  @Test
  void badInputIsRefusedWithAClearMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("-csv", "-json", "-t", IRIS));
    assertTrue(e.getMessage().contains("-csv or -json"));
    e = assertThrows(IllegalArgumentException.class, () -> run("-W", "weka.clusterers.SimpleKMeans"));
    assertTrue(e.getMessage().contains("-t"));
    e = assertThrows(IllegalArgumentException.class, () -> run("-t", IRIS, "-distance", "nope"));
    assertTrue(e.getMessage().contains("nope"));
    e = assertThrows(IllegalArgumentException.class, () -> run("-t", IRIS, "-label-attribute", "last", "-B", "3"));
    assertTrue(e.getMessage().contains("-W"));
  }

  @Test
  void printsTheModelOnce() throws Exception {
    String out = run("-t", IRIS, "-c", "last", "-W", "weka.clusterers.centroid.KMeans", "--", "-N", "3", "-S", "1");
    String model = "KMeans (ClusterLab)";
    assertTrue(out.contains(model), out);
    assertEquals(out.indexOf(model), out.lastIndexOf(model), "the model is printed twice:\n" + out);
  }

  @Test
  void aMissingDataFileIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run("-t", "no-such-dir/no-such-file.arff", "-W", "weka.clusterers.centroid.KMeans"));
    assertTrue(e.getMessage().contains("no-such-file.arff") && e.getMessage().contains("not found"), e.getMessage());
  }

  @Test
  void aBadNumberNamesItsOption() {
    for (String[] bad : new String[][] {{"-S", "abc"}, {"-B", "x"}, {"-num-threads", "two"}, {"-silhouette-sample", "-3"}}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new ClusterQuality().setOptions(new String[] {"-t", IRIS, bad[0], bad[1]}));
      assertTrue(e.getMessage().contains(bad[0]), "'" + e.getMessage() + "' does not name " + bad[0]);
      assertTrue(e.getMessage().contains("'" + bad[1] + "'") || e.getMessage().contains(bad[1]),
          "'" + e.getMessage() + "' does not quote the value " + bad[1]);
      assertFalse(e.getMessage().startsWith("For input string"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ClusterQuality().setOptions(new String[] {"-t", IRIS, "-num-threads", "1.5"}));
    assertEquals("option -num-threads expects a whole number, got '1.5'", e.getMessage());
  }

  @Test
  void optionsRoundTripThroughGetOptions() throws Exception {
    ClusterQuality a = new ClusterQuality();
    a.setOptions(new String[] {"-t", IRIS, "-c", "last", "-distance", "cosine", "-silhouette-sample", "40", "-S", "7",
        "-no-dunn", "-B", "3", "-num-threads", "2", "-json", "-W", "weka.clusterers.centroid.KMeans", "--", "-N", "4"});
    ClusterQuality b = new ClusterQuality();
    b.setOptions(a.getOptions());
    assertEquals(String.join(" ", a.getOptions()), String.join(" ", b.getOptions()));
    String written = String.join(" ", b.getOptions());
    for (String s : new String[] {"-t " + IRIS, "-c last", "-distance cosine", "-silhouette-sample 40", "-S 7", "-no-dunn",
        "-B 3", "-num-threads 2", "-json", "-W weka.clusterers.centroid.KMeans -- -N 4"}) {
      assertTrue(written.contains(s), "'" + s + "' not written back: " + written);
    }
    ClusterQuality c = new ClusterQuality();
    c.setOptions(new String[] {"-t", IRIS});
    assertEquals("-t " + IRIS + " -distance euclidean -silhouette-sample 0 -S 1 -B 0 -num-threads 0 -W "
        + "weka.clusterers.centroid.KMeans", String.join(" ", c.getOptions()), "the defaults");
  }

  @Test
  void theHelpListsExactlyTheOptionsTheParserReads() throws Exception {
    java.util.List<String> listed = new java.util.ArrayList<>();
    for (java.util.Enumeration<weka.core.Option> e = new ClusterQuality().listOptions(); e.hasMoreElements();) {
      listed.add(e.nextElement().name());
    }
    assertEquals(java.util.List.of("t", "c", "label-attribute", "distance", "silhouette-sample", "S", "no-dunn", "B",
        "num-threads", "csv", "json", "W"), listed);
    Exception e = assertThrows(Exception.class,
        () -> new ClusterQuality().setOptions(new String[] {"-t", IRIS, "-bogus", "1"}));
    assertTrue(e.getMessage().contains("-bogus"), e.getMessage());
  }
}
