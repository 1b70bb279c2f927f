package clusterlab.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import weka.core.Environment;

/**
 * The example flows read {@code ${WEKA_HOME}/packages/clusterLab/data} and write into
 * {@code ${WEKA_HOME}/packages/clusterLab/output}, as installed (Weka always defines WEKA_HOME). For
 * running them in-process, this lays out that part of a WEKA_HOME: {@code data} is the project's
 * resources/data and {@code output} is the caller's directory.
 */
public final class ExampleFlows {

  /** Where, below WEKA_HOME, the installed package keeps its data and output directories. */
  public static final String PACKAGE_DIR = "packages/clusterLab";

  private ExampleFlows() {
  }

  /** An environment whose WEKA_HOME makes the flows read the bundled data and write into {@code out}. */
  public static Environment environment(Path out) throws IOException {
    Path pkg = Files.createDirectories(out.resolve(".wekahome").resolve(PACKAGE_DIR));
    if (!Files.exists(pkg.resolve("data"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(pkg.resolve("data"), PluginManifest.basedir().resolve("resources/data").toAbsolutePath());
      Files.createSymbolicLink(pkg.resolve("output"), out.toAbsolutePath());
    }
    Environment env = new Environment();
    env.addVariable("WEKA_HOME", out.resolve(".wekahome").toAbsolutePath().toString());
    return env;
  }
}
