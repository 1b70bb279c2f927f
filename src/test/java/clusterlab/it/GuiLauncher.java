package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The outside of a GUI test (runs in the failsafe JVM): starts a JVM on the X display with Weka's
 * jars and the package installed in a fresh {@code WEKA_HOME} ({@link InstalledWeka}), and runs one
 * GUI script ({@link Gui}) in it. Without a display the test fails when {@code CI=true} and is
 * skipped with a visible message otherwise; {@code .ci/run} provides an Xvfb display.
 * Screenshots go to {@code target/gui-screenshots}.
 */
final class GuiLauncher {

  private GuiLauncher() {
  }

  /** The X display to use; aborts (or fails under CI) when there is none. */
  static String requireDisplay() {
    String display = System.getenv("DISPLAY");
    if (display != null && !display.isBlank()) {
      return display;
    }
    String why = "no X display (DISPLAY is not set), so the GUI test cannot run: run .ci/run (starts Xvfb), "
        + "or start 'Xvfb :98 &' and export DISPLAY=:98";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true but " + why);
    }
    System.err.println("SKIPPED GUI TEST: " + why);
    Assumptions.abort(why);
    return null;
  }

  /** Where GUI tests save their screenshots. */
  static Path screenshotDir() {
    return InstalledWeka.basedir().resolve("target/gui-screenshots");
  }

  /**
   * Runs {@code owner.script()} (static, no arguments) inside Weka on the display and fails with the
   * script's output unless it passed.
   */
  static String run(InstalledWeka installed, Class<?> owner, String script, int seconds) throws Exception {
    String display = requireDisplay();
    List<Path> cp = new ArrayList<>();
    cp.add(scriptClasses());
    cp.add(jarOf(Assertions.class));
    cp.add(jarOf(org.opentest4j.AssertionFailedError.class));
    WekaProcess.Result r = installed.weka.run(seconds, false, cp, Map.of("DISPLAY", display),
        List.of("-Dclusterlab.gui.shots=" + screenshotDir(), "-Dclusterlab.basedir=" + InstalledWeka.basedir()), Gui.class.getName(), owner.getName(), script);
    assertTrue(r.exitCode() == 0 && r.output().contains("GUI SCRIPT PASSED " + script),
        "GUI script " + owner.getSimpleName() + "." + script + " failed (screenshots in " + screenshotDir() + "):\n"
            + r.output());
    return r.output();
  }

  /**
   * A directory holding only the compiled classes of {@code clusterlab.it}: the whole test-classes
   * directory would put test classes in ClusterLab's Weka packages on the class path, where Weka's
   * class discovery would find them next to the installed package.
   */
  private static Path scriptClasses() throws Exception {
    Path testClasses = jarOf(GuiLauncher.class);
    Path from = testClasses.resolve("clusterlab/it");
    Path root = InstalledWeka.basedir().resolve("target/gui-script-classes");
    Path to = Files.createDirectories(root.resolve("clusterlab/it"));
    try (Stream<Path> s = Files.list(from)) {
      for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".class"))::iterator) {
        Files.copy(p, to.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return root;
  }

  private static Path jarOf(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
