package clusterlab.conformance;

import clusterlab.conformance.PluginManifest.Component;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Derives, from plugin.xml, every file that lists components, so that none of them is kept by
 * hand: Weka's GenericPropertiesCreator.props and PluginManager.props, the component list in
 * Description.props, and the README's component table.
 */
final class ManifestFiles {

  static final String DESCRIPTION_MARKER = "# --- generated from plugin.xml below this line: do not edit by hand ---";
  static final String README_START = "<!-- components:start (generated from plugin.xml; do not edit by hand) -->";
  static final String README_END = "<!-- components:end -->";

  private ManifestFiles() {
  }

  /** The GOE keys a component belongs under. */
  static List<String> gpcKeys(Component c) {
    Class<?> cls = c.load();
    List<String> keys = new ArrayList<>();
    switch (c.kind()) {
      case "clusterer":
        keys.add("weka.clusterers.Clusterer");
        if (weka.clusterers.DensityBasedClusterer.class.isAssignableFrom(cls)) {
          keys.add("weka.clusterers.DensityBasedClusterer");
        }
        break;
      case "filter":
        keys.add("weka.filters.Filter");
        if (weka.filters.UnsupervisedFilter.class.isAssignableFrom(cls)) {
          keys.add("weka.filters.UnsupervisedFilter");
        }
        if (weka.filters.SupervisedFilter.class.isAssignableFrom(cls)) {
          keys.add("weka.filters.SupervisedFilter");
        }
        break;
      case "split-evaluator":
        keys.add("weka.experiment.SplitEvaluator");
        break;
      case "distance":
        keys.add("weka.core.DistanceFunction");
        break;
      default:
        break;
    }
    return keys;
  }

  /** GenericPropertiesCreator.props: our Java packages per key, minus those Weka already lists. */
  static String genericPropertiesCreator(PluginManifest m) {
    Properties base = wekaBaseGpc();
    Map<String, Set<String>> keys = new TreeMap<>();
    for (Component c : m.components()) {
      for (String key : gpcKeys(c)) {
        Set<String> already = new TreeSet<>(Arrays.asList(base.getProperty(key, "").trim().split("\\s*,\\s*")));
        if (!already.contains(c.javaPackage())) {
          keys.computeIfAbsent(key, k -> new TreeSet<>()).add(c.javaPackage());
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Generated from plugin.xml (ManifestTest): the Java packages holding ClusterLab components,\n");
    sb.append("# appended by Weka to its GenericObjectEditor lists (exact package names, no recursion).\n");
    for (Map.Entry<String, Set<String>> e : keys.entrySet()) {
      sb.append(e.getKey()).append('=').append(String.join(",", e.getValue())).append('\n');
    }
    return sb.toString();
  }

  /**
   * PluginManager.props: KnowledgeFlow steps, Workbench perspectives (the Explorer tabs that are
   * perspectives), Cluster tab launchers and tree visualisers (exact class names).
   */
  static String pluginManager(PluginManifest m) {
    Map<String, Set<String>> types = new java.util.LinkedHashMap<>();
    for (Component c : m.components()) {
      String type = pluginType(c);
      if (type != null) {
        types.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(c.className());
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Generated from plugin.xml (ManifestTest): ClusterLab plugins registered with Weka's PluginManager.\n");
    for (Map.Entry<String, Set<String>> e : types.entrySet()) {
      sb.append(e.getKey()).append('=').append(String.join(",", e.getValue())).append('\n');
    }
    sb.append("# The example flows (resources/flows, packed into the jar under clusterlab/flows) in the KnowledgeFlow's Templates menu.\n");
    sb.append("*resources*=").append(String.join(",", flowTemplates())).append('\n');
    return sb.toString();
  }

  /** Template group of packages' flows in the KnowledgeFlow (weka.gui.knowledgeflow.KFGUIConsts.KF_PLUGIN_TEMPLATE_KEY). */
  static final String TEMPLATE_GROUP = "weka.knowledgeflow.plugin.templates";

  /**
   * One {@code [group|menu text|resource path]} entry per example flow, the menu text being the flow's
   * name. Weka splits the list at commas and the entry at '|', so a flow name holding either (or a
   * bracket) would silently break the menu: it fails here instead.
   */
  static List<String> flowTemplates() {
    java.nio.file.Path dir = PluginManifest.basedir().resolve("resources/flows");
    List<String> out = new ArrayList<>();
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(dir)) {
      for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) s.filter(p -> p.toString().endsWith(".kf")).sorted()::iterator) {
        String name = weka.knowledgeflow.Flow.loadFlow(f.toFile(), null).getFlowName();
        if (name == null || name.isBlank() || name.matches(".*[,|\\[\\]].*")) {
          throw new IllegalStateException(f.getFileName() + ": flow_name '" + name + "' cannot be a KnowledgeFlow "
              + "template name (it must be non-empty, without ',', '|', '[' or ']'): rename the flow");
        }
        out.add("[" + TEMPLATE_GROUP + "|" + name + "|clusterlab/flows/" + f.getFileName() + "]");
      }
    } catch (IOException | weka.core.WekaException e) {
      throw new IllegalStateException("cannot read the example flows in " + dir + ": " + e, e);
    }
    return out;
  }

  /** The PluginManager type a component registers as, or null. */
  static String pluginType(Component c) {
    switch (c.kind()) {
      case "kf-step":
        return "weka.knowledgeflow.steps.Step";
      case "cluster-launcher":
        return "weka.gui.explorer.ClustererPanelLaunchHandlerPlugin";
      case "tree-visualizer":
        return "weka.gui.visualize.plugins.TreeVisualizePlugin";
      case "explorer-tab":
        return weka.gui.Perspective.class.isAssignableFrom(c.load()) ? "weka.gui.Perspective" : null;
      default:
        return null;
    }
  }

  /** Explorer.props: extra Explorer tabs, appended to Weka's. */
  static String explorer(PluginManifest m) {
    Set<String> tabs = new LinkedHashSet<>();
    for (Component c : m.ofKind("explorer-tab")) {
      tabs.add(c.className());
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Generated from plugin.xml (ManifestTest): ClusterLab tabs appended to the Explorer's.\n");
    if (!tabs.isEmpty()) {
      sb.append("Tabs=").append(String.join(",", tabs)).append('\n').append("TabsPolicy=append\n");
    }
    return sb.toString();
  }

  /** The generated tail of Description.props (after the marker line). */
  static String descriptionTail(PluginManifest m) {
    StringBuilder sb = new StringBuilder();
    sb.append("Description=").append(escapeProps(m.summary())).append("<br/><br/>Components:<ul>");
    for (Component c : m.components()) {
      sb.append("<li><b>").append(escapeProps(c.simpleName())).append("</b> (").append(c.kind()).append(", ")
          .append(c.family()).append("): ").append(escapeProps(c.description())).append("</li>");
    }
    sb.append("</ul>\n");
    return sb.toString();
  }

  /** The README component table (between the markers). */
  static String readmeTable(PluginManifest m) {
    StringBuilder sb = new StringBuilder();
    sb.append("| component | kind | family | class | what it does | reference |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Component c : m.components()) {
      sb.append("| ").append(c.simpleName()).append(" | ").append(c.kind()).append(" | ").append(c.family())
          .append(" | `").append(c.className()).append("` | ").append(c.description()).append(" | ")
          .append(c.reference()).append(" |\n");
    }
    return sb.toString();
  }

  private static String escapeProps(String s) {
    return s.replace("\\", "\\\\").replace("\n", " ");
  }

  private static Properties wekaBaseGpc() {
    Properties p = new Properties();
    try (InputStream in = ManifestFiles.class.getClassLoader().getResourceAsStream("weka/gui/GenericPropertiesCreator.props")) {
      if (in == null) {
        throw new IllegalStateException("weka/gui/GenericPropertiesCreator.props not on the test classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return p;
  }
}
