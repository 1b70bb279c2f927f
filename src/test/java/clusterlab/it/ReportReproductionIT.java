package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import clusterlab.report.Json;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.Utils;

/**
 * "Every step's reproduction command, pasted into a shell, gives the same numbers as the report"
 * (issue #14): the report is written through {@code weka.Run} with the installed package, then every
 * command line it prints (report.json's {@code commands}, the same lines as report.html) is run as
 * written, in the same directory, with nothing but Weka's jars and the installed package, and its
 * printed figures or written files are compared with report.json and the report's own files. A
 * command of a kind this test does not know fails it, so a new report step cannot go unchecked.
 *
 * <p>Two reports: the README's (every default: the bundled customer survey, nominal attributes and
 * missing answers clustered on a sample of 2,000 of its rows, which prints the longest preparation:
 * Resample, imputation, scaling, one-hot encoding), and the wine data with its class (external indices,
 * full-covariance mixtures, tree-indexed density methods).
 */
class ReportReproductionIT {

  @TempDir
  static Path tmp;
  static WekaProcess weka;

  @BeforeAll
  static void install() throws Exception {
    weka = InstalledWeka.install(tmp).weka;
  }

  @Test
  void theDefaultReportsCommandsReproduceItsNumbers() throws Exception {
    reproduce("income", "-o", "report-default");
  }

  @Test
  void aClassedReportsCommandsReproduceItsNumbers() throws Exception {
    reproduce("wine", "-t", "resources/data/wine.arff", "-c", "last", "-o", "report-wine", "-max-k", "6", "-B", "5");
  }

  @SuppressWarnings("unchecked")
  private static void reproduce(String name, String... reportArgs) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("as-pasted-" + name));
    Files.createSymbolicLink(dir.resolve("resources"), InstalledWeka.basedir().resolve("resources"));
    List<String> args = new ArrayList<>(List.of("weka.Run", "-do-not-prompt-if-multiple-matches", "ClusterReport"));
    args.addAll(List.of(reportArgs));
    WekaProcess.Result report = weka.run(600, true, List.of(), Map.of(), List.of(), dir, args.toArray(new String[0]));
    assertEquals(0, report.exitCode(), report.output());
    String out = reportArgs[List.of(reportArgs).indexOf("-o") + 1];
    Path folder = dir.resolve(out);
    Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(folder.resolve("report.json")));
    // the commands overwrite prepared.arff, tsne.arff and anomalies.arff: keep the report's own copies
    Path kept = Files.createDirectories(dir.resolve("kept"));
    for (String f : List.of("prepared.arff", "tsne.arff", "anomalies.arff")) {
      Files.copy(folder.resolve(f), kept.resolve(f));
    }
    List<Object> commands = (List<Object>) json.get("commands");
    assertTrue(commands.size() >= 10, name + ": " + commands);
    String html = Files.readString(folder.resolve("report.html"));
    for (Object c : commands) {
      String line = (String) c;
      assertTrue(html.contains(clusterlab.report.HtmlReport.escape(line)), name + ": report.html does not show " + line);
      assertTrue(line.startsWith("java weka.Run "), line);
      String[] words = Utils.splitOptions(line.substring("java ".length()));
      WekaProcess.Result r = weka.run(600, true, List.of(), Map.of(), List.of(), dir, words);
      assertEquals(0, r.exitCode(), "'" + line + "' failed:\n" + r.output());
      assertFalse(r.output().contains("Exception"), "'" + line + "' failed:\n" + r.output());
      check(name, line, words[1], r.output(), json, folder, kept);
    }
  }

  @SuppressWarnings("unchecked")
  private static void check(String name, String line, String scheme, String output, Map<String, Object> json,
      Path folder, Path kept) throws Exception {
    String what = name + ": '" + line + "'";
    Map<String, Object> audit = (Map<String, Object>) json.get("audit");
    Map<String, Object> chooseK = (Map<String, Object>) json.get("choose_k");
    switch (scheme) {
      case "weka.filters.unsupervised.instance.RemoveOutliers":
        assertEquals(number(audit.get("rows_with_outlier_robust_z")), read(folder.resolve("outliers.arff")).numInstances(),
            what + ": rows flagged by the audit");
        break;
      case "weka.filters.MultiFilter":
        assertSameRows(kept.resolve("prepared.arff"), folder.resolve("prepared.arff"), what + ": the prepared data");
        break;
      case "weka.attributeSelection.PrincipalComponents":
        List<Object> ev = (List<Object>) ((Map<String, Object>) json.get("projection")).get("pca_eigenvalues");
        List<Double> printed = leadingNumbers(output, "eigenvalue\tproportion\tcumulative");
        assertEquals(ev.size(), printed.size(), what + ": eigenvalues\n" + output);
        for (int i = 0; i < ev.size(); i++) {
          assertEquals(number(ev.get(i)), printed.get(i), 1e-5, what + ": eigenvalue " + (i + 1));
        }
        break;
      case "weka.filters.unsupervised.attribute.TSNE":
        assertSameRows(kept.resolve("tsne.arff"), folder.resolve("tsne.arff"), what + ": the t-SNE map");
        break;
      case "weka.filters.unsupervised.attribute.AnomalyScore":
        assertSameRows(kept.resolve("anomalies.arff"), folder.resolve("anomalies.arff"), what + ": the LOF of every row");
        break;
      case "weka.clusterers.meta.ChooseK":
        checkCurve(what, output, (List<Object>) chooseK.get("ks"), (Map<String, Object>) chooseK.get("curve"));
        for (Map.Entry<String, Object> e : ((Map<String, Object>) chooseK.get("picks")).entrySet()) {
          assertTrue(output.contains(String.format("  %-20s picks K = %s", e.getKey(),
              number(e.getValue()) < 0 ? "none" : String.valueOf((int) number(e.getValue())))), what + ": pick of "
                  + e.getKey() + "\n" + output);
        }
        break;
      case "weka.clusterers.mixture.GaussianMixture":
        checkBicTable(what, output, chooseK);
        break;
      case "weka.clusterers.evaluation.ClusterQuality":
        checkQuality(what, line, output, json);
        break;
      default:
        fail(what + ": a command this test does not check; add how its numbers are compared with report.json");
    }
  }

  /** ChooseK's table: one row per K, one column per criterion ("-" for undefined), 8 significant digits. */
  private static void checkCurve(String what, String output, List<Object> ks, Map<String, Object> curve) {
    String[] lines = output.split("\n");
    int header = -1;
    for (int i = 0; i < lines.length && header < 0; i++) {
      if (lines[i].trim().startsWith("K ") && lines[i].contains("inertia")) {
        header = i;
      }
    }
    assertTrue(header >= 0, what + ": no K table\n" + output);
    List<String> cols = List.of(lines[header].trim().split("\\s+"));
    assertEquals(new ArrayList<>(curve.keySet()), cols.subList(1, cols.size()), what + ": the criteria");
    for (int r = 0; r < ks.size(); r++) {
      String[] cells = lines[header + 1 + r].trim().split("\\s+");
      assertEquals((int) number(ks.get(r)), Integer.parseInt(cells[0]), what);
      for (int c = 1; c < cols.size(); c++) {
        Object v = ((List<Object>) curve.get(cols.get(c))).get(r);
        if (v == null) {
          assertEquals("-", cells[c], what + ": " + cols.get(c) + " at K = " + cells[0]);
        } else {
          assertClose(number(v), Double.parseDouble(cells[c]), 1e-7, what + ": " + cols.get(c) + " at K = " + cells[0]);
        }
      }
    }
  }

  /** The mixtures' model-choice table: the BIC of every covariance type and K, and the chosen model. */
  @SuppressWarnings("unchecked")
  private static void checkBicTable(String what, String output, Map<String, Object> chooseK) {
    Map<String, Double> printed = new HashMap<>();
    Pattern row = Pattern.compile("^(full|tied|diag|spherical)\\s+(\\d+)\\s+(\\S+)\\s+(\\d+)\\s+(\\S+)\\s+\\S+\\s+\\S+(.*)$",
        Pattern.MULTILINE);
    Matcher m = row.matcher(output);
    String chosen = null;
    while (m.find()) {
      printed.put(m.group(1) + " " + m.group(2), Double.parseDouble(m.group(5)));
      if (m.group(6).contains("<- chosen")) {
        chosen = m.group(1) + " " + m.group(2);
      }
    }
    assertEquals(chooseK.get("gmm_bic_covariance") + " " + (int) number(chooseK.get("gmm_bic_k")), chosen,
        what + ": the chosen mixture\n" + output);
    List<Object> ks = (List<Object>) chooseK.get("gmm_bic_ks");
    int compared = 0;
    for (Map.Entry<String, Object> e : ((Map<String, Object>) chooseK.get("gmm_bic")).entrySet()) {
      List<Object> bic = (List<Object>) e.getValue();
      for (int i = 0; i < ks.size(); i++) {
        if (bic.get(i) != null) {
          Double p = printed.get(e.getKey() + " " + (int) number(ks.get(i)));
          assertNotNull(p, what + ": no BIC printed for " + e.getKey() + " K = " + ks.get(i) + "\n" + output);
          assertClose(number(bic.get(i)), p, 1e-7, what + ": BIC of " + e.getKey() + " K = " + ks.get(i));
          compared++;
        }
      }
    }
    assertTrue(compared >= 2, what + ": BIC values compared: " + compared);
  }

  /** A method's every index (6 significant digits), or the agreement of two methods (adjusted Rand). */
  @SuppressWarnings("unchecked")
  private static void checkQuality(String what, String line, String output, Map<String, Object> json) {
    Map<String, Double> printed = new HashMap<>();
    Matcher m = Pattern.compile("^  ([a-z][a-z0-9_]*)\\s+(-?[0-9][0-9.eE+-]*|NaN)(\\s+\\(.*\\))?\\s*$", Pattern.MULTILINE)
        .matcher(output);
    while (m.find()) {
      printed.putIfAbsent(m.group(1), m.group(2).equals("NaN") ? Double.NaN : Double.parseDouble(m.group(2)));
    }
    Map<String, Object> ev = (Map<String, Object>) json.get("evaluation");
    if (line.contains("-label-attribute")) {
      Matcher pair = Pattern.compile("-c cluster_(\\w+) -label-attribute cluster_(\\w+)").matcher(line);
      assertTrue(pair.find(), what);
      Object ari = ((Map<String, Object>) ev.get("agreement_ari")).get(pair.group(1) + "~" + pair.group(2));
      assertNotNull(ari, what + ": no agreement in report.json");
      assertClose(number(ari), printed.get("adjusted_rand"), 1e-5, what + ": adjusted Rand of the two methods");
      return;
    }
    Map<String, Object> method = null;
    for (Object o : (List<Object>) ev.get("methods")) {
      if (line.equals(((Map<String, Object>) o).get("command"))) {
        method = (Map<String, Object>) o;
      }
    }
    assertNotNull(method, what + ": no method of report.json has this command");
    Map<String, Object> indices = (Map<String, Object>) method.get("indices");
    assertTrue(indices.size() >= 8, what + ": " + indices);
    for (Map.Entry<String, Object> e : indices.entrySet()) {
      Double p = printed.get(e.getKey());
      assertNotNull(p, what + ": " + e.getKey() + " not printed\n" + output);
      assertClose(number(e.getValue()), p, 1e-5, what + ": " + e.getKey());
    }
  }

  private static void assertClose(double expected, double actual, double relative, String message) {
    assertEquals(expected, actual, relative * Math.max(1, Math.abs(expected)), message);
  }

  private static double number(Object o) {
    return ((Number) o).doubleValue();
  }

  /** The first number of each line after {@code header} up to the next blank line. */
  private static List<Double> leadingNumbers(String output, String header) {
    List<Double> out = new ArrayList<>();
    int at = output.indexOf(header);
    assertTrue(at >= 0, "no '" + header + "' in\n" + output);
    for (String l : output.substring(at + header.length()).trim().split("\n")) {
      if (l.isBlank()) {
        break;
      }
      out.add(Double.parseDouble(l.trim().split("\\s+")[0]));
    }
    return out;
  }

  private static Instances read(Path arff) throws Exception {
    try (Reader r = Files.newBufferedReader(arff)) {
      return new Instances(r);
    }
  }

  /** The same rows, as written (the relation names differ: the report names its files itself). */
  private static void assertSameRows(Path expected, Path actual, String message) throws Exception {
    List<String> e = dataLines(expected);
    List<String> a = dataLines(actual);
    for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
      assertEquals(e.get(i), a.get(i), message + ": row " + (i + 1));
    }
    assertEquals(e.size(), a.size(), message + ": number of rows");
  }

  /** The rows of an ARFF file as written. */
  private static List<String> dataLines(Path arff) throws Exception {
    List<String> lines = Files.readAllLines(arff);
    int data = lines.indexOf("@data");
    assertTrue(data >= 0, arff + " has no @data");
    List<String> rows = new ArrayList<>();
    for (String l : lines.subList(data + 1, lines.size())) {
      if (!l.isBlank()) {
        rows.add(l);
      }
    }
    return rows;
  }
}
