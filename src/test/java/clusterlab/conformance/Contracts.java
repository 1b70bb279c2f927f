package clusterlab.conformance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import junit.framework.TestCase;
import junit.framework.TestFailure;
import junit.framework.TestResult;

/** Runs single methods of Weka's JUnit-3 harness classes and turns failures into assertion errors. */
final class Contracts {

  /**
   * Harness methods left out: testRegression compares against a reference file named after the
   * test class, which cannot be shared by all components (our fixture tests against scikit-learn
   * and SciPy, and the determinism and serialization checks, cover that ground); testThroughput
   * only prints timings.
   */
  static final Set<String> SKIPPED = Set.of("testRegression", "testThroughput");

  private Contracts() {
  }

  /** Public no-argument test methods declared by {@code harness} (in declaration order of the class). */
  static List<String> testMethods(Class<?> harness) {
    List<String> names = new ArrayList<>();
    for (Method m : harness.getDeclaredMethods()) {
      if (m.getName().startsWith("test") && m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers())
          && !SKIPPED.contains(m.getName())) {
        names.add(m.getName());
      }
    }
    names.sort(null);
    return names;
  }

  /** Runs one harness method; throws an AssertionError listing the failures, if any. */
  static void run(TestCase test) {
    TestResult result = new TestResult();
    test.run(result);
    if (result.wasSuccessful()) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    List<TestFailure> all = new ArrayList<>();
    result.failures().asIterator().forEachRemaining(all::add);
    result.errors().asIterator().forEachRemaining(all::add);
    for (TestFailure f : all) {
      sb.append(f.trace()).append('\n');
    }
    throw new AssertionError("Weka harness " + test.getName() + " failed:\n" + sb);
  }
}
