package clusterlab.core.hierarchical;

import java.util.ArrayList;
import java.util.List;

/**
 * A Newick tree read back into a {@link MergeHistory} and its leaf labels, so that any dendrogram a
 * tool writes in Newick form (Weka's own {@code HierarchicalClusterer}, ClusterLab's adapters, R's
 * {@code ape}, SciPy via {@code to_tree}) can be drawn and cut like a tree built here.
 *
 * <p>Heights: a leaf stands at height 0 and an inner node at the largest of its children's heights
 * plus their branch lengths (for an ultrametric tree, as every linkage method produces, all children
 * agree; for an additive tree such as neighbour joining, the largest keeps every merge at or above
 * its children). Negative branch lengths count as 0. A node with more than two children becomes a
 * run of binary merges at its height. The parser keeps its own stack, so a chain-shaped tree as
 * deep as it has leaves is read without recursion.
 */
public final class NewickTree {

  private final MergeHistory tree;
  private final String[] labels;

  private NewickTree(MergeHistory tree, String[] labels) {
    this.tree = tree;
    this.labels = labels;
  }

  /** The merges, ordered by height (children always before their parents). */
  public MergeHistory tree() {
    return tree;
  }

  /** Leaf labels in leaf-id order (the order the leaves appear in the text); never null entries. */
  public String[] labels() {
    return labels.clone();
  }

  /**
   * Parses a Newick string, optionally prefixed with Weka's {@code "Newick:"} marker and with or
   * without the final ';'.
   *
   * @throws IllegalArgumentException naming the character position when the text is not Newick
   */
  public static NewickTree parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("no Newick text (null)");
    }
    String s = text.trim();
    if (s.startsWith("Newick:")) {
      s = s.substring("Newick:".length()).trim();
    }
    if (s.endsWith(";")) {
      s = s.substring(0, s.length() - 1).trim();
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty Newick tree");
    }
    return new Parser(s).run();
  }

  /** The state of one parse: nodes as parallel growable arrays, open nodes on an explicit stack. */
  private static final class Parser {
    private final String s;
    private int pos;
    private final List<String> leafLabels = new ArrayList<>();
    // per node: height, branch length above it, representative leaf
    private double[] height = new double[64];
    private double[] branch = new double[64];
    private int[] rep = new int[64];
    private int nodes;
    // merges as pairs of representative leaves
    private final IntList mergeA = new IntList();
    private final IntList mergeB = new IntList();
    private final DoubleList mergeH = new DoubleList();

    Parser(String s) {
      this.s = s;
    }

    NewickTree run() {
      // each open '(' holds the list of its finished children
      List<IntList> open = new ArrayList<>();
      int last = -1;
      boolean expectNode = true;
      while (true) {
        skipBlanks();
        if (pos >= s.length()) {
          break;
        }
        char c = s.charAt(pos);
        if (c == '(') {
          if (!expectNode) {
            throw error("'(' where ',' or ')' was expected");
          }
          open.add(new IntList());
          pos++;
        } else if (c == ',' || c == ')') {
          if (open.isEmpty()) {
            throw error("'" + c + "' outside any parenthesis");
          }
          if (expectNode) {
            last = leaf(""); // an empty leaf, as in "(,)"
          }
          open.get(open.size() - 1).add(last);
          pos++;
          if (c == ')') {
            IntList children = open.remove(open.size() - 1);
            last = inner(children);
            readLabel(); // inner node labels are allowed and ignored
            readLength(last);
            expectNode = false;
          } else {
            expectNode = true;
          }
        } else {
          if (!expectNode) {
            throw error("unexpected '" + c + "'");
          }
          last = leaf(readLabel());
          readLength(last);
          expectNode = false;
        }
      }
      if (!open.isEmpty()) {
        throw new IllegalArgumentException("Newick tree has " + open.size() + " unclosed '('");
      }
      if (last < 0) {
        throw new IllegalArgumentException("empty Newick tree");
      }
      int n = leafLabels.size();
      MergeHistory t = MergeHistoryBuilder.fromRepresentatives(n, mergeA.toArray(), mergeB.toArray(), mergeH.toArray(), true);
      return new NewickTree(t, leafLabels.toArray(new String[0]));
    }

    private int leaf(String label) {
      int id = newNode();
      rep[id] = leafLabels.size();
      leafLabels.add(label.isEmpty() ? Integer.toString(leafLabels.size() + 1) : label);
      return id;
    }

    private int inner(IntList children) {
      double h = 0;
      for (int i = 0; i < children.size(); i++) {
        int ch = children.get(i);
        h = Math.max(h, height[ch] + Math.max(0, branch[ch]));
      }
      for (int i = 1; i < children.size(); i++) {
        mergeA.add(rep[children.get(0)]);
        mergeB.add(rep[children.get(i)]);
        mergeH.add(h);
      }
      int id = newNode();
      height[id] = h;
      rep[id] = rep[children.get(0)];
      return id;
    }

    private int newNode() {
      if (nodes == height.length) {
        height = java.util.Arrays.copyOf(height, nodes * 2);
        branch = java.util.Arrays.copyOf(branch, nodes * 2);
        rep = java.util.Arrays.copyOf(rep, nodes * 2);
      }
      height[nodes] = 0;
      branch[nodes] = 0;
      return nodes++;
    }

    private String readLabel() {
      skipBlanks();
      if (pos < s.length() && s.charAt(pos) == '\'') {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < s.length()) {
          char c = s.charAt(pos++);
          if (c == '\'') {
            if (pos < s.length() && s.charAt(pos) == '\'') {
              sb.append('\'');
              pos++;
            } else {
              return sb.toString();
            }
          } else {
            sb.append(c);
          }
        }
        throw error("unterminated quoted label");
      }
      int start = pos;
      while (pos < s.length() && "(),:;".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      return s.substring(start, pos).trim();
    }

    private void readLength(int node) {
      skipBlanks();
      if (pos < s.length() && s.charAt(pos) == ':') {
        pos++;
        int start = pos;
        while (pos < s.length() && "(),;".indexOf(s.charAt(pos)) < 0) {
          pos++;
        }
        String num = s.substring(start, pos).trim();
        try {
          double v = Double.parseDouble(num);
          if (!Double.isFinite(v)) {
            throw error("branch length '" + num + "' is not finite");
          }
          branch[node] = v;
        } catch (NumberFormatException e) {
          throw error("branch length '" + num + "' is not a number");
        }
      }
    }

    private void skipBlanks() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    private IllegalArgumentException error(String what) {
      int from = Math.max(0, pos - 20);
      return new IllegalArgumentException("not a Newick tree: " + what + " at character " + (pos + 1) + " (near '"
          + s.substring(from, Math.min(s.length(), pos + 20)) + "')");
    }
  }

  private static final class IntList {
    private int[] a = new int[16];
    private int n;

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }

  private static final class DoubleList {
    private double[] a = new double[16];
    private int n;

    void add(double v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
