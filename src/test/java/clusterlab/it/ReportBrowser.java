package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a report in headless Chromium (Debian's {@code chromium}; .ci/run installs it): a screenshot
 * of the first screen, and a DOM dump of a probe copy of the page (the report itself has no script)
 * in which a small script records, after the load, how many images there are, how many did not load
 * and every console error or uncaught exception. Without Chromium the check is skipped, except under
 * {@code CI=true}, where it fails.
 */
final class ReportBrowser {

  private ReportBrowser() {
  }

  static String chromium() {
    for (String name : new String[] {"chromium", "chromium-browser", "google-chrome"}) {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
        File f = new File(dir, name);
        if (f.canExecute()) {
          return f.getPath();
        }
      }
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but no chromium on the PATH: .ci/run installs Debian's chromium package");
    }
    assumeTrue(false, "no chromium on the PATH: the browser check of the report is skipped (apt-get install chromium)");
    return null;
  }

  private static final String PROBE = "<script>window.__errors=[];"
      + "window.addEventListener('error',function(e){window.__errors.push('uncaught: '+(e.message||e.target&&e.target.src));},true);"
      + "var __ce=console.error;console.error=function(){window.__errors.push('console: '+Array.prototype.join.call(arguments,' '));"
      + "__ce.apply(console,arguments);};"
      + "window.addEventListener('load',function(){var imgs=document.images,broken=0;"
      + "for(var i=0;i<imgs.length;i++){if(!imgs[i].complete||imgs[i].naturalWidth===0){broken++;}}"
      + "var p=document.createElement('pre');p.id='__probe';p.textContent='IMAGES '+imgs.length+' BROKEN '+broken"
      + "+' ERRORS '+window.__errors.length+' '+window.__errors.join(' | ');document.body.appendChild(p);});</script>";

  /**
   * Checks the report: every image loaded, no console error; writes {@code screenshot} (the first
   * 1280 x 1000 pixels).
   *
   * @return the number of images in the page
   */
  static int check(Path report, Path screenshot) throws Exception {
    String browser = chromium();
    String html = Files.readString(report, StandardCharsets.UTF_8);
    int head = html.indexOf("<head>");
    assertTrue(head >= 0, "no <head> in " + report);
    Path probe = report.resolveSibling("report-probe.html");
    Files.writeString(probe, html.substring(0, head + 6) + PROBE + html.substring(head + 6), StandardCharsets.UTF_8);
    Files.createDirectories(screenshot.getParent());
    Path profile = Files.createTempDirectory("chromium-profile");
    try {
      List<String> base = List.of(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--no-first-run", "--user-data-dir=" + profile, "--hide-scrollbars", "--virtual-time-budget=10000");
      String dom = runBrowser(base, "--dump-dom", probe.toUri().toString());
      int pre = dom.indexOf("<pre id=\"__probe\">");
      int at = pre < 0 ? -1 : dom.indexOf("IMAGES ", pre);
      assertTrue(at >= 0, "the probe did not run in Chromium:\n" + dom.substring(0, Math.min(2000, dom.length())));
      String line = dom.substring(at, dom.indexOf("</pre>", at));
      String[] w = line.split(" ");
      int images = Integer.parseInt(w[1]);
      assertTrue(images > 0, "no images in the report: " + line);
      assertTrue(w[3].equals("0"), "broken images in " + report + ": " + line);
      assertTrue(w[5].equals("0"), "console errors in " + report + ": " + line);
      runBrowser(base, "--window-size=1280,1000", "--screenshot=" + screenshot.toAbsolutePath(), report.toUri().toString());
      assertTrue(Files.size(screenshot) > 10_000, "no screenshot written: " + screenshot);
      return images;
    } finally {
      Files.deleteIfExists(probe);
      deleteTree(profile.toFile());
    }
  }

  private static String runBrowser(List<String> base, String... more) throws Exception {
    List<String> cmd = new ArrayList<>(base);
    cmd.addAll(List.of(more));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    File err = File.createTempFile("chromium", ".log");
    pb.redirectError(err);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish in 120 s: " + cmd);
    }
    String log = Files.readString(err.toPath());
    err.delete();
    if (p.exitValue() != 0) {
      fail("chromium failed (" + p.exitValue() + "): " + cmd + "\n" + log);
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  private static void deleteTree(File f) {
    File[] c = f.listFiles();
    if (c != null) {
      for (File x : c) {
        deleteTree(x);
      }
    }
    f.delete();
  }
}
