package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import clusterlab.conformance.PluginManifest.Component;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import weka.core.OptionHandler;

/**
 * Checks for components that are neither clusterers nor filters (evaluators, KnowledgeFlow steps,
 * split evaluators, tabs): they instantiate, describe themselves, and their options round-trip.
 * Each kind's behaviour is tested by its own tests.
 */
final class GenericConformance {

  private GenericConformance() {
  }

  static List<Check> checks(Component c) {
    List<Check> list = new ArrayList<>();
    list.add(new Check("instantiates and describes itself", () -> {
      Object o = c.load().getConstructor().newInstance();
      Method info = o.getClass().getMethod("globalInfo");
      String text = (String) info.invoke(o);
      assertFalse(text == null || text.isBlank(), c + ": globalInfo is empty");
    }));
    list.add(new Check("options round trip", () -> {
      Object o = c.load().getConstructor().newInstance();
      if (o instanceof OptionHandler) {
        OptionHandler a = (OptionHandler) o;
        if (!c.options().isEmpty()) {
          a.setOptions(weka.core.Utils.splitOptions(c.options()));
        }
        String[] first = a.getOptions();
        OptionHandler b = (OptionHandler) c.load().getConstructor().newInstance();
        b.setOptions(first.clone());
        assertArrayEquals(first, b.getOptions(), c + ": options do not round-trip");
      }
    }));
    return list;
  }
}
