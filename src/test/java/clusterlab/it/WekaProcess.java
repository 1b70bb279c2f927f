package clusterlab.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Weka in a new JVM the way a user with a plain Weka installation does: only Weka's own jars
 * on the classpath, packages coming from {@code WEKA_HOME}, offline.
 */
final class WekaProcess {

  private final Path wekaHome;
  private final String classpath;
  private final List<String> jvmFlags;

  WekaProcess(Path wekaHome) throws IOException {
    this.wekaHome = wekaHome;
    Path cpFile = Path.of(System.getProperty("clusterlab.wekaClasspath", "target/weka-classpath.txt"));
    this.classpath = Files.readString(cpFile).trim();
    this.jvmFlags = Arrays.asList(System.getProperty("clusterlab.jvmFlags", "").trim().split("\\s+"));
  }

  Path wekaHome() {
    return wekaHome;
  }

  /** Output of a finished run. */
  record Result(int exitCode, String output) {
  }

  /** Runs {@code java [flags] [sysProps] -cp <weka> args...} headless, failing after {@code seconds}. */
  Result run(int seconds, List<String> sysProps, String... args) throws IOException, InterruptedException {
    return run(seconds, true, List.of(), Map.of(), sysProps, args);
  }

  /**
   * As {@link #run(int, List, String...)}; with a non-null {@code display} (an X display such as ":99") the
   * JVM is not headless and opens its windows there.
   */
  Result runOnDisplay(String display, int seconds, List<String> sysProps, String... args)
      throws IOException, InterruptedException {
    return run(seconds, display == null, List.of(), display == null ? Map.of() : Map.of("DISPLAY", display), sysProps,
        args);
  }

  /**
   * The general form: {@code headless=false} lets the JVM open windows on the display in {@code env}
   * (GUI tests); {@code extraClasspath} is appended after Weka's jars (never the package's own classes:
   * those must come from the installed package).
   */
  Result run(int seconds, boolean headless, List<Path> extraClasspath, Map<String, String> env, List<String> sysProps,
      String... args) throws IOException, InterruptedException {
    return run(seconds, headless, extraClasspath, env, sysProps, null, args);
  }

  /** As the general form, in the working directory {@code dir} (null: this JVM's). */
  Result run(int seconds, boolean headless, List<Path> extraClasspath, Map<String, String> env, List<String> sysProps,
      Path dir, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String f : jvmFlags) {
      if (!f.isEmpty()) {
        cmd.add(f);
      }
    }
    cmd.add("-Xmx1g");
    cmd.add("-Djava.awt.headless=" + headless);
    cmd.add("-Dweka.packageManager.offline=true");
    cmd.addAll(sysProps);
    cmd.add("-cp");
    StringBuilder cp = new StringBuilder(classpath);
    for (Path p : extraClasspath) {
      cp.append(File.pathSeparator).append(p);
    }
    cmd.add(cp.toString());
    cmd.addAll(Arrays.asList(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().put("WEKA_HOME", wekaHome.toString());
    pb.environment().putAll(env);
    File log = Files.createTempFile("weka-run", ".log").toFile();
    pb.redirectOutput(log);
    Process p = pb.start();
    if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      String out = Files.readString(log.toPath());
      log.delete();
      throw new AssertionError("Weka did not finish within " + seconds + " s: " + cmd + "\n" + out);
    }
    String out = Files.readString(log.toPath());
    log.delete();
    return new Result(p.exitValue(), out);
  }
}
