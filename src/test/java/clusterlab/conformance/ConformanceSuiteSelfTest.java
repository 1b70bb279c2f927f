package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest.Component;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite can fail: listing a careless component makes it report the broken
 * contract points. (A suite that passes everything proves nothing.)
 */
class ConformanceSuiteSelfTest {

  @Test
  void aBrokenClustererFailsTheSuite() {
    Component broken = new Component("broken", "clusterlab.conformance.broken.BrokenClusterer", "clusterer", "test",
        "deliberately broken", "none", "", List.of(new PluginManifest.Invalid("-N 0", "clusters")), "");
    Set<String> failed = new TreeSet<>();
    for (Check check : ClustererConformance.checks(broken)) {
      try {
        check.body().execute();
      } catch (Throwable t) {
        failed.add(check.name());
      }
    }
    for (String expected : List.of("technical information", "bad input: no rows", "bad input: infinite value",
        "refuses -N 0", "weka harness testGlobalInfo",
        "model output states the training partition's quality")) {
      assertTrue(failed.contains(expected), "the suite should fail '" + expected + "' for a broken clusterer; failed: " + failed);
    }
  }
}
