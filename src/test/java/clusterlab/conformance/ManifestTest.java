package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import clusterlab.conformance.PluginManifest.Component;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * plugin.xml is the one list of components: every class it names exists and is what its kind
 * says, every component class in the jar is listed, and every file that lists components agrees
 * with it. Run with {@code -Dclusterlab.manifest.write=true} to rewrite the derived files.
 */
class ManifestTest {

  private static final Map<String, String> KIND_TYPES = Map.of(
      "clusterer", "weka.clusterers.Clusterer",
      "filter", "weka.filters.Filter",
      "evaluator", "weka.core.CommandlineRunnable",
      "kf-step", "weka.knowledgeflow.steps.Step",
      "split-evaluator", "weka.experiment.SplitEvaluator",
      "explorer-tab", "weka.gui.explorer.Explorer$ExplorerPanel",
      "cluster-launcher", "weka.gui.explorer.ClustererPanelLaunchHandlerPlugin",
      "tree-visualizer", "weka.gui.visualize.plugins.TreeVisualizePlugin",
      "chart", "java.lang.Object",
      "distance", "weka.core.DistanceFunction");

  private final PluginManifest manifest = PluginManifest.load();
  private final boolean write = Boolean.getBoolean("clusterlab.manifest.write");

  @Test
  void idsAndClassesAreUnique() {
    Set<String> ids = new HashSet<>();
    Set<String> classes = new HashSet<>();
    for (Component c : manifest.components()) {
      assertTrue(ids.add(c.id()), "duplicate id " + c.id());
      assertTrue(classes.add(c.className()), "duplicate class " + c.className());
      assertFalse(c.description().isEmpty(), c + " has no description");
      assertFalse(c.reference().isEmpty(), c + " names no reference (the paper it implements)");
      assertFalse(c.family().isEmpty(), c + " has no family");
    }
  }

  @Test
  void everyListedClassIsWhatItsKindSays() throws Exception {
    for (Component c : manifest.components()) {
      String type = KIND_TYPES.get(c.kind());
      if (type == null) {
        fail(c + " has unknown kind '" + c.kind() + "'; use one of " + new TreeSet<>(KIND_TYPES.keySet()));
      }
      Class<?> cls = c.load();
      assertTrue(Class.forName(type).isAssignableFrom(cls), c + " is a " + c.kind() + " but does not implement " + type);
      assertTrue(Modifier.isPublic(cls.getModifiers()) && !Modifier.isAbstract(cls.getModifiers()),
          c + " must be a public concrete class");
      cls.getConstructor(); // Weka instantiates by name: a public no-argument constructor is required
      if (c.kind().equals("clusterer") || c.kind().equals("filter")) {
        assertTrue(c.className().startsWith("weka."), c + ": Weka clusterers and filters live under weka.*");
        assertTrue(weka.core.TechnicalInformationHandler.class.isAssignableFrom(cls),
            c + " must cite its paper (TechnicalInformationHandler)");
      }
    }
  }

  @Test
  void everyComponentClassInTheJarIsListed() throws IOException {
    Path classes = PluginManifest.basedir().resolve("target/classes/weka");
    if (!Files.isDirectory(classes)) {
      return; // nothing compiled under weka/ yet
    }
    Set<String> listed = manifest.components().stream().map(Component::className).collect(Collectors.toSet());
    List<String> missing;
    try (Stream<Path> files = Files.walk(classes)) {
      missing = files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
          .map(p -> PluginManifest.basedir().resolve("target/classes").relativize(p).toString()
              .replace(".class", "").replace('/', '.'))
          .filter(name -> !listed.contains(name) && isConcretePublic(name))
          .sorted().collect(Collectors.toList());
    }
    assertTrue(missing.isEmpty(), "component classes not listed in plugin.xml (so untested by the conformance suite): " + missing);
  }

  private static boolean isConcretePublic(String name) {
    try {
      Class<?> c = Class.forName(name);
      // a BeanInfo is no component: the Introspector's companion of one (RemoveOutliersBeanInfo)
      return Modifier.isPublic(c.getModifiers()) && !Modifier.isAbstract(c.getModifiers()) && !c.isInterface()
          && !java.beans.BeanInfo.class.isAssignableFrom(c);
    } catch (ClassNotFoundException e) {
      return true;
    }
  }

  @Test
  void genericPropertiesCreatorFollowsTheManifest() throws IOException {
    sync(PluginManifest.basedir().resolve("resources/GenericPropertiesCreator.props"),
        ManifestFiles.genericPropertiesCreator(manifest));
  }

  @Test
  void pluginManagerPropsFollowsTheManifest() throws IOException {
    sync(PluginManifest.basedir().resolve("resources/PluginManager.props"), ManifestFiles.pluginManager(manifest));
  }

  @Test
  void explorerPropsFollowsTheManifest() throws IOException {
    sync(PluginManifest.basedir().resolve("resources/Explorer.props"), ManifestFiles.explorer(manifest));
  }

  @Test
  void descriptionPropsListsTheComponents() throws IOException {
    Path file = PluginManifest.basedir().resolve("resources/Description.props");
    String text = Files.readString(file);
    int at = text.indexOf(ManifestFiles.DESCRIPTION_MARKER);
    assertTrue(at >= 0, "Description.props lacks the marker line: " + ManifestFiles.DESCRIPTION_MARKER);
    String head = text.substring(0, at + ManifestFiles.DESCRIPTION_MARKER.length()) + "\n";
    sync(file, head + ManifestFiles.descriptionTail(manifest));
  }

  @Test
  void readmeComponentTableFollowsTheManifest() throws IOException {
    Path file = PluginManifest.basedir().resolve("README.md");
    String text = Files.readString(file);
    int start = text.indexOf(ManifestFiles.README_START);
    int end = text.indexOf(ManifestFiles.README_END);
    assertTrue(start >= 0 && end > start, "README.md lacks the component table markers");
    String expected = text.substring(0, start + ManifestFiles.README_START.length()) + "\n"
        + ManifestFiles.readmeTable(manifest) + text.substring(end);
    sync(file, expected);
  }

  private void sync(Path file, String expected) throws IOException {
    String actual = Files.exists(file) ? Files.readString(file) : "";
    if (write && !expected.equals(actual)) {
      Files.writeString(file, expected);
      return;
    }
    assertEquals(expected, actual, file.getFileName() + " does not follow plugin.xml; regenerate it with "
        + "mvn test -Dtest=ManifestTest -Dclusterlab.manifest.write=true");
  }
}
