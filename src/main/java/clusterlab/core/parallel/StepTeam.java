package clusterlab.core.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Helper threads kept for the whole of an algorithm that runs thousands of short parallel steps,
 * one after the other: the scans of Prim's minimum spanning tree and of the generic centroid
 * linkage take a few tens of microseconds each, less than it takes to wake a parked pool thread,
 * so a {@link Parallel#forRange} per step costs more than it saves (BENCHMARKS.md, issue 19: two
 * threads were up to 2.1 times slower than one). A team's helpers wait for the next step by
 * spinning briefly ({@value #SPIN_NANOS} ns) before they park, so a step that follows closely
 * costs a volatile write and a few atomic increments instead of a thread hand-off.
 *
 * <p>The split is {@link Parallel#forRange}'s: the same chunks (they depend only on {@code n} and
 * the thread count), claimed from one counter by the caller and the helpers alike. The caller waits
 * only for chunks a helper has actually claimed, so a helper the scheduler has not run (a loaded
 * machine) costs nothing: the caller does its chunks, and a step is never much slower than on one
 * thread. And a {@link Governor} times steps with and without the helpers and keeps the faster
 * way, so where a helper's hand-off still costs more than it saves, two threads are not slower
 * than one. Use it in try-with-resources: {@link #close} releases the helpers.
 */
public final class StepTeam implements AutoCloseable {

  /** How long a helper spins for the next step before it parks. */
  static final long SPIN_NANOS = 100_000;

  private final int threads;
  private final Helper[] helpers;
  private volatile Step step;
  private volatile boolean closed;

  private StepTeam(int threads) {
    this.threads = threads;
    this.helpers = new Helper[threads - 1];
    for (int w = 0; w < helpers.length; w++) {
      helpers[w] = new Helper();
      Parallel.execute(helpers[w]);
    }
  }

  /** A team of {@code threads} threads, the caller included ({@code <= 0}: all cores); one thread starts no helper. */
  public static StepTeam open(int threads) {
    return new StepTeam(Parallel.threads(threads));
  }

  /** The thread count, the caller included. */
  public int threads() {
    return threads;
  }

  /**
   * Runs {@code task} over {@code [0, n)} in {@link Parallel#chunks(int, int)} chunks, on the
   * caller and the helpers, and returns when every chunk has run; a chunk's exception is re-thrown
   * here.
   */
  public void run(int n, Parallel.RangeTask task) {
    int c = Parallel.chunks(n, threads);
    if (c == 0) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("the step team is closed");
    }
    Step s = new Step(n, c, task);
    if (helpers.length == 0 || c == 1) {
      s.work();
    } else {
      boolean parallel = governor.next(n, System.nanoTime());
      if (parallel) {
        step = s;
        for (Helper h : helpers) {
          h.wake();
        }
      }
      s.work();
      if (parallel) {
        s.awaitHelpers();
      }
    }
    s.rethrow();
  }

  /**
   * Decides whether a step runs on the team or on the caller alone: the caller's thread runs the
   * same chunks either way, so the results are the same, only the time differs. In every cycle of
   * {@value #CYCLE} steps the first {@value #PROBE} run on the caller alone and the next
   * {@value #PROBE} on the team; the rest of the cycle runs the way that was faster (the team
   * only when at least 10% faster per element). A step is
   * timed from its start to the start of the next one, per element, so the time counts the
   * caller's own work between steps too: on a machine so busy that the process gets less than two
   * cores, a spinning helper takes CPU time from the caller (the scheduler shares a group's time
   * among its threads), which only that wider window sees. So two threads cost at most the probes
   * over one thread. Not thread-safe: one caller.
   */
  static final class Governor {
    static final int PROBE = 64;
    static final int CYCLE = 2048;
    static final double TEAM_MARGIN = 0.9;
    private int step;
    private long soloNanos;
    private long soloWork;
    private long teamNanos;
    private long teamWork;
    private boolean team = true;
    /** Phase in the cycle, start time and size of the previous step (phase -1: none yet). */
    private int lastPhase = -1;
    private long lastStart;
    private int lastWork;

    /** Whether the step of {@code work} elements starting at {@code now} (nanoseconds) runs on the team. */
    boolean next(int work, long now) {
      if (lastPhase >= 0 && lastPhase < 2 * PROBE) {
        long nanos = now - lastStart;
        if (lastPhase < PROBE) {
          soloNanos += nanos;
          soloWork += lastWork;
        } else {
          teamNanos += nanos;
          teamWork += lastWork;
        }
      }
      int p = step++ % CYCLE;
      lastPhase = p;
      lastStart = now;
      lastWork = work;
      if (p < PROBE) {
        return false;
      }
      if (p < 2 * PROBE) {
        return true;
      }
      if (p == 2 * PROBE) {
        // time per element on the team against alone, the team by a margin: teamNanos / teamWork
        // < 0.9 soloNanos / soloWork (a probe is a few scheduler time slices long, so one
        // preemption can tilt it, and a wrong choice of the team costs a spinning helper)
        team = (double) teamNanos * soloWork < TEAM_MARGIN * soloNanos * teamWork;
        soloNanos = soloWork = teamNanos = teamWork = 0;
      }
      return team;
    }
  }

  private final Governor governor = new Governor();

  /** Releases the helpers (they finish the chunks they hold and exit). */
  @Override
  public void close() {
    closed = true;
    for (Helper h : helpers) {
      h.wake();
    }
  }

  /** One step: chunks claimed from a counter and counted when finished. */
  private static final class Step {
    private final int n;
    private final int c;
    private final Parallel.RangeTask task;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Step(int n, int c, Parallel.RangeTask task) {
      this.n = n;
      this.c = c;
      this.task = task;
    }

    void work() {
      for (int k = next.getAndIncrement(); k < c; k = next.getAndIncrement()) {
        try {
          if (failure.get() == null) {
            task.run(k, (int) ((long) n * k / c), (int) ((long) n * (k + 1) / c));
          }
        } catch (RuntimeException | Error e) {
          failure.compareAndSet(null, e);
        } finally {
          done.incrementAndGet();
        }
      }
    }

    /** The caller has claimed every chunk not yet taken: wait for those a helper is running. */
    void awaitHelpers() {
      for (int spins = 0; done.get() < c; spins++) {
        if (spins < 10_000) {
          Thread.onSpinWait();
        } else {
          Thread.yield();
        }
      }
    }

    void rethrow() {
      Throwable f = failure.get();
      if (f instanceof RuntimeException) {
        throw (RuntimeException) f;
      }
      if (f != null) {
        throw (Error) f;
      }
    }
  }

  /** A helper: takes part in every step it sees, spins for the next one for a while, then parks. */
  private final class Helper implements Runnable {
    private volatile Thread thread;
    private volatile boolean parked;

    @Override
    public void run() {
      thread = Thread.currentThread();
      Step seen = null;
      long idleSince = System.nanoTime();
      for (int spins = 0; !closed; ) {
        Step s = step;
        if (s != null && s != seen) {
          seen = s;
          s.work();
          idleSince = System.nanoTime();
          spins = 0;
        } else if (++spins % 64 != 0 || System.nanoTime() - idleSince < SPIN_NANOS) {
          Thread.onSpinWait();
        } else {
          parked = true;
          if (step == seen && !closed) { // re-check after announcing: a wake() in between unparks us
            LockSupport.park(this);
          }
          parked = false;
          idleSince = System.nanoTime();
        }
      }
      thread = null;
    }

    void wake() {
      if (parked) {
        Thread t = thread;
        if (t != null) {
          LockSupport.unpark(t);
        }
      }
    }
  }
}
