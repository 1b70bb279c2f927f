package clusterlab.conformance;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite: every component in plugin.xml gets every check of its kind, so a
 * component is tested the moment it is listed. Each check has a time limit: a component must
 * never hang.
 */
class ConformanceTest {

  private static final Duration LIMIT = Duration.ofSeconds(120);

  @TestFactory
  Stream<DynamicNode> everyComponentConforms() {
    // -Dclusterlab.conformance.only=id1,id2 checks only those plugin.xml ids (targeted runs while developing)
    java.util.Set<String> only = new java.util.HashSet<>(java.util.Arrays.asList(
        System.getProperty("clusterlab.conformance.only", "").split(",")));
    return PluginManifest.load().components().stream()
        .filter(c -> only.contains("") || only.contains(c.id())).map(c -> DynamicContainer.dynamicContainer(c.toString(),
        checksFor(c).stream().map(check -> DynamicTest.dynamicTest(check.name(),
            () -> Assertions.assertTimeoutPreemptively(LIMIT, check.body())))));
  }

  static java.util.List<Check> checksFor(PluginManifest.Component c) {
    switch (c.kind()) {
      case "clusterer":
        return AboutText.with(ClustererConformance.checks(c), c);
      case "filter":
        return AboutText.with(FilterConformance.checks(c), c);
      default:
        return AboutText.with(GenericConformance.checks(c), c);
    }
  }
}
