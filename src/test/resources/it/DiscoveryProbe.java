import weka.core.PluginManager;
import weka.gui.GenericObjectEditor;

/**
 * Run as a single source file (java -cp <Weka's jars only> DiscoveryProbe.java) in a fresh JVM:
 * loads the installed packages the way Weka's GUIs do and prints every class Weka's discovery
 * (GenericPropertiesCreator and PluginManager) lists for the component types ClusterLab adds to.
 */
public class DiscoveryProbe {
  public static void main(String[] args) {
    GenericObjectEditor.determineClasses();
    String[] types = {"weka.clusterers.Clusterer", "weka.filters.Filter", "weka.experiment.SplitEvaluator",
        "weka.knowledgeflow.steps.Step", "weka.core.DistanceFunction"};
    for (String type : types) {
      java.util.Set<String> names = PluginManager.getPluginNamesOfType(type);
      if (names == null) {
        continue; // no plugin of this type registered
      }
      for (String name : names) {
        System.out.println("FOUND " + type + " " + name);
      }
    }
    System.out.println("PROBE DONE");
    System.exit(0);
  }
}
