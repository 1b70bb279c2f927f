package clusterlab.core.profile;

import java.io.Serializable;
import java.util.List;

/**
 * A one-vs-rest decision tree that imitates one segment's membership, reduced to the rules that
 * predict "in the segment": a readable definition of who is in it. The tree is learned by an
 * adapter (Weka's J48 in {@code clusterlab.weka.SurrogateTrees}); the core only carries the result.
 *
 * @param cluster the segment
 * @param fidelity share of all rows the tree assigns correctly (in the segment or not)
 * @param leaves number of leaves of the tree
 * @param rules the leaves that predict membership, largest first
 * @param learner the learner and its settings, e.g. "J48 -C 0.25 -M 90"
 */
public record SurrogateTree(int cluster, double fidelity, int leaves, List<Rule> rules, String learner)
    implements Serializable {

  public SurrogateTree {
    rules = List.copyOf(rules);
  }

  /**
   * One root-to-leaf path.
   *
   * @param conditions the tests along the path, e.g. "AGE = 18-24", "HOUSEHOLD.SIZE &lt;= 2"
   * @param covered training rows reaching the leaf (fractional when a path passes a missing value)
   * @param inSegment of those, rows of the segment
   */
  public record Rule(List<String> conditions, double covered, double inSegment) implements Serializable {

    public Rule {
      conditions = List.copyOf(conditions);
    }

    /** Share of covered rows that are in the segment. */
    public double precision() {
      return covered == 0 ? Double.NaN : inSegment / covered;
    }

    /** "IF a AND b" (or "always" for a one-leaf tree). */
    public String condition() {
      return conditions.isEmpty() ? "always" : String.join(" AND ", conditions);
    }
  }
}
