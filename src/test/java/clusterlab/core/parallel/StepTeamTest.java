package clusterlab.core.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class StepTeamTest {

  @Test
  void everyIndexOfEveryStepIsVisitedExactlyOnceInForRangesChunks() {
    for (int threads : new int[] {1, 2, 3, 0}) {
      try (StepTeam team = StepTeam.open(threads)) {
        for (int n : new int[] {0, 1, 7, 1000, 5000}) {
          AtomicIntegerArray seen = new AtomicIntegerArray(Math.max(n, 1));
          int c = Parallel.chunks(n, team.threads());
          team.run(n, (chunk, from, to) -> {
            assertTrue(chunk >= 0 && chunk < c, "chunk " + chunk);
            assertEquals((int) ((long) n * chunk / c), from, "chunk start");
            assertEquals((int) ((long) n * (chunk + 1) / c), to, "chunk end");
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
  }

  @Test
  void thousandsOfShortStepsGiveTheSequentialAnswer() {
    // the shape of Prim's scans: a short step after another, each combined in chunk order
    try (StepTeam team = StepTeam.open(2)) {
      for (int step = 0; step < 20_000; step++) {
        int n = 200 + step % 300;
        long[] parts = new long[Parallel.chunks(n, 2)];
        team.run(n, (c, f, t) -> {
          for (int i = f; i < t; i++) {
            parts[c] += i;
          }
        });
        long total = 0;
        for (long p : parts) {
          total += p;
        }
        assertEquals((long) n * (n - 1) / 2, total, "step " + step);
      }
    }
  }

  @Test
  void aChunksExceptionReachesTheCallerAndTheTeamGoesOn() {
    try (StepTeam team = StepTeam.open(2)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(1000, (c, f, t) -> {
        if (f > 500) {
          throw new IllegalStateException("boom");
        }
      }));
      assertEquals("boom", e.getMessage());
      int[] count = new int[1];
      team.run(10, (c, f, t) -> {
        synchronized (count) {
          count[0] += t - f;
        }
      });
      assertEquals(10, count[0]);
    }
  }

  @Test
  void aClosedTeamRefusesWorkAndItsHelpersExit() throws InterruptedException {
    StepTeam team = StepTeam.open(2);
    team.run(100, (c, f, t) -> { });
    team.close();
    assertThrows(IllegalStateException.class, () -> team.run(100, (c, f, t) -> { }));
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (busyHelpers() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, busyHelpers(), "a helper of a closed team still runs");
  }

  @Test
  void aHelperParksWhenNoStepComes() throws InterruptedException {
    try (StepTeam team = StepTeam.open(2)) {
      team.run(100, (c, f, t) -> { });
      Thread.sleep(50); // far beyond the spin time
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (isHelper(t)) {
          assertEquals(Thread.State.WAITING, t.getState(), "a helper spins without work: " + t.getName());
        }
      }
      team.run(100, (c, f, t) -> { }); // and wakes for the next step
    }
  }

  @Test
  void theGovernorKeepsTheFasterWayPerElementAndProbesAgainEveryCycle() {
    clock = 0;
    StepTeam.Governor g = new StepTeam.Governor();
    // cycle 1: alone 1 ns per element, on the team 2 ns per element (a hand-off that cannot pay)
    runCycle(g, 1, 2);
    // cycle 2: the team is faster now (the machine got quieter)
    runCycle(g, 3, 1);
    // cycle 3: the team only 5% faster: not worth a spinning helper
    runCycle(g, 100, 95);
  }

  private long clock;

  private void runCycle(StepTeam.Governor g, long soloNanosPerElement, long teamNanosPerElement) {
    boolean teamExpected = teamNanosPerElement < StepTeam.Governor.TEAM_MARGIN * soloNanosPerElement;
    for (int p = 0; p < StepTeam.Governor.CYCLE; p++) {
      int work = 5000 + 37 * (p % 11);
      boolean parallel = g.next(work, clock);
      if (p < StepTeam.Governor.PROBE) {
        assertEquals(false, parallel, "solo probe, step " + p);
      } else if (p < 2 * StepTeam.Governor.PROBE) {
        assertEquals(true, parallel, "team probe, step " + p);
      } else {
        assertEquals(teamExpected, parallel, "after the probes, step " + p);
      }
      // the step and the caller's work up to the next step
      clock += work * (parallel ? teamNanosPerElement : soloNanosPerElement) + 1000;
    }
  }

  private static long busyHelpers() {
    return Thread.getAllStackTraces().entrySet().stream().filter(e -> isHelper(e.getKey())).count();
  }

  private static boolean isHelper(Thread t) {
    for (StackTraceElement e : t.getStackTrace()) {
      if (e.getClassName().equals(StepTeam.class.getName() + "$Helper")) {
        return true;
      }
    }
    return false;
  }
}
