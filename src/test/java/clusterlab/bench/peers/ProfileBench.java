package clusterlab.bench.peers;

import clusterlab.bench.Bench;
import clusterlab.core.mixed.ColumnType;
import clusterlab.core.mixed.MixedTable;
import clusterlab.core.profile.ClusterProfile;
import clusterlab.core.profile.ClusterProfiler;
import clusterlab.core.profile.PAdjust;
import clusterlab.core.profile.Contrast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Cluster profiles side by side with base R (issue 16): the same mixed table (numeric and nominal
 * columns, 5% missing cells) and segment labels, the same statistics per segment and attribute
 * (Welch t-test, Cohen's d, point-biserial r and medians; chi-square, Cramér's V and adjusted
 * residuals; Holm over all tests), R through {@code tools/bench/r_profile.R}, which is
 * single-threaded. ClusterLab runs with 1 thread and with all cores. The sums of the effects and of
 * the corrected p-values are printed on both sides as a check that the same numbers were computed.
 * Run with {@code MAVEN_OPTS=-Xmx6g mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.peers.ProfileBench [-Dexec.args="n numeric nominal k reps"]}.
 */
public final class ProfileBench {

  private ProfileBench() {
  }

  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    int numeric = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int nominal = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int k = args.length > 3 ? Integer.parseInt(args[3]) : 8;
    int reps = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    int m = numeric + nominal;
    Random r = new Random(16);
    int[] labels = new int[n];
    double[] v = new double[n * m];
    ColumnType[] types = new ColumnType[m];
    int[] levels = new int[m];
    for (int j = 0; j < m; j++) {
      types[j] = j < numeric ? ColumnType.NUMERIC : ColumnType.NOMINAL;
      levels[j] = j < numeric ? 0 : 3 + j % 6;
    }
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(k);
      labels[i] = c;
      for (int j = 0; j < m; j++) {
        double x;
        if (j < numeric) {
          x = Math.round((r.nextGaussian() + 0.3 * ((c + j) % 3)) * 100) / 100.0;
        } else {
          x = r.nextDouble() < 0.3 ? (c + j) % levels[j] : r.nextInt(levels[j]);
        }
        v[i * m + j] = r.nextDouble() < 0.05 ? Double.NaN : x;
      }
    }
    MixedTable table = MixedTable.of(v, n, types, levels, null, null);
    Bench b = new Bench(String.format(Locale.ROOT, "cluster profile statistics, %,d rows x (%d numeric + %d nominal), %d segments, "
        + "5%% missing", n, numeric, nominal, k));
    for (int threads : new int[] {1, 0}) {
      String name = "ClusterLab ClusterProfiler, " + (threads == 1 ? "1 thread"
          : Runtime.getRuntime().availableProcessors() + " threads");
      b.record(name, 1, reps, () -> new ClusterProfiler(PAdjust.HOLM, threads).profile(table, labels, null),
          ProfileBench::describe);
    }
    Path dir = Files.createTempDirectory("profile-bench");
    Path data = dir.resolve("data.csv");
    Path lab = dir.resolve("labels.csv");
    StringBuilder sb = new StringBuilder(n * m * 6);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double x = v[i * m + j];
        sb.append(j == 0 ? "" : ",").append(Double.isNaN(x) ? "NA" : j < numeric ? Double.toString(x) : Integer.toString((int) x));
      }
      sb.append('\n');
    }
    Files.writeString(data, sb);
    StringBuilder ls = new StringBuilder();
    for (int l : labels) {
      ls.append(l).append('\n');
    }
    Files.writeString(lab, ls);
    StringBuilder nom = new StringBuilder();
    for (int j = numeric; j < m; j++) {
      nom.append(nom.length() == 0 ? "" : ",").append(j + 1);
    }
    String[] out = Bench.run(List.of("/usr/bin/Rscript", "tools/bench/r_profile.R", data.toString(), lab.toString(),
        nom.toString(), Integer.toString(reps))).trim().split(" ");
    b.recordExternal("R " + rVersion() + " (stats: t.test, chisq.test, cor, median, p.adjust), 1 thread",
        Double.parseDouble(out[0]), String.format(Locale.ROOT, "sum of effects %.10g, sum of Holm p %.6g",
            Double.parseDouble(out[1]), Double.parseDouble(out[2])));
    Files.deleteIfExists(data);
    Files.deleteIfExists(lab);
    Files.deleteIfExists(dir);
    System.out.println(b.table("R " + rVersion() + " (stats: t.test, chisq.test, cor, median, p.adjust), 1 thread"));
  }

  private static String describe(ClusterProfile p) {
    double effects = 0;
    double holm = 0;
    for (var s : p.segments()) {
      for (Contrast c : s.contrasts()) {
        effects += c.effect();
        holm += c.pAdjusted();
      }
    }
    return String.format(Locale.ROOT, "sum of effects %.10g, sum of Holm p %.6g", effects, holm);
  }

  private static String rVersion() {
    return Bench.run(List.of("/usr/bin/Rscript", "-e", "cat(paste(R.version$major, R.version$minor, sep = '.'))")).trim();
  }
}
