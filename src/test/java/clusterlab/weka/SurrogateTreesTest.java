package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.core.profile.SurrogateTree;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;

/** The J48 surrogate rules recover a segment that a rule defines, with full fidelity. */
class SurrogateTreesTest {

  @Test
  void aSegmentDefinedByARuleComesBackAsThatRule() throws Exception {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("income"));
    atts.add(new Attribute("channel", List.of("web", "shop", "phone")));
    Instances data = new Instances("rule", atts, 300);
    int[] labels = new int[300];
    for (int i = 0; i < 300; i++) {
      double income = i % 100;
      int channel = i % 3;
      data.add(new DenseInstance(1, new double[] {income, channel}));
      labels[i] = income > 60 && channel == 0 ? 1 : i % 50 == 0 ? -1 : 0; // noise rows count as "rest"
    }
    List<SurrogateTree> trees = new SurrogateTrees(0.25, 2).grow(data, labels, 2);
    assertEquals(2, trees.size());
    SurrogateTree t = trees.get(1);
    assertEquals(1, t.cluster());
    assertEquals(1.0, t.fidelity(), 1e-12, "the rule is exactly learnable");
    assertEquals(1, t.rules().size(), t.rules().toString());
    SurrogateTree.Rule r = t.rules().get(0);
    assertTrue(r.conditions().contains("channel = web") && r.conditions().contains("income > 60"), r.conditions().toString());
    assertEquals(1.0, r.precision(), 1e-12);
    assertTrue(t.learner().startsWith("J48 -C 0.25 -M 2"), t.learner());
  }

  @Test
  void badSettingsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SurrogateTrees(0.9, 0));
    assertTrue(e.getMessage().contains("(0, 0.5]"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new SurrogateTrees(0.25, -1));
    assertTrue(e.getMessage().contains("minimum leaf"), e.getMessage());
  }
}
