package clusterlab.core.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.Dataset;
import org.junit.jupiter.api.Test;

class SparseDatasetTest {

  private static SparseDataset small() {
    // rows: [1 0 2], [0 0 0], [0 3 4]
    return new SparseDataset.Builder(3).add(0, 1).add(2, 2).endRow(1).endRow(1).add(1, 3).add(2, 4).endRow(2).build();
  }

  @Test
  void builderMakesCsrRowsAndKeepsWeights() {
    SparseDataset s = small();
    assertEquals(3, s.n());
    assertEquals(4, s.nnz());
    assertArrayEquals(new double[] {1, 0, 2}, s.denseRow(0));
    assertArrayEquals(new double[] {0, 0, 0}, s.denseRow(1));
    assertArrayEquals(new double[] {0, 3, 4}, s.denseRow(2));
    assertTrue(s.isEmptyRow(1));
    assertFalse(s.isEmptyRow(2));
    assertEquals(4.0, s.totalWeight());
  }

  @Test
  void kernelsAgreeWithDenseArithmetic() {
    SparseDataset s = small();
    double[] x = {0.5, -1, 2, 9, 9, 9};
    assertEquals(0.5 + 4, s.dot(0, x, 0));
    assertEquals(-3 + 8, s.dot(2, x, 0));
    assertEquals(5.0, s.rowNorm(2));
    double xNorm = Math.sqrt(0.25 + 1 + 4);
    assertEquals(5 / (5 * xNorm), s.cosine(2, x, 0, xNorm), 1e-15);
    assertEquals(0.0, s.cosine(1, x, 0, xNorm));
    SparseDataset u = s.unitNormalised();
    assertEquals(1.0, u.rowNorm(0), 1e-15);
    assertEquals(0.0, u.rowNorm(1));
    assertArrayEquals(new double[] {0, 0.6, 0.8}, u.denseRow(2), 1e-15);
    double[] acc = new double[3];
    s.addTo(2, 2.0, acc, 0);
    assertArrayEquals(new double[] {0, 6, 8}, acc);
  }

  @Test
  void denseRoundTripAndTheStatedSizeLimit() {
    SparseDataset s = small();
    Dataset d = s.toDense(SparseDataset.DEFAULT_DENSE_LIMIT_BYTES);
    assertArrayEquals(new double[] {1, 0, 2, 0, 0, 0, 0, 3, 4}, d.values());
    assertEquals(2.0, d.weight(2));
    SparseDataset back = SparseDataset.fromDense(d);
    assertEquals(4, back.nnz());
    String msg = assertThrows(IllegalArgumentException.class, () -> s.toDense(16)).getMessage();
    assertTrue(msg.contains("dense matrix") && msg.contains("limit"), msg);
    // 20,000 documents x 30,000 words: refused by the default limit instead of allocating 4.8 GB
    SparseDataset big = SparseDataset.of(20000, 30000, new int[20001], new int[0], new double[0], null);
    assertThrows(IllegalArgumentException.class, () -> big.toDense(SparseDataset.DEFAULT_DENSE_LIMIT_BYTES));
  }

  @Test
  void inconsistentArraysAreRefusedNamingTheRow() {
    String msg = assertThrows(IllegalArgumentException.class,
        () -> SparseDataset.of(1, 3, new int[] {0, 2}, new int[] {2, 1}, new double[] {1, 1}, null)).getMessage();
    assertTrue(msg.contains("row 0"), msg);
    msg = assertThrows(IllegalArgumentException.class,
        () -> SparseDataset.of(1, 3, new int[] {0, 1}, new int[] {1}, new double[] {Double.NaN}, null)).getMessage();
    assertTrue(msg.contains("finite"), msg);
  }
}
