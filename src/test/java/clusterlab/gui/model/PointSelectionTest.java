package clusterlab.gui.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PointSelectionTest {

  @Test
  void selectionIsSharedAndListenersHearEachRealChangeOnce() {
    PointSelection s = new PointSelection(10);
    AtomicInteger events = new AtomicInteger();
    s.addChangeListener(e -> events.incrementAndGet());
    s.select(new int[] {3, 1, 3}, false);
    assertArrayEquals(new int[] {1, 3}, s.selectedRows());
    assertEquals(1, events.get());
    s.select(new int[] {1, 3}, false); // no change, no event
    assertEquals(1, events.get());
    s.select(new int[] {7}, true);
    assertArrayEquals(new int[] {1, 3, 7}, s.selectedRows());
    assertTrue(s.isSelected(7));
    s.selectLabel(new int[] {0, 1, 1, -1, 0, 1, -1, 2, 2, 2}, -1, false);
    assertArrayEquals(new int[] {3, 6}, s.selectedRows());
    s.clear();
    assertEquals(0, s.count());
    s.clear();
    assertEquals(4, events.get());
    assertThrows(IllegalArgumentException.class, () -> s.select(new int[] {10}, false));
  }
}
