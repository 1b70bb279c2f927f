package clusterlab.weka;

/**
 * A core Newick tree in the form Weka's tree visualisers read: prefixed with "Newick:" (what the
 * Explorer's "Visualize tree" and the KnowledgeFlow graph viewer look for, as with Weka's own
 * HierarchicalClusterer) and without the final ';', which Weka's parser does not expect.
 */
public final class WekaNewick {

  private WekaNewick() {
  }

  /** @param newick a complete Newick string ending in ';' */
  public static String of(String newick) {
    if (!newick.endsWith(";")) {
      throw new IllegalArgumentException("a Newick tree must end with ';', got: " + newick);
    }
    return "Newick:" + newick.substring(0, newick.length() - 1);
  }
}
