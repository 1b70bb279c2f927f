package clusterlab.weka;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A core Newick tree in the form Weka's tree visualisers read: prefixed with "Newick:" (what the
 * Explorer's "Visualize tree" looks for, as with Weka's own HierarchicalClusterer), without the
 * final ';', which Weka's parser does not expect, and with a root branch.
 *
 * <p>Why the root branch: Weka's {@code HierarchyVisualizer} gives a root without one the length 1
 * and draws the top merge that far below the top edge. With Weka's own (range-normalised) distances
 * heights are below 1 and that is visible; with real heights (Ward on USArrests merges at about
 * 1000) the top merge lands on the edge and the two top clusters seem unjoined. A root branch of
 * 5% of the tree height keeps it in view at any scale.
 */
public final class WekaNewick {

  /** Root branch as a fraction of the tree height. */
  static final double ROOT_FRACTION = 0.05;

  private WekaNewick() {
  }

  /** @param newick a complete Newick string ending in ';' */
  public static String of(String newick) {
    if (!newick.endsWith(";")) {
      throw new IllegalArgumentException("a Newick tree must end with ';', got: " + newick);
    }
    String body = newick.substring(0, newick.length() - 1);
    if (!body.endsWith(")")) {
      return "Newick:" + body; // a single leaf, or a root that has a branch already
    }
    double height = height(body);
    double root = height > 0 ? ROOT_FRACTION * height : 1;
    return "Newick:" + body + ":" + String.format(Locale.ROOT, "%.6g", root);
  }

  /** The largest root-to-leaf sum of branch lengths, read in one pass (no recursion: trees can be deep). */
  static double height(String tree) {
    Deque<double[]> open = new ArrayDeque<>(); // per open node: the deepest child path so far
    double closed = 0; // depth below the node that was just completed (0 for a leaf)
    int i = 0;
    int n = tree.length();
    while (i < n) {
      char c = tree.charAt(i);
      if (c == '(') {
        open.push(new double[1]);
        closed = 0;
        i++;
      } else if (c == ')') {
        closed = open.pop()[0];
        i++;
      } else if (c == ':') {
        int j = i + 1;
        while (j < n && ",)[".indexOf(tree.charAt(j)) < 0) {
          j++;
        }
        double len = Double.parseDouble(tree.substring(i + 1, j));
        if (!open.isEmpty()) {
          open.peek()[0] = Math.max(open.peek()[0], closed + len);
        }
        closed = 0;
        i = j;
      } else if (c == '[') {
        i = tree.indexOf(']', i) + 1;
      } else {
        if (c == ',') {
          closed = 0;
        }
        i++;
      }
    }
    return closed;
  }
}
