package clusterlab.core.hierarchical;

/**
 * Writes a {@link MergeHistory} as a Newick tree, the counterpart of {@link NewickTree} (which
 * reads one back): every subtree included, so a dendrogram survives the round trip to Weka's tree
 * viewers, R's {@code ape} or any phylogenetics tool.
 */
public final class NewickWriter {

  private NewickWriter() {
  }

  /**
   * The complete tree in Newick format, every subtree included, branch lengths = parent height -
   * child height (0 for the part of an inversion that would be negative). Characters Newick
   * reserves and blanks in labels become '_' (Newick's own convention for blanks): Weka's tree
   * viewer does not read quoted labels.
   *
   * @param labels one label per row, or null for row numbers 0..n-1
   */
  public static String write(MergeHistory tree, String[] labels) {
    int n = tree.n();
    if (labels != null && labels.length != n) {
      throw new IllegalArgumentException("labels has " + labels.length + " entries for " + n + " rows");
    }
    if (n == 1) {
      return label(labels, 0) + ";";
    }
    // explicit stack: a chain-shaped single-linkage tree is as deep as it has rows
    StringBuilder sb = new StringBuilder(n * 16);
    int[] node = new int[n];
    int[] state = new int[n];
    int top = 0;
    node[0] = n - 2;
    state[0] = 0;
    while (top >= 0) {
      int m = node[top];
      int st = state[top];
      if (st == 2) {
        sb.append(')');
        top--;
        if (top >= 0) {
          branch(sb, tree, m + n, node[top]);
        }
        continue;
      }
      sb.append(st == 0 ? '(' : ',');
      state[top] = st + 1;
      int id = st == 0 ? tree.first(m) : tree.second(m);
      if (id < n) {
        sb.append(label(labels, id));
        branch(sb, tree, id, m);
      } else {
        top++;
        node[top] = id - n;
        state[top] = 0;
      }
    }
    return sb.append(';').toString();
  }

  private static void branch(StringBuilder sb, MergeHistory tree, int id, int parent) {
    int n = tree.n();
    double h = id < n ? 0 : tree.height(id - n);
    sb.append(':').append(Math.max(0.0, tree.height(parent) - h));
  }

  private static String label(String[] labels, int i) {
    String s = labels == null ? Integer.toString(i) : labels[i];
    if (s == null || s.isEmpty()) {
      return Integer.toString(i);
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int c = 0; c < s.length(); c++) {
      char ch = s.charAt(c);
      sb.append("()[]':;,".indexOf(ch) >= 0 || Character.isWhitespace(ch) ? '_' : ch);
    }
    return sb.toString();
  }
}
