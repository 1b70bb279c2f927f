package weka.clusterers.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.hierarchical.Diana;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.core.hierarchical.TreeCut;
import clusterlab.weka.hierarchical.HierarchicalClustererBase;
import weka.core.TechnicalInformation;

/**
 * Weka adapter for ClusterLab's DIANA core ({@link Diana}): divisive hierarchical clustering with
 * its divisive coefficient, the same cuts and the complete dendrogram as Newick.
 */
public class Divisive extends HierarchicalClustererBase {

  private static final long serialVersionUID = 1L;

  public String globalInfo() {
    return "DIANA divisive hierarchical clustering, which splits the widest cluster repeatedly, cut into clusters by count, height or inconsistency. "
        + "DIANA (Kaufman and Rousseeuw 1990) starts from one cluster, and the "
        + "cluster with the largest diameter is split repeatedly; a split grows a splinter group from the member "
        + "farthest on average from the others, moving members that are on average closer to the splinter group. "
        + "Heights are the diameters of the clusters split; the report gives the divisive coefficient. Needs the "
        + "distance matrix (n(n-1)/2 numbers) and O(n^2) time per level of splits.\n\n"
        + "The tree is cut by count, height or inconsistency. A new instance joins the cut cluster with the "
        + "smallest average distance to its members (the quantity DIANA's splits compare). 'Visualize tree' "
        + "shows the complete dendrogram. Attributes are used as they are (no normalisation); the class is "
        + "ignored; missing values must be replaced first.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.BOOK);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Leonard Kaufman and Peter J. Rousseeuw");
    t.setValue(TechnicalInformation.Field.TITLE, "Finding Groups in Data: An Introduction to Cluster Analysis");
    t.setValue(TechnicalInformation.Field.CHAPTER, "6 (Divisive Analysis, program DIANA)");
    t.setValue(TechnicalInformation.Field.PUBLISHER, "Wiley");
    t.setValue(TechnicalInformation.Field.YEAR, "1990");
    return t;
  }

  @Override
  protected MergeHistory buildTree(Dataset data, Distance distance, int threads, Progress progress) {
    return new Diana(distance, threads).fit(data, progress);
  }

  @Override
  protected TreeCut partition(MergeHistory tree, int[] labels, Dataset data, Distance distance) {
    return TreeCut.byAverageDistance(tree, labels, data, distance);
  }

  @Override
  protected String describe() {
    return "Method: DIANA (largest-diameter cluster split first)";
  }

  @Override
  protected String coefficientName() {
    return "Divisive coefficient";
  }

  public static void main(String[] args) {
    runClusterer(new Divisive(), args);
  }
}
