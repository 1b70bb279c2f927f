package clusterlab.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** External indices against scikit-learn (tools/fixtures/eval.py). */
class ExternalFixtureTest {

  private final Map<String, Double> ref = Fixtures.scores();

  @TestFactory
  List<DynamicTest> matchesScikitLearn() {
    Map<String, ToDoubleFunction<Contingency>> indices = new java.util.LinkedHashMap<>();
    indices.put("adjusted_rand", External::adjustedRand);
    indices.put("rand", External::rand);
    indices.put("mutual_info", External::mutualInformation);
    for (External.Average a : External.Average.values()) {
      indices.put("nmi_" + a.id(), c -> External.normalizedMutualInformation(c, a));
      indices.put("ami_" + a.id(), c -> External.adjustedMutualInformation(c, a));
    }
    indices.put("fowlkes_mallows", External::fowlkesMallows);
    indices.put("homogeneity", External::homogeneity);
    indices.put("completeness", External::completeness);
    indices.put("v_measure", c -> External.vMeasure(c, 1.0));
    List<DynamicTest> tests = new ArrayList<>();
    for (String set : Fixtures.SETS) {
      for (String lab : Fixtures.labellings(set)) {
        if (lab.equals("true")) {
          continue;
        }
        tests.add(DynamicTest.dynamicTest(set + " " + lab, () -> {
          Contingency c = Contingency.of(Fixtures.labels(set, "true"), Fixtures.labels(set, lab));
          for (Map.Entry<String, ToDoubleFunction<Contingency>> e : indices.entrySet()) {
            double expected = ref.get(set + " " + lab + " " + e.getKey());
            double actual = e.getValue().applyAsDouble(c);
            assertTrue(Fixtures.close(expected, actual, 1e-9), set + " " + lab + " " + e.getKey() + ": " + expected + " vs " + actual);
          }
        }));
      }
    }
    return tests;
  }
}
