package clusterlab.bench.peers;

import clusterlab.bench.Bench;

import elki.clustering.kmeans.ExponionKMeans;
import elki.clustering.kmeans.HamerlyKMeans;
import elki.clustering.kmeans.ShallotKMeans;
import elki.clustering.kmeans.initialization.Predefined;
import elki.data.Cluster;
import elki.data.Clustering;
import elki.data.NumberVector;
import elki.data.model.KMeansModel;
import elki.data.type.TypeUtil;
import elki.database.Database;
import elki.database.StaticArrayDatabase;
import elki.database.relation.Relation;
import elki.datasource.ArrayAdapterDatabaseConnection;
import elki.distance.minkowski.SquaredEuclideanDistance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** ELKI 0.8.0's accelerated k-means variants from predefined initial centres, for {@link KMeansBench}. */
final class ElkiPeer {

  private ElkiPeer() {
  }

  static void run(Bench b, double[][] data, double[][] init, int k, int iters, double[] flat, int n, int d) {
    Database db = new StaticArrayDatabase(new ArrayAdapterDatabaseConnection(data), null);
    db.initialize();
    Relation<NumberVector> rel = db.getRelation(TypeUtil.NUMBER_VECTOR_FIELD);
    record(b, "ELKI HamerlyKMeans", () -> new HamerlyKMeans<NumberVector>(SquaredEuclideanDistance.STATIC, k, iters,
        new Predefined(copy(init)), false).run(rel), flat, n, d);
    record(b, "ELKI ExponionKMeans", () -> new ExponionKMeans<NumberVector>(SquaredEuclideanDistance.STATIC, k, iters,
        new Predefined(copy(init)), false).run(rel), flat, n, d);
    record(b, "ELKI ShallotKMeans", () -> new ShallotKMeans<NumberVector>(SquaredEuclideanDistance.STATIC, k, iters,
        new Predefined(copy(init)), false).run(rel), flat, n, d);
  }

  private static void record(Bench b, String name, Supplier<Clustering<KMeansModel>> body, double[] flat, int n, int d) {
    b.record(name, 1, 3, body, c -> {
      List<double[]> means = new ArrayList<>();
      for (Cluster<KMeansModel> cl : c.getAllClusters()) {
        means.add(cl.getModel().getMean());
      }
      return "objective " + String.format(Locale.ROOT, "%.10g", KMeansBench.objective(flat, n, d, means.toArray(new double[0][])));
    });
  }

  private static double[][] copy(double[][] m) {
    double[][] c = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      c[i] = m[i].clone();
    }
    return c;
  }
}
