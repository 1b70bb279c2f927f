package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Metric;
import clusterlab.core.neighbors.VpTree;
import clusterlab.core.tsne.TransformOptions;
import clusterlab.core.tsne.Trustworthiness;
import clusterlab.core.tsne.TsneTransform;
import clusterlab.core.prep.PrepFixtures;
import java.io.FileReader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.filters.Filter;

class TSNEFilterTest {

  private static Instances iris() throws Exception {
    try (FileReader r = new FileReader("resources/data/iris.arff")) {
      Instances d = new Instances(r);
      d.setClassIndex(d.numAttributes() - 1);
      return d;
    }
  }

  @Test
  void embedsNumericAttributesAndKeepsTheClass() throws Exception {
    Instances iris = iris();
    TSNE f = new TSNE();
    f.setInputFormat(iris);
    Instances out = Filter.useFilter(iris, f);
    assertEquals(3, out.numAttributes());
    assertEquals("tsne1", out.attribute(0).name());
    assertEquals(2, out.classIndex());
    double[] y = new double[150 * 2];
    for (int i = 0; i < 150; i++) {
      y[2 * i] = out.instance(i).value(0);
      y[2 * i + 1] = out.instance(i).value(1);
      assertEquals(iris.instance(i).classValue(), out.instance(i).classValue(), 0.0);
    }
    double t = Trustworthiness.of(PrepFixtures.dataset("iris.csv"), Dataset.of(y, 150, 2), 5, 0);
    assertTrue(t > 0.98, "trustworthiness " + t);
    assertTrue(f.toString().contains("KL divergence"), f.toString());
    assertEquals(f.getResult().klDivergence(), f.getResult().klCurve()[19][1], 0.0);
  }

  @Test
  void laterBatchesArePlacedOrRefused() throws Exception {
    Instances iris = iris();
    TSNE f = new TSNE();
    f.setOptions(new String[] {"-dims", "3", "-I", "300"});
    f.setInputFormat(iris);
    Instances out = Filter.useFilter(iris, f);
    assertEquals(4, out.numAttributes());
    Instances second = new Instances(iris, 0);
    second.add(iris.instance(0));
    Instances placed = Filter.useFilter(second, f);
    assertEquals(1, placed.numInstances());
    double dx = placed.instance(0).value(0) - out.instance(0).value(0);
    double spread = out.attributeStats(0).numericStats.stdDev;
    assertTrue(Math.abs(dx) < spread, "placed far from its own embedding: " + dx);
    assertEquals(0, Filter.useFilter(new Instances(iris, 0), f).numInstances(), "an empty later batch stays empty");

    TSNE refusing = new TSNE();
    refusing.setOptions(new String[] {"-I", "100", "-refuse-new"});
    refusing.setInputFormat(iris);
    Filter.useFilter(iris, refusing);
    Exception e = assertThrows(Exception.class, () -> Filter.useFilter(second, refusing));
    assertTrue(e.getMessage().contains("cannot embed new instances"), e.getMessage());
  }

  /**
   * Later batches are optimised against the first batch's map by default (openTSNE's transform), and
   * placed by the neighbour average with {@code -new-points neighbours}: the same coordinates as the
   * core's {@code TsneResult.place} and {@code TsneTransform}, and the optimised training rows land
   * nearer their own first-batch coordinates.
   */
  @Test
  void newPointsAreOptimisedByDefaultOrPlacedByTheirNeighbours() throws Exception {
    Instances iris = iris();
    TSNE optimising = new TSNE();
    optimising.setOptions(new String[] {"-I", "300", "-num-threads", "2"});
    assertEquals("optimise", optimising.getNewPoints().getSelectedTag().getReadable());
    optimising.setInputFormat(iris);
    Instances first = Filter.useFilter(iris, optimising);
    Instances optimised = Filter.useFilter(new Instances(iris), optimising);

    TSNE averaging = new TSNE();
    averaging.setOptions(new String[] {"-I", "300", "-num-threads", "2", "-new-points", "neighbours"});
    assertTrue(Arrays.asList(averaging.getOptions()).contains("neighbours"));
    averaging.setInputFormat(iris);
    Filter.useFilter(iris, averaging);
    Instances averaged = Filter.useFilter(new Instances(iris), averaging);

    Dataset rows = PrepFixtures.dataset("iris.csv");
    VpTree index = new VpTree(rows, Metric.EUCLIDEAN);
    double[] place = averaging.getResult().place(rows, index, rows, 1);
    double[] transform = new TsneTransform(TransformOptions.defaults()).transform(optimising.getResult(), rows, index, rows,
        Progress.NONE).embedding();
    double nearer = 0;
    for (int i = 0; i < 150; i++) {
      for (int k = 0; k < 2; k++) {
        assertEquals(place[2 * i + k], averaged.instance(i).value(k), 1e-12);
        assertEquals(transform[2 * i + k], optimised.instance(i).value(k), 1e-12);
      }
      nearer += Math.hypot(optimised.instance(i).value(0) - first.instance(i).value(0),
          optimised.instance(i).value(1) - first.instance(i).value(1))
          < Math.hypot(averaged.instance(i).value(0) - first.instance(i).value(0),
          averaged.instance(i).value(1) - first.instance(i).value(1)) ? 1 : 0;
    }
    assertTrue(nearer >= 0.9 * 150, nearer + " of 150 training rows land nearer their own coordinates when optimised");
  }

  @Test
  void missingValuesAndNominalAttributesAreHandled() throws Exception {
    Instances data = PrepWekaData.of("missing.csv", true);
    TSNE f = new TSNE();
    f.setOptions(new String[] {"-P", "10", "-I", "250"});
    f.setInputFormat(data);
    Instances out = Filter.useFilter(data, f);
    assertEquals(2 + 2, out.numAttributes()); // tsne1, tsne2, colour (kept), class
    assertEquals("colour", out.attribute(2).name());
    assertEquals(3, out.classIndex());
    for (int i = 0; i < out.numInstances(); i++) {
      assertTrue(Double.isFinite(out.instance(i).value(0)));
    }
  }

  @Test
  void interruptingTheThreadStopsTheOptimisation() throws Exception {
    Instances data = PrepWekaData.of("digits.csv", false);
    TSNE f = new TSNE();
    f.setOptions(new String[] {"-I", "100000"});
    f.setInputFormat(data);
    Throwable[] thrown = new Throwable[1];
    Thread t = new Thread(() -> {
      try {
        Filter.useFilter(data, f);
      } catch (Throwable e) {
        thrown[0] = e;
      }
    });
    t.start();
    Thread.sleep(1500);
    t.interrupt();
    t.join(60000);
    assertTrue(!t.isAlive(), "the filter kept running after the interrupt");
    assertTrue(thrown[0] instanceof clusterlab.core.Progress.CancelledException, String.valueOf(thrown[0]));
  }

  @Test
  void badOptionsAreRefused() {
    TSNE f = new TSNE();
    assertThrows(IllegalArgumentException.class, () -> f.setDimensions(4));
    assertThrows(Exception.class, () -> f.setOptions(new String[] {"-P", "-3"}));
    assertThrows(Exception.class, () -> f.setOptions(new String[] {"-method", "fast"}));
    Exception e = assertThrows(Exception.class, () -> f.setOptions(new String[] {"-new-points", "move"}));
    assertTrue(e.getMessage().contains("newPoints") || e.getMessage().contains("new-points"), e.getMessage());
  }
}
