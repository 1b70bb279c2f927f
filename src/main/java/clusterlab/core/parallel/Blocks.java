package clusterlab.core.parallel;

/**
 * Fixed blocks of rows for deterministic reductions: the block boundaries depend only on the
 * number of rows (never on the thread count or timing), so per-block partial sums combined in
 * block order ({@link Parallel#sum}, {@link Parallel#addInOrder}) give bit-identical results for
 * any number of threads.
 *
 * <p>Two shapes: blocks of one fixed size ({@link #ofSize}), for kernels that keep per-block state
 * across iterations, and a bounded number of evenly spread blocks ({@link #spread}), which bounds
 * the memory of per-block partial arrays (k &times; d per block) whatever n is.
 */
public final class Blocks {

  private final int n;
  private final int count;
  /** Rows per block for {@link #ofSize}; 0 for evenly spread blocks. */
  private final int size;

  private Blocks(int n, int count, int size) {
    this.n = n;
    this.count = count;
    this.size = size;
  }

  /** Blocks of {@code size} rows (the last one shorter): ceil(n / size) blocks. */
  public static Blocks ofSize(int n, int size) {
    if (n < 0 || size < 1) {
      throw new IllegalArgumentException("blocks of " + size + " rows over " + n + " rows");
    }
    return new Blocks(n, (int) (((long) n + size - 1) / size), size);
  }

  /**
   * At least one and at most {@code maxBlocks} blocks of at least about {@code minSize} rows, row
   * {@code from(b) = floor(n * b / count)}.
   */
  public static Blocks spread(int n, int minSize, int maxBlocks) {
    if (n < 0 || minSize < 1 || maxBlocks < 1) {
      throw new IllegalArgumentException("at most " + maxBlocks + " blocks of " + minSize + " rows over " + n + " rows");
    }
    return new Blocks(n, (int) Math.max(1, Math.min(maxBlocks, ((long) n + minSize - 1) / minSize)), 0);
  }

  /** Number of blocks. */
  public int count() {
    return count;
  }

  /** First row of block {@code b}. */
  public int from(int b) {
    return size > 0 ? b * size : (int) ((long) n * b / count);
  }

  /** One past the last row of block {@code b}. */
  public int to(int b) {
    return size > 0 ? Math.min(n, (b + 1) * size) : (int) ((long) n * (b + 1) / count);
  }
}
