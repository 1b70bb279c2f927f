package weka.clusterers.hierarchical;

import clusterlab.core.Dataset;
import clusterlab.core.Progress;
import clusterlab.core.distance.Distance;
import clusterlab.core.hierarchical.Linkage;
import clusterlab.core.hierarchical.MergeHistory;
import clusterlab.core.hierarchical.TreeCut;
import clusterlab.weka.Tags;
import clusterlab.weka.hierarchical.HierarchicalClustererBase;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.TechnicalInformation;

/**
 * Weka adapter for ClusterLab's agglomerative core ({@link clusterlab.core.hierarchical.Agglomerative}):
 * seven linkages in O(n&sup2;) time with M&uuml;llner's algorithms, O(n) memory for single linkage
 * and for Ward/centroid/median on Euclidean data, cuts by count, height or inconsistency, and the
 * complete dendrogram as Newick for "Visualize tree".
 */
public class Agglomerative extends HierarchicalClustererBase {

  private static final long serialVersionUID = 1L;

  private Linkage linkage = Linkage.WARD;
  private clusterlab.core.hierarchical.Agglomerative.Storage storage =
      clusterlab.core.hierarchical.Agglomerative.Storage.AUTO;

  public String globalInfo() {
    return "Agglomerative hierarchical clustering with seven linkages in O(n^2) time, cut into clusters by count, height or inconsistency. "
        + "It scales to large data: single, complete, average (UPGMA), weighted (WPGMA), "
        + "Ward, centroid (UPGMC) and median (WPGMC) linkage with the algorithms of Muellner (2011): a minimum "
        + "spanning tree for single linkage, the nearest-neighbour chain for complete/average/weighted/Ward, the "
        + "generic algorithm for centroid/median. Single linkage, and Ward/centroid/median with the euclidean "
        + "distance, need O(n) memory (distances computed on the fly); the others keep a distance matrix of "
        + "n(n-1)/2 numbers. Heights are on the distance scale; Ward heights are sqrt(2 x increase in "
        + "within-cluster sum of squares), as SciPy and R's ward.D2.\n\n"
        + "The tree is cut into flat clusters by count, by height or by inconsistency (SciPy's fcluster). A new "
        + "instance joins the cut cluster at the smallest linkage distance from it, the instance taken as a "
        + "one-row cluster (e.g. its nearest member under single linkage, the Ward cost of adding it under Ward). "
        + "'Visualize tree' shows the complete dendrogram; leaves are named by a string attribute when the data "
        + "has one, else by row number. Attributes are used as they are (no normalisation); the class is "
        + "ignored; missing values must be replaced first.\n\nFor more information see:\n"
        + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation t = new TechnicalInformation(TechnicalInformation.Type.MISC);
    t.setValue(TechnicalInformation.Field.AUTHOR, "Daniel Muellner");
    t.setValue(TechnicalInformation.Field.TITLE, "Modern hierarchical, agglomerative clustering algorithms");
    t.setValue(TechnicalInformation.Field.YEAR, "2011");
    t.setValue(TechnicalInformation.Field.NOTE, "arXiv:1109.2378");
    t.setValue(TechnicalInformation.Field.URL, "https://arxiv.org/abs/1109.2378");
    return t;
  }

  @Override
  protected MergeHistory buildTree(Dataset data, Distance distance, int threads, Progress progress) {
    return new clusterlab.core.hierarchical.Agglomerative(linkage, distance, storage, threads).fit(data, progress);
  }

  @Override
  protected TreeCut partition(MergeHistory tree, int[] labels, Dataset data, Distance distance) {
    return TreeCut.byLinkage(tree, labels, data, distance, linkage);
  }

  @Override
  protected String describe() {
    return "Linkage: " + linkage.id() + "   Storage: " + Tags.word(storage);
  }

  @Override
  protected String coefficientName() {
    return "Agglomerative coefficient";
  }

  @OptionMetadata(displayName = "linkage", description = "Merge criterion: single, complete, average (UPGMA), weighted (WPGMA), ward, centroid (UPGMC) or median (WPGMC).",
      commandLineParamName = "L", commandLineParamSynopsis = "-L <single|complete|average|weighted|ward|centroid|median>", displayOrder = 1)
  public SelectedTag getLinkage() {
    return Tags.select(linkage);
  }

  public void setLinkage(SelectedTag tag) {
    linkage = Tags.value(tag, Linkage.class);
  }

  @OptionMetadata(displayName = "storage", description = "auto: the O(n)-memory variant where there is one (also faster), else the distance matrix; matrix: always the matrix (follows SciPy's arithmetic exactly, also on ties); points: O(n) memory (single linkage always; Ward/centroid/median with the euclidean distance only).",
      commandLineParamName = "storage", commandLineParamSynopsis = "-storage <auto|matrix|points>", displayOrder = 2)
  public SelectedTag getStorage() {
    return Tags.select(storage);
  }

  public void setStorage(SelectedTag tag) {
    storage = Tags.value(tag, clusterlab.core.hierarchical.Agglomerative.Storage.class);
  }

  public static void main(String[] args) {
    runClusterer(new Agglomerative(), args);
  }
}
