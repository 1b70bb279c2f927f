package weka.clusterers.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line profile: the report on the bundled customer survey, formats, existing labellings, refusals. */
class ClusterProfileTest {

  private static final String INCOME = PluginManifest.basedir().resolve("resources/data/income.arff").toString();

  @TempDir
  Path tmp;

  private static String run(String... options) throws Exception {
    ClusterProfile p = new ClusterProfile();
    p.setOptions(options);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    p.profile(new PrintStream(b, true, StandardCharsets.UTF_8));
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void profilesTheCustomerSurveyInPlainWords() throws Exception {
    String out = run("-t", INCOME, "-ordinal", "1,4,5,7", "-W", "weka.clusterers.centroid.KPrototypes", "--", "-N", "3",
        "-S", "1");
    for (String s : new String[] {"Instances: 8993", "8993 rows in 3 segments, 14 attributes", "In short",
        "segment 0 (", "--- Segment 2: ", "Rules that pick out the segment (J48", "over-represented", "median '"}) {
      assertTrue(out.contains(s), "missing '" + s + "' in\n" + out);
    }
    assertEquals(3, out.lines().filter(l -> l.matches("  segment \\d \\(\\d+ rows, [\\d.]+%\\): .*% '.*' vs .*% overall.*")).count(),
        "every segment summarised by an over-represented value:\n" + out);
  }

  /**
   * docs/segmentation.md shows the profile of its own command line: every line of its "In short" and
   * "--- Segment" blocks (but the "..." elisions) is in the real output, so the page cannot drift.
   */
  @Test
  void theSegmentationPageShowsTheRealOutput() throws Exception {
    Path page = PluginManifest.basedir().resolve("docs/segmentation.md");
    java.util.List<String> shown = new java.util.ArrayList<>();
    boolean inBlock = false;
    boolean profileBlock = false;
    for (String line : Files.readAllLines(page)) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        profileBlock = false;
        continue;
      }
      if (inBlock && (line.equals("In short") || line.startsWith("--- Segment"))) {
        profileBlock = true;
      }
      if (profileBlock && !line.trim().equals("...")) {
        shown.add(line);
      }
    }
    assertTrue(shown.size() > 20, "the page shows no profile output");
    String out = run("-t", INCOME, "-ordinal", "1,4,5,7", "-W", "weka.clusterers.centroid.KMedoids", "--", "-N", "4",
        "-distance", "gower", "-ordinal", "1,4,5,7");
    java.util.Set<String> lines = new java.util.HashSet<>(out.lines().toList());
    for (String s : shown) {
      assertTrue(lines.contains(s), "docs/segmentation.md shows a line the command does not print:\n" + s + "\n\n" + out);
    }
  }

  @Test
  void profilesAnExistingLabellingWithoutProfilingTheLabels(@TempDir Path dir) throws Exception {
    Path arff = dir.resolve("labelled.arff");
    StringBuilder sb = new StringBuilder("@relation labelled\n@attribute size {S,M,L}\n@attribute seg {a,b}\n"
        + "@attribute spend numeric\n@attribute channel {web,shop}\n@data\n");
    for (int i = 0; i < 60; i++) {
      boolean a = i < 30;
      sb.append(a ? "L" : i % 2 == 0 ? "S" : "M").append(',').append(a ? "a" : "b").append(',')
          .append(a ? 100 + i % 5 : 20 + i % 5).append(',').append(a == (i % 10 < 8) ? "web" : "shop").append('\n');
    }
    Files.writeString(arff, sb);
    String out = run("-t", arff.toString(), "-label-attribute", "seg", "-ordinal", "1", "-no-trees");
    assertTrue(out.contains("Scheme:    labels of attribute seg"), out);
    assertTrue(out.contains("60 rows in 2 segments, 3 attributes"), out);
    assertFalse(out.contains("  seg "), "the labels are not profiled:\n" + out);
    assertTrue(out.contains("median 'L'"), "size (attribute 1) is ordinal:\n" + out);
    assertFalse(out.contains("Rules that pick out"), out);
  }

  @Test
  void writesCsvAndJsonToAFile() throws Exception {
    Path json = tmp.resolve("out/profile.json");
    String said = run("-t", INCOME, "-json", "-no-trees", "-o", json.toString(), "-W", "weka.clusterers.centroid.KPrototypes",
        "--", "-N", "2");
    assertTrue(said.contains("wrote "), said);
    String j = Files.readString(json);
    clusterlab.core.profile.JsonCheck.parse(j);
    assertTrue(j.startsWith("{\n  \"rows\": 8993,") && j.contains("\"segments\": [") && j.contains("\"effect\": "),
        j.substring(0, 200));
    assertFalse(j.contains("\"type\": \"ordinal\""), "no -ordinal given, so every category is nominal");
    String csv = run("-t", INCOME, "-csv", "-no-trees", "-W", "weka.clusterers.centroid.KPrototypes", "--", "-N", "2");
    assertTrue(csv.startsWith("cluster,size,share,attribute,type,level,n,"), csv.substring(0, 100));
    assertTrue(csv.contains(",SEX,nominal,F,"), "one line per level");
  }

  @Test
  void badInputIsRefusedNamingTheOptionOrFile() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("-t", "no-such.arff"));
    assertTrue(e.getMessage().contains("no-such.arff") && e.getMessage().contains("-t"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> run("-t", INCOME, "-correction", "fdr"));
    assertTrue(e.getMessage().contains("-correction") && e.getMessage().contains("holm, bh"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> run("-t", INCOME, "-alpha", "2"));
    assertTrue(e.getMessage().contains("-alpha"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> run("-t", INCOME, "-csv", "-json"));
    assertTrue(e.getMessage().contains("-csv or -json"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> run("-t", INCOME, "-label-attribute", "NOPE"));
    assertTrue(e.getMessage().contains("-label-attribute: no attribute 'NOPE'"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> run("-t", INCOME, "-ordinal", "x-y"));
    assertTrue(e.getMessage().contains("-ordinal"), e.getMessage());
  }

  @Test
  void optionsRoundTrip() throws Exception {
    ClusterProfile a = new ClusterProfile();
    a.setOptions(new String[] {"-t", "x.arff", "-c", "last", "-ordinal", "1,4", "-correction", "BH", "-top", "5", "-no-trees",
        "-csv", "-W", "weka.clusterers.centroid.KMedoids", "--", "-N", "4", "-distance", "gower"});
    ClusterProfile b = new ClusterProfile();
    b.setOptions(a.getOptions());
    assertEquals(String.join(" ", a.getOptions()), String.join(" ", b.getOptions()));
    assertTrue(String.join(" ", a.getOptions()).contains("-correction bh"));
  }
}
