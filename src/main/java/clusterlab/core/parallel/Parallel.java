package clusterlab.core.parallel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
   * re-thrown in the caller's thread (once a chunk has failed, chunks not yet started are skipped).
   *
   * <p>The calling thread works too, and claims chunks from the same counter as its helpers; it
   * waits only for chunks a helper has actually started, never for a helper the scheduler has not
   * run yet (which on a loaded machine can take a whole time slice). So a short loop costs one
   * hand-off to an idle pool thread at worst, and algorithms that fork once per step (the scans of
   * the NN-chain) are not slowed down by a second thread. At most as many helpers as cores are
   * waiting to start at any time; beyond that the caller does the work itself.
   *
   * <p>A caller interrupted while it waits (Weka's Stop) interrupts the helpers still running its
   * chunks, skips the chunks not yet started, and throws {@link IllegalStateException} with its
   * interrupt flag set.
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
    Job job = new Job(n, c, task);
    int helpers = Math.min(t, c) - 1;
    for (int w = 0; w < helpers && PENDING.get() < MAX_PENDING; w++) {
      PENDING.incrementAndGet();
      POOL.execute(() -> {
        PENDING.decrementAndGet();
        job.helperWork();
      });
    }
    job.work();
    job.await();
  }

  /** Runs {@code helper} on a pool thread ({@link StepTeam}'s helpers). */
  static void execute(Runnable helper) {
    POOL.execute(helper);
  }

  /** Helpers submitted to the pool and not started yet, over all loops. */
  private static final AtomicInteger PENDING = new AtomicInteger();
  private static final int MAX_PENDING = Runtime.getRuntime().availableProcessors();

  /** One {@link #forRange} loop: chunks claimed from a counter, each counted when finished (or skipped). */
  private static final class Job {
    private final int n;
    private final int c;
    private final RangeTask task;
    private final AtomicInteger next = new AtomicInteger();
    private final java.util.concurrent.CountDownLatch done;
    private final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();

    Job(int n, int c, RangeTask task) {
      this.n = n;
      this.c = c;
      this.task = task;
      this.done = new java.util.concurrent.CountDownLatch(c);
    }

    /** Pool threads working on this loop now: the ones a stopped caller interrupts. */
    private final java.util.Set<Thread> helpers = new java.util.HashSet<>();
    private volatile boolean cancelled;

    /**
     * {@link #work()} on a pool thread, registered so that a stopped caller can interrupt it; an
     * interrupt meant for this loop never leaks into the next loop the pool thread runs.
     */
    void helperWork() {
      Thread me = Thread.currentThread();
      synchronized (helpers) {
        if (cancelled) {
          skipRemaining();
          return;
        }
        helpers.add(me);
      }
      try {
        work();
      } finally {
        synchronized (helpers) {
          helpers.remove(me);
        }
        Thread.interrupted();
      }
    }

    private void skipRemaining() {
      for (int k = next.getAndIncrement(); k < c; k = next.getAndIncrement()) {
        done.countDown();
      }
    }

    void work() {
      for (int k = next.getAndIncrement(); k < c; k = next.getAndIncrement()) {
        try {
          if (failure.get() == null && !cancelled) {
            task.run(k, (int) ((long) n * k / c), (int) ((long) n * (k + 1) / c));
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }
    }

    /** Waits for the chunks the helpers took (the caller has claimed all others), then re-throws a failure. */
    void await() {
      try {
        done.await();
      } catch (InterruptedException e) {
        synchronized (helpers) {
          cancelled = true;
          for (Thread h : helpers) {
            h.interrupt();
          }
        }
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for worker threads", e);
      }
      Throwable f = failure.get();
      if (f instanceof RuntimeException) {
        throw (RuntimeException) f;
      }
      if (f != null) {
        throw (Error) f;
      }
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
