package clusterlab.core.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Splits index ranges over worker threads. Work is cut into a fixed number of contiguous chunks
 * that depends only on {@code n} and the thread count requested, never on timing, so that an
 * algorithm which combines per-chunk partial results in chunk order gets bit-identical results
 * for every run; algorithms that need identical results across thread counts combine per-row
 * results, not per-chunk sums.
 *
 * <p>Threads come from one shared pool of daemon threads, so short parallel sections (one k-means
 * assignment step) cost no thread start-up and never keep a JVM alive.
 */
public final class Parallel {

  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "clusterlab-worker-" + Counter.NEXT.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private Parallel() {
  }

  /** Body of a parallel loop over {@code [from, to)}; {@code chunk} is the chunk's index. */
  @FunctionalInterface
  public interface RangeTask {
    void run(int chunk, int from, int to);
  }

  /**
   * The number of threads to use for a request: {@code requested <= 0} means all available cores.
   */
  public static int threads(int requested) {
    return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Number of chunks {@link #forRange} will cut {@code n} items into for {@code threads} threads:
   * callers size their per-chunk accumulators with it.
   */
  public static int chunks(int n, int threads) {
    int t = threads(threads);
    if (n <= 0) {
      return 0;
    }
    return (int) Math.min(n, t == 1 ? 1 : 4L * t);
  }

  /**
   * Runs {@code task} over {@code [0, n)} cut into {@link #chunks(int, int)} contiguous chunks on
   * up to {@code threads} threads, and waits for all of them. Exceptions thrown by a chunk are
   * re-thrown in the caller's thread. A caller interrupted while it waits (Weka's Stop) interrupts the
   * workers still running its chunks and throws {@link IllegalStateException} with its interrupt flag set.
   */
  public static void forRange(int n, int threads, RangeTask task) {
    int t = threads(threads);
    int c = chunks(n, t);
    if (c == 0) {
      return;
    }
    if (t == 1 || c == 1) {
      runChunks(n, c, task, new AtomicInteger());
      return;
    }
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(t, c);
    List<Future<?>> futures = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      futures.add(POOL.submit(() -> runChunks(n, c, task, next)));
    }
    RuntimeException first = null;
    try {
      runChunks(n, c, task, next);
    } catch (RuntimeException e) {
      first = e;
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelAll(futures);
        throw new IllegalStateException("interrupted while waiting for worker threads", e);
      } catch (ExecutionException e) {
        if (first == null) {
          Throwable cause = e.getCause();
          first = cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Passes the caller's interrupt on to the workers still running its chunks: work nested in a chunk
   * (a whole clusterer fitted per K by ChooseK, say) watches its own thread's interrupt flag, so
   * without this a stopped caller would leave the pool computing chunks nobody waits for.
   */
  private static void cancelAll(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      f.cancel(true);
    }
  }

  /** Body of a loop over fixed blocks: block {@code block} covers rows {@code [from, to)}. */
  @FunctionalInterface
  public interface BlockTask {
    void run(int block, int from, int to);
  }

  /** Body of a fixed-block reduction: adds the contribution of rows {@code [from, to)} into {@code partial}. */
  @FunctionalInterface
  public interface BlockSum {
    void run(int from, int to, double[] partial);
  }

  /** Runs {@code task} on every block on up to {@code threads} threads, and waits for all of them. */
  public static void forBlocks(Blocks blocks, int threads, BlockTask task) {
    forRange(blocks.count(), threads, (chunk, from, to) -> {
      for (int b = from; b < to; b++) {
        task.run(b, blocks.from(b), blocks.to(b));
      }
    });
  }

  /**
   * The fixed-block deterministic reduction: every block adds its rows into a zeroed partial array
   * of {@code length} values of its own, and the partials are added in block order. The result is
   * bit-identical for any thread count (the blocks depend on the rows only).
   */
  public static double[] sum(Blocks blocks, int length, int threads, BlockSum task) {
    double[][] parts = new double[blocks.count()][length];
    forBlocks(blocks, threads, (b, from, to) -> task.run(from, to, parts[b]));
    double[] total = new double[length];
    addInOrder(parts, total);
    return total;
  }

  /** Adds per-block partial arrays into {@code into}, element by element, in block order. */
  public static void addInOrder(double[][] parts, double[] into) {
    for (double[] p : parts) {
      for (int j = 0; j < into.length; j++) {
        into[j] += p[j];
      }
    }
  }

  /** The sum of per-block partial values, in block order. */
  public static double sumInOrder(double[] parts) {
    double total = 0;
    for (double p : parts) {
      total += p;
    }
    return total;
  }

  private static void runChunks(int n, int c, RangeTask task, AtomicInteger next) {
    for (int k = next.getAndIncrement(); k < c; k = next.getAndIncrement()) {
      int from = (int) ((long) n * k / c);
      int to = (int) ((long) n * (k + 1) / c);
      task.run(k, from, to);
    }
  }

  private static final class Counter {
    static final AtomicInteger NEXT = new AtomicInteger();
  }
}
