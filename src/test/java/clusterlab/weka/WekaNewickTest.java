package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The Newick form for Weka's HierarchyVisualizer keeps the top merge in view: Weka draws a root
 * without a branch 1 unit below the top edge, which is on the edge for real heights (Ward on
 * USArrests merges near 1000, BisectingKMeans' SSE heights are larger still).
 */
class WekaNewickTest {

  @Test
  void theRootGetsABranchOfFivePercentOfTheHeight() {
    String w = WekaNewick.of("((a:400,b:400):600,(c:100,d:100):900);");
    assertEquals(1000, WekaNewick.height("((a:400,b:400):600,(c:100,d:100):900)"), 1e-9);
    assertTrue(w.startsWith("Newick:((a:400"), w);
    assertTrue(w.endsWith("):50.0000"), w);
  }

  @Test
  void heightIsTheDeepestPath() {
    assertEquals(3.5, WekaNewick.height("((a:1,(b:0.5,c:0.5):0.5):2.5,d:3.5)"), 1e-12);
    assertEquals(0, WekaNewick.height("(a:0,b:0)"), 1e-12);
    assertTrue(WekaNewick.of("(a:0,b:0);").endsWith("):1.00000"));
  }

  @Test
  void aSingleLeafStaysAsItIs() {
    assertEquals("Newick:a", WekaNewick.of("a;"));
  }
}
