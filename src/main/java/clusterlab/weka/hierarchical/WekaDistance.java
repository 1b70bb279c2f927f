package clusterlab.weka.hierarchical;

import clusterlab.core.distance.Distance;
import java.io.Serializable;
import java.util.ArrayList;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.DistanceFunction;
import weka.core.Instance;
import weka.core.Instances;

/**
 * Lets any Weka {@link DistanceFunction} serve as a core {@link Distance}: the slower, general
 * path. The function is initialised on the converted training columns (what the core sees), so
 * for example {@code EuclideanDistance} range-normalises over the training data as it does in
 * Weka. Rows of the training array map to cached instances; other arrays are wrapped on the fly.
 * Weka's distance functions are not documented as thread-safe, so adapters run this path on one
 * thread.
 */
public final class WekaDistance implements Distance, Serializable {

  private static final long serialVersionUID = 1L;

  private final DistanceFunction function;
  private final Instances columns;
  private final double[] training;
  private final int d;

  /** @param training the training rows (row-major, {@code names.length} columns) */
  public WekaDistance(DistanceFunction function, double[] training, String[] names) {
    this.function = function;
    this.d = names.length;
    this.training = training;
    ArrayList<Attribute> atts = new ArrayList<>();
    for (String name : names) {
      atts.add(new Attribute(name));
    }
    int n = training.length / d;
    columns = new Instances("clusterlab-columns", atts, n);
    for (int i = 0; i < n; i++) {
      double[] row = new double[d];
      System.arraycopy(training, i * d, row, 0, d);
      columns.add(new DenseInstance(1.0, row));
    }
    function.setInstances(columns);
  }

  @Override
  public double between(double[] a, int aOff, double[] b, int bOff, int dims) {
    return function.distance(instance(a, aOff), instance(b, bOff));
  }

  private Instance instance(double[] x, int off) {
    if (x == training) {
      return columns.instance(off / d);
    }
    double[] row = new double[d];
    System.arraycopy(x, off, row, 0, d);
    DenseInstance inst = new DenseInstance(1.0, row);
    inst.setDataset(columns);
    return inst;
  }

  @Override
  public String name() {
    return function.getClass().getSimpleName();
  }
}
