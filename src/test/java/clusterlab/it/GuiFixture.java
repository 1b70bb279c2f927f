package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What every GUI test (the {@code *GuiIT} classes) stands on, set up once per test run (failsafe runs
 * them all in one JVM): the package zip installed by Weka's package manager into one fresh
 * {@code WEKA_HOME}, and the X displays the Weka windows open on. The display is {@code $DISPLAY}
 * (CI's Xvfb, see .ci/run); without one, and for tests that need a particular screen size (a laptop's
 * 1024 x 768), a private Xvfb is started and stopped when the run ends. A GUI test that cannot get a
 * display fails: it never skips silently. Screenshots go to {@link #screenshotDir()}.
 */
final class GuiFixture {

  /** The screen size of a private display started because {@code $DISPLAY} is unset (CI's Xvfb size). */
  static final String DEFAULT_SCREEN = "1600x1000";

  private static InstalledWeka installed;
  private static Path home;
  private static final Map<String, String> PRIVATE_DISPLAYS = new HashMap<>();
  private static final Map<String, Process> XVFBS = new HashMap<>();

  private GuiFixture() {
  }

  /** The package installed into a fresh WEKA_HOME: done by the first GUI test of the run, reused by the others. */
  static synchronized InstalledWeka installed() throws Exception {
    if (installed == null) {
      home = Files.createTempDirectory(Files.createDirectories(InstalledWeka.basedir().resolve("target")), "gui-weka-");
      Runtime.getRuntime().addShutdownHook(new Thread(GuiFixture::deleteHome, "delete GUI test WEKA_HOME"));
      InstalledWeka w = InstalledWeka.install(home);
      assertTrue(Files.isRegularFile(w.wekaHome.resolve("packages/clusterLab/clusterLab.jar")),
          "Weka's package manager did not install the package:\n" + w.installLog);
      installed = w;
    }
    return installed;
  }

  /** {@code $DISPLAY}, or a private Xvfb of {@link #DEFAULT_SCREEN} when it is unset. */
  static String display() throws Exception {
    String display = System.getenv("DISPLAY");
    return display != null && !display.isBlank() ? display : screen(DEFAULT_SCREEN);
  }

  /** A private Xvfb display whose screen is {@code size} ("1024x768"), started once per run and size. */
  static synchronized String screen(String size) throws Exception {
    String display = PRIVATE_DISPLAYS.get(size);
    if (display == null) {
      display = startXvfb(size);
      PRIVATE_DISPLAYS.put(size, display);
    }
    return display;
  }

  /** Where GUI tests save their screenshots. */
  static Path screenshotDir() {
    return InstalledWeka.basedir().resolve("target/gui-screenshots");
  }

  private static String startXvfb(String size) throws IOException, InterruptedException {
    String xvfb = which("Xvfb");
    if (xvfb == null) {
      fail("the GUI test needs a private X display with a " + size + " screen (DISPLAY is unset, or the test needs "
          + "that screen size) but Xvfb is not installed: apt-get install xvfb, or run .ci/run, which installs it");
    }
    Path log = Files.createTempFile(Files.createDirectories(InstalledWeka.basedir().resolve("target")), "xvfb-", ".log");
    for (int n = 120; n < 220; n++) { // above .ci/run's :99, so that a concurrent CI run still gets it
      if (new File("/tmp/.X11-unix/X" + n).exists() || new File("/tmp/.X" + n + "-lock").exists()) {
        continue;
      }
      Process p = new ProcessBuilder(xvfb, ":" + n, "-screen", "0", size + "x24", "-nolisten", "tcp")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      for (int i = 0; i < 50 && p.isAlive(); i++) {
        if (new File("/tmp/.X11-unix/X" + n).exists()) {
          XVFBS.put(size, p);
          if (XVFBS.size() == 1) {
            Runtime.getRuntime().addShutdownHook(new Thread(GuiFixture::stopXvfbs, "stop private Xvfb"));
          }
          return ":" + n;
        }
        Thread.sleep(100);
      }
      p.destroy();
      p.waitFor(5, TimeUnit.SECONDS);
    }
    fail("could not start Xvfb with a " + size + " screen: " + Files.readString(log));
    return null;
  }

  private static String which(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      File f = new File(dir, program);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }

  private static synchronized void stopXvfbs() {
    for (Process p : XVFBS.values()) {
      p.destroy();
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void deleteHome() {
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // target/ is cleaned by the next build anyway
    }
  }
}
