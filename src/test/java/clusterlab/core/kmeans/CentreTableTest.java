package clusterlab.core.kmeans;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every batched distance path must give the single-distance kernel's value bit for bit: the
 * accelerated variants reach Lloyd's labels only because all of them see the same numbers.
 */
class CentreTableTest {

  @ParameterizedTest(name = "k = {0}, d = {1}")
  @CsvSource({"1,1", "2,3", "3,5", "15,16", "16,1", "16,2", "16,3", "17,4", "32,13", "33,16", "40,50", "64,7"})
  void batchedDistancesEqualTheSingleKernelBitForBit(int k, int d) {
    SplittableRandom rng = new SplittableRandom(31L * k + d);
    double[] centroids = new double[k * d];
    for (int t = 0; t < centroids.length; t++) {
      centroids[t] = rng.nextGaussian() * 1e3;
    }
    double[] rows = new double[20 * d];
    for (int t = 0; t < rows.length; t++) {
      rows[t] = rng.nextGaussian() * 1e3 + 1e4;
    }
    CentreTable table = new CentreTable(centroids, k, d);
    CentreTable.Scratch scratch = table.scratch();
    double[] batched = new double[k];
    double[] rowLayout = new double[k];
    double[][] four = new double[4][k];
    for (int i = 0; i < 20; i++) {
      if (i % 4 == 0) {
        table.squaredDistances(rows, i * d, (i + 1) * d, (i + 2) * d, (i + 3) * d, scratch, four);
      }
      table.squaredDistances(rows, i * d, scratch, batched);
      KMeansKernels.allSquaredDistances(rows, i * d, centroids, k, d, rowLayout);
      for (int c = 0; c < k; c++) {
        double single = KMeansKernels.squaredDistance(rows, i * d, centroids, c * d, d);
        assertEquals(Double.doubleToLongBits(single), Double.doubleToLongBits(batched[c]), "centre table, row " + i + ", centre " + c);
        assertEquals(Double.doubleToLongBits(single), Double.doubleToLongBits(rowLayout[c]), "row kernel, row " + i + ", centre " + c);
        assertEquals(Double.doubleToLongBits(single), Double.doubleToLongBits(four[i % 4][c]), "four rows, row " + i + ", centre " + c);
      }
    }
  }
}
