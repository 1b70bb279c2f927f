package clusterlab.bench.peers;

import clusterlab.bench.Bench;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.medoids.KMedoids;
import clusterlab.core.medoids.KMedoidsModel;
import elki.clustering.kmedoids.FasterPAM;
import elki.clustering.kmedoids.initialization.BUILD;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.MedoidModel;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.EuclideanDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * k-medoids side by side with ELKI 0.8.0's FasterPAM (issue 16): the same data, the same BUILD
 * initialisation, Euclidean distance, the precomputed dissimilarity matrix on both sides, timed
 * from the raw rows to the final medoids (matrix + BUILD + swaps). ClusterLab runs with 1 thread
 * (ELKI's FasterPAM is single-threaded) and with all cores. Run with
 * {@code MAVEN_OPTS=-Xmx6g mvn -q -B -Pbench test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=clusterlab.bench.peers.KMedoidsBench [-Dexec.args="n d k reps"]}.
 */
public final class KMedoidsBench {

  private KMedoidsBench() {
  }

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
    int d = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int k = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int reps = args.length > 3 ? Integer.parseInt(args[3]) : 3; // at 20k rows one run takes a minute: reps 1, no warm-up
    int warmups = reps > 1 ? 1 : 0;
    Random r = new Random(16);
    double[] flat = new double[n * d];
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      int c = r.nextInt(k);
      for (int j = 0; j < d; j++) {
        flat[i * d + j] = rows[i][j] = r.nextGaussian() + 3 * ((c >> (j % 4)) & 1) + 0.5 * c * (j == 0 ? 1 : 0);
      }
    }
    Bench b = new Bench(String.format(Locale.ROOT, "k-medoids (BUILD + FasterPAM), %d x %d, k = %d, Euclidean", n, d, k));
    for (int threads : new int[] {1, 0}) {
      KMedoids km = KMedoids.builder(k).memory(KMedoids.Memory.MATRIX).threads(threads).build();
      String name = "ClusterLab KMedoids, " + (threads == 1 ? "1 thread" : Runtime.getRuntime().availableProcessors() + " threads");
      b.record(name, warmups, reps, () -> km.fit(flat, n, d, null, Metric.EUCLIDEAN, 1, Progress.NONE),
          m -> String.format(Locale.ROOT, "TD %.10g, %d swaps", m.totalDeviation(), m.swaps()));
      System.gc();
    }
    Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(rows), null);
    db.initialize();
    Relation<NumberVector> rel = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    b.record("ELKI FasterPAM (BUILD), 1 thread", warmups, reps,
        () -> new FasterPAM<NumberVector>(EuclideanDistance.STATIC, k, 100, new BUILD<>()).run(rel),
        c -> String.format(Locale.ROOT, "TD %.10g", elkiTd(c, rel, flat, n, d)));
    System.out.println(b.table("ELKI FasterPAM (BUILD), 1 thread"));
  }

  private static double elkiTd(Clustering<MedoidModel> c, Relation<NumberVector> rel, double[] flat, int n, int d) {
    List<double[]> medoids = new ArrayList<>();
    for (Cluster<MedoidModel> cl : c.getAllClusters()) {
      medoids.add(rel.get(cl.getModel().getMedoid()).toArray());
    }
    double td = 0;
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      for (double[] m : medoids) {
        best = Math.min(best, Metric.EUCLIDEAN.between(flat, i * d, m, 0, d));
      }
      td += best;
    }
    return td;
  }
}
