package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;

/**
 * The outside of a GUI test (runs in the failsafe JVM): starts a JVM on an X display with Weka's
 * jars and the package installed in the run's fresh {@code WEKA_HOME} ({@link GuiFixture}), and runs one
 * GUI script ({@link Gui}) in it. Screenshots go to {@code target/gui-screenshots}.
 */
final class GuiLauncher {

  private GuiLauncher() {
  }

  /**
   * Runs {@code owner.script()} (static, no arguments) inside Weka on the test display ({@link GuiFixture#display})
   * and fails with the script's output unless it passed.
   */
  static String run(Class<?> owner, String script, int seconds) throws Exception {
    return run(GuiFixture.display(), owner, script, seconds);
  }

  /** As {@link #run(Class, String, int)}, on the X display {@code display} (e.g. a {@link GuiFixture#screen}). */
  static String run(String display, Class<?> owner, String script, int seconds) throws Exception {
    InstalledWeka installed = GuiFixture.installed();
    Path shots = GuiFixture.screenshotDir();
    List<Path> cp = new ArrayList<>();
    cp.add(scriptClasses());
    cp.add(jarOf(Assertions.class));
    cp.add(jarOf(org.opentest4j.AssertionFailedError.class));
    WekaProcess.Result r = installed.weka.run(seconds, false, cp, Map.of("DISPLAY", display),
        List.of("-Dclusterlab.gui.shots=" + shots, "-Dclusterlab.basedir=" + InstalledWeka.basedir()), Gui.class.getName(),
        owner.getName(), script);
    assertTrue(r.exitCode() == 0 && r.output().contains("GUI SCRIPT PASSED " + script),
        "GUI script " + owner.getSimpleName() + "." + script + " failed on display " + display + " (screenshots in "
            + shots + "):\n" + r.output());
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
