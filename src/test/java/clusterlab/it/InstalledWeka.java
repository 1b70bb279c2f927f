package clusterlab.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fresh {@code WEKA_HOME} with the built package zip installed by Weka's own package manager
 * ({@code WekaPackageManager -offline -install-package}), as a user installs it. Shared by the
 * installed-package test and the GUI tests.
 */
final class InstalledWeka {

  final Path wekaHome;
  final WekaProcess weka;
  final String installLog;

  private InstalledWeka(Path wekaHome, WekaProcess weka, String installLog) {
    this.wekaHome = wekaHome;
    this.weka = weka;
    this.installLog = installLog;
  }

  /** The project directory (set by Maven; the working directory otherwise). */
  static Path basedir() {
    return Path.of(System.getProperty("clusterlab.basedir", ".")).toAbsolutePath();
  }

  /** Installs the zip named by the system property {@code clusterlab.zip} into {@code dir/wekahome}. */
  static InstalledWeka install(Path dir) throws Exception {
    Path zip = Path.of(System.getProperty("clusterlab.zip"));
    assertTrue(Files.isRegularFile(zip), "package zip not built: " + zip);
    Path home = Files.createDirectories(dir.resolve("wekahome"));
    WekaProcess weka = new WekaProcess(home);
    WekaProcess.Result r = weka.run(300, List.of(), "weka.core.WekaPackageManager", "-offline", "-install-package",
        zip.toString());
    return new InstalledWeka(home, weka, r.output());
  }
}
