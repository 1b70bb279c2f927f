package clusterlab.bench;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A minimal side-by-side bench runner: every benchmark is a {@code main} in this package that
 * times ClusterLab and its peers in the same JVM run, on the same data, and prints one table of
 * median wall-clock seconds and ratios. Run one with
 * {@code mvn -q -Pbench test-compile exec:java -Dexec.mainClass=clusterlab.bench.<Name>}.
 *
 * <p>Why not assert on times in unit tests: timings on a shared 2-core machine are noisy; a ratio
 * measured side by side in one run is what BENCHMARKS.md records.
 */
public final class Bench {

  private final String title;
  private final List<String[]> rows = new ArrayList<>();

  public Bench(String title) {
    this.title = title;
  }

  /** Runs {@code warmups} untimed and {@code reps} timed calls; returns the median seconds. */
  public static double medianSeconds(int warmups, int reps, Runnable body) {
    for (int i = 0; i < warmups; i++) {
      body.run();
    }
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      long t0 = System.nanoTime();
      body.run();
      t[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(t);
    return t[reps / 2];
  }

  /** Times a call returning a value, and records the value's description with the time. */
  public <T> T record(String name, int warmups, int reps, Supplier<T> body, java.util.function.Function<T, String> describe) {
    Object[] last = new Object[1];
    double s = medianSeconds(warmups, reps, () -> last[0] = body.get());
    @SuppressWarnings("unchecked")
    T value = (T) last[0];
    rows.add(new String[] {name, String.format(Locale.ROOT, "%.4f", s), describe.apply(value)});
    return value;
  }

  /** Records an externally measured time (for example a Python peer timing itself). */
  public void recordExternal(String name, double seconds, String note) {
    rows.add(new String[] {name, String.format(Locale.ROOT, "%.4f", seconds), note});
  }

  /** Seconds recorded for {@code name}. */
  public double seconds(String name) {
    for (String[] r : rows) {
      if (r[0].equals(name)) {
        return Double.parseDouble(r[1]);
      }
    }
    throw new IllegalArgumentException("no row named " + name);
  }

  /** Prints the table as Markdown, with each row's ratio to {@code baseline}'s time. */
  public String table(String baseline) {
    double base = seconds(baseline);
    StringBuilder sb = new StringBuilder();
    sb.append("### ").append(title).append("\n\n");
    sb.append("| implementation | median s | time / ").append(baseline).append(" | result |\n|---|---|---|---|\n");
    for (String[] r : rows) {
      double s = Double.parseDouble(r[1]);
      sb.append("| ").append(r[0]).append(" | ").append(r[1]).append(" | ")
          .append(String.format(Locale.ROOT, "%.3f", s / base)).append(" | ").append(r[2]).append(" |\n");
    }
    sb.append("\nJVM: ").append(System.getProperty("java.vm.name")).append(' ')
        .append(System.getProperty("java.version")).append(", cores: ")
        .append(Runtime.getRuntime().availableProcessors()).append(", max heap: ")
        .append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB\n");
    return sb.toString();
  }

  /** Runs an external command (a Python peer) and returns its standard output. */
  public static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new IllegalStateException("command failed: " + command + "\n" + out);
      }
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes a row-major matrix as headerless CSV for an external peer to read. */
  public static void writeCsv(Path file, double[] values, int n, int d) throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder sb = new StringBuilder(n * d * 12);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        if (j > 0) {
          sb.append(',');
        }
        sb.append(values[i * d + j]);
      }
      sb.append('\n');
    }
    Files.writeString(file, sb);
  }

  /** Writes values as little-endian float64 (numpy's {@code fromfile(path, "<f8")}) for an external peer. */
  public static void writeRaw(Path file, double[] values) throws IOException {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(values.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (double x : values) {
      b.putDouble(x);
    }
    Files.write(file, b.array());
  }

  /** Reads little-endian float64 values an external peer wrote ({@code ndarray.tofile}). */
  public static double[] readRaw(Path file) throws IOException {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(Files.readAllBytes(file)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    double[] v = new double[b.remaining() / 8];
    for (int i = 0; i < v.length; i++) {
      v[i] = b.getDouble();
    }
    return v;
  }

  /** The {@code java} launcher of the running JVM, for a peer or a run in a fresh JVM. */
  public static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The test classpath of this run (exec:java loads it in a URLClassLoader, not java.class.path). */
  public static String testClasspath() {
    ClassLoader cl = Thread.currentThread().getContextClassLoader();
    List<String> parts = new ArrayList<>();
    while (cl != null) {
      if (cl instanceof URLClassLoader) {
        for (URL u : ((URLClassLoader) cl).getURLs()) {
          try {
            parts.add(new File(u.toURI()).getPath());
          } catch (Exception e) {
            parts.add(u.getPath());
          }
        }
      }
      cl = cl.getParent();
    }
    if (parts.isEmpty()) {
      return System.getProperty("java.class.path");
    }
    return String.join(File.pathSeparator, parts);
  }
}
