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
  void threadsZeroMeansAllCores() {
    assertEquals(Runtime.getRuntime().availableProcessors(), Parallel.threads(0));
    assertEquals(3, Parallel.threads(3));
  }
}
