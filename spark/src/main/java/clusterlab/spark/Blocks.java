package clusterlab.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Turns rows into cached {@link RowBlock}s: every partition packs its rows into flat blocks of at
 * most {@link RowBlock#MAX_ROWS} rows that remember the global index of their first row (so that ties
 * in re-seeding and the order of the labelled output follow the input order, as on one machine).
 */
public final class Blocks {

  /** Blocks of a data set: the cached RDD, the number of rows and columns. */
  public static final class Data {
    private final JavaRDD<RowBlock> blocks;
    private final long n;
    private final int d;

    Data(JavaRDD<RowBlock> blocks, long n, int d) {
      this.blocks = blocks;
      this.n = n;
      this.d = d;
    }

    JavaRDD<RowBlock> rdd() {
      return blocks;
    }

    /** Number of rows. */
    public long n() {
      return n;
    }

    /** Number of columns. */
    public int d() {
      return d;
    }

    /** Drops the cached blocks. */
    public void unpersist() {
      blocks.unpersist(false);
    }
  }

  private Blocks() {
  }

  /**
   * Packs rows (each a {@code double[d]}) into cached blocks. Two passes over {@code rows}: one to
   * count each partition's rows (for the global row numbers), one to pack them; both must see the
   * same rows in the same order, which file sources guarantee.
   *
   * @param source names the data in error messages (a file name)
   * @throws IllegalArgumentException naming the row and column of a value that is not finite, or a
   *     row with the wrong number of values
   */
  public static Data of(JavaRDD<double[]> rows, int d, String source) {
    List<Long> counts = rows.mapPartitions(it -> {
      long c = 0;
      while (it.hasNext()) {
        it.next();
        c++;
      }
      return List.of(c).iterator();
    }).collect();
    long[] offsets = new long[counts.size()];
    long total = 0;
    for (int p = 0; p < offsets.length; p++) {
      offsets[p] = total;
      total += counts.get(p);
    }
    JavaRDD<RowBlock> blocks = rows.mapPartitionsWithIndex((p, it) -> pack(it, offsets[p], d, source), true);
    blocks.persist(StorageLevel.MEMORY_ONLY());
    blocks.count(); // materialise the cache now, so that a bad value fails here with its row
    return new Data(blocks, total, d);
  }

  /** Row generator for {@link #generate}: fills {@code out[0 .. d)} with row {@code i}. */
  @FunctionalInterface
  public interface RowGenerator extends java.io.Serializable {
    void row(long i, double[] out);
  }

  /**
   * Generates {@code n} rows on the executors (never on the driver), {@code partitions} ranges of
   * consecutive rows; row {@code i} depends only on {@code i}, so the data does not depend on the
   * partitioning.
   */
  public static Data generate(JavaSparkContext jsc, long n, int d, int partitions, RowGenerator gen) {
    List<Integer> parts = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      parts.add(p);
    }
    JavaRDD<RowBlock> blocks = jsc.parallelize(parts, partitions).mapPartitions(it -> {
      List<RowBlock> out = new ArrayList<>();
      double[] row = new double[d];
      while (it.hasNext()) {
        int p = it.next();
        long from = n * p / partitions;
        long to = n * (p + 1) / partitions;
        for (long start = from; start < to; start += RowBlock.MAX_ROWS) {
          int m = (int) Math.min(RowBlock.MAX_ROWS, to - start);
          double[] v = new double[m * d];
          for (int i = 0; i < m; i++) {
            gen.row(start + i, row);
            System.arraycopy(row, 0, v, i * d, d);
          }
          out.add(new RowBlock(start, m, d, v, null));
        }
      }
      return out.iterator();
    });
    blocks.persist(StorageLevel.MEMORY_ONLY());
    blocks.count();
    return new Data(blocks, n, d);
  }

  private static Iterator<RowBlock> pack(Iterator<double[]> it, long offset, int d, String source) {
    List<RowBlock> out = new ArrayList<>();
    double[] buf = new double[RowBlock.MAX_ROWS * d];
    int m = 0;
    long first = offset;
    while (it.hasNext()) {
      double[] row = it.next();
      long global = first + m;
      if (row.length != d) {
        throw new IllegalArgumentException(source + ": row " + (global + 1) + " has " + row.length + " values, expected "
            + d + "; every row needs the same numeric columns");
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(row[j])) {
          throw new IllegalArgumentException(source + ": row " + (global + 1) + ", column " + (j + 1) + " is " + row[j]
              + "; all values must be finite numbers: replace or remove missing values first");
        }
      }
      System.arraycopy(row, 0, buf, m * d, d);
      if (++m == RowBlock.MAX_ROWS) {
        out.add(new RowBlock(first, m, d, buf, null));
        first += m;
        m = 0;
        buf = new double[RowBlock.MAX_ROWS * d];
      }
    }
    if (m > 0) {
      out.add(new RowBlock(first, m, d, Arrays.copyOf(buf, m * d), null));
    }
    return out.iterator();
  }
}
