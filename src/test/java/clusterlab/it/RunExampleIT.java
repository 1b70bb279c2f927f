package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import clusterlab.report.Json;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code ./run-example.sh}, as a newcomer runs it: in a fresh clone of
 * this repository, it builds the package, installs it with Weka's package manager and writes the
 * clustering report of the bundled data. Checked: the short summary on stdout (no package-manager
 * flood), the report's files, the report's own timing under two minutes, and the page in headless
 * Chromium (every image loaded, no console error, a screenshot in target/report-screenshots/; with
 * {@code -Dclusterlab.docImages=true} also the README's picture of it, docs/img/report-first-screen.png).
 */
class RunExampleIT {

  @TempDir
  Path tmp;

  @Test
  void theReadmesFirstCommandWritesTheReportInAFreshClone() throws Exception {
    Path base = InstalledWeka.basedir();
    assumeTrue(Files.isDirectory(base.resolve(".git")) || Files.isRegularFile(base.resolve(".git")),
        "not a git checkout: the fresh-clone test needs git");
    Path clone = tmp.resolve("clone");
    run(base, 300, "git", "clone", "--quiet", "--no-hardlinks", base.toString(), clone.toString());
    long t0 = System.nanoTime();
    String[] r = run(clone, 900, "./run-example.sh");
    double seconds = (System.nanoTime() - t0) / 1e9;
    String out = r[0];
    assertTrue(out.contains("Report:      target/report/report.html"), "no summary:\n" + out + r[1]);
    assertTrue(out.contains("K chosen:") && out.contains("Best method:") && out.contains("Structure:"), out);
    assertFalse(out.contains("Installing") || r[1].contains("Installing:"), "package manager flood:\n" + out + r[1]);
    assertTrue(out.lines().count() < 15, "a short summary:\n" + out);
    Path report = clone.resolve("target/report");
    for (String f : List.of("report.html", "report.json", "labelled.arff", "prepared.arff", "images/ksweep.png")) {
      assertTrue(Files.isRegularFile(report.resolve(f)), f + " not written:\n" + out + r[1]);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(report.resolve("report.json")));
    @SuppressWarnings("unchecked")
    double total = ((Number) ((Map<String, Object>) json.get("timings_seconds")).get("total_seconds")).doubleValue();
    @SuppressWarnings("unchecked")
    double cpu = ((Number) ((Map<String, Object>) json.get("cpu_seconds")).get("total_seconds")).doubleValue();
    System.out.printf("run-example.sh: %.0f s in all (build, install, report); the report itself %.1f s, %.1f s of CPU%n",
        seconds, total, cpu);
    // the load-proof guard: the report's work, counted in CPU seconds of all its threads, fits in 2 minutes
    // even on one free core; the wall time depends on what else the machine runs (printed above)
    assertTrue(cpu < 120, "the default report needed " + cpu + " s of CPU (wall " + total + " s)");
    clusterlab.cli.ClusterReportTest.checkWorkRules("default report", json, 20);
    @SuppressWarnings("unchecked")
    Map<String, Object> params = (Map<String, Object>) json.get("parameters");
    assertEquals(2000, ((Number) params.get("max_rows")).intValue(), "the default sample size");
    assertEquals(20, ((Number) params.get("bootstrap")).intValue(), "the default bootstrap resamples");
    Path shot = base.resolve("target/report-screenshots/default-first-screen.png");
    int images = ReportBrowser.check(report.resolve("report.html"), shot);
    @SuppressWarnings("unchecked")
    List<Object> figures = (List<Object>) json.get("figures");
    assertEquals(figures.size(), images, "every figure is an image in the page");
    if (Boolean.getBoolean("clusterlab.docImages")) {
      writeReadmeImage(shot, base.resolve(README_IMAGE));
    }
  }

  /** The README's picture of the report (generated here with -Dclusterlab.docImages=true, committed). */
  static final String README_IMAGE = "docs/img/report-first-screen.png";

  /** The first screen scaled to 800 pixels wide, so the committed picture stays small. */
  static void writeReadmeImage(Path screenshot, Path target) throws Exception {
    java.awt.image.BufferedImage full = javax.imageio.ImageIO.read(screenshot.toFile());
    int w = 800;
    int h = full.getHeight() * w / full.getWidth();
    java.awt.image.BufferedImage small = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = small.createGraphics();
    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(java.awt.RenderingHints.KEY_RENDERING, java.awt.RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(full, 0, 0, w, h, null);
    g.dispose();
    Files.createDirectories(target.getParent());
    javax.imageio.ImageIO.write(small, "png", target.toFile());
  }

  /** Runs a command in {@code dir}; returns {stdout, stderr}; fails on a non-zero exit. */
  static String[] run(Path dir, int timeoutSeconds, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    File out = File.createTempFile("cmd", ".out");
    File err = File.createTempFile("cmd", ".err");
    pb.redirectOutput(out).redirectError(err);
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish in " + timeoutSeconds + " s");
    }
    String o = Files.readString(out.toPath(), StandardCharsets.UTF_8);
    String e = Files.readString(err.toPath(), StandardCharsets.UTF_8);
    out.delete();
    err.delete();
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + o + "\n" + e);
    return new String[] {o, e};
  }
}
