package clusterlab.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {

  @Test
  void everyIndexIsVisitedExactlyOnceForAnyThreadCount() {
    for (int threads : new int[] {1, 2, 3, 8, 0}) {
      for (int n : new int[] {0, 1, 7, 1000}) {
        AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
        Parallel.forRange(n, threads, (chunk, from, to) -> {
          for (int i = from; i < to; i++) {
            seen.incrementAndGet(i);
          }
        });
        for (int i = 0; i < n; i++) {
          assertEquals(1, seen.get(i), "threads=" + threads + " n=" + n + " i=" + i);
        }
      }
    }
  }

  @Test
  void exceptionsReachTheCaller() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.forRange(100, 2, (c, f, t) -> {
      if (f > 50) {
        throw new IllegalStateException("boom");
      }
    }));
    assertEquals("boom", e.getMessage());
  }

  @Test
  void aLoopWhoseEveryChunkFailsReturnsTheFirstFailureAndSkipsTheRest() {
    java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
    assertThrows(IllegalArgumentException.class, () -> Parallel.forRange(1000, 2, (c, f, t) -> {
      ran.incrementAndGet();
      throw new IllegalArgumentException("chunk " + c);
    }));
    // at most one chunk per thread starts before the failure is seen; never all eight
    org.junit.jupiter.api.Assertions.assertTrue(ran.get() <= 2, "chunks run after a failure: " + ran.get());
  }

  @Test
  void manyShortLoopsFinishAndVisitEverything() {
    // thousands of tiny forks, as the NN-chain's scans: the caller never waits for a helper that has not started
    long[] sum = new long[1];
    for (int rep = 0; rep < 5000; rep++) {
      long[] parts = new long[Parallel.chunks(64, 2)];
      Parallel.forRange(64, 2, (c, f, t) -> {
        for (int i = f; i < t; i++) {
          parts[c] += i;
        }
      });
      for (long p : parts) {
        sum[0] += p;
      }
    }
    assertEquals(5000L * 63 * 64 / 2, sum[0]);
  }

  @Test
  void threadsZeroMeansAllCores() {
    assertEquals(Runtime.getRuntime().availableProcessors(), Parallel.threads(0));
    assertEquals(3, Parallel.threads(3));
  }
}
