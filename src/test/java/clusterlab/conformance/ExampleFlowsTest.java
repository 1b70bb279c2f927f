package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example flow shows its result inside the KnowledgeFlow (a TextViewer or ImageViewer fed by
 * the step whose output it saves), not only in files, and runs as shipped: no variable for the user
 * to set. The installed-package test runs the flows; the KnowledgeFlow GUI test opens one as a template.
 */
class ExampleFlowsTest {

  @Test
  void everyFlowShowsItsResultInAViewer() throws Exception {
    Path dir = PluginManifest.basedir().resolve("resources/flows");
    List<Path> flows;
    try (Stream<Path> s = Files.list(dir)) {
      flows = s.filter(p -> p.toString().endsWith(".kf")).sorted().collect(Collectors.toList());
    }
    assertFalse(flows.isEmpty());
    for (Path f : flows) {
      weka.knowledgeflow.Flow flow = weka.knowledgeflow.Flow.loadFlow(f.toFile(), null);
      boolean viewerFed = flow.getSteps().stream()
          .filter(s -> s.getManagedStep() instanceof weka.knowledgeflow.steps.TextViewer
              || s.getManagedStep() instanceof weka.knowledgeflow.steps.ImageViewer)
          .anyMatch(s -> !s.getIncomingConnections().isEmpty());
      assertTrue(viewerFed, f.getFileName() + " has no TextViewer or ImageViewer fed by its result");
    }
  }

  /** Variables Weka itself defines where a flow runs: WEKA_HOME (WekaPackageManager) and the KnowledgeFlow's own. */
  private static final java.util.Set<String> WEKA_VARIABLES = java.util.Set.of("WEKA_HOME", "image_count");

  /**
   * A flow opened from the Templates menu or run by FlowRunner must find its data and a directory to
   * write into with nothing set by the user: it reads the package's own data
   * (${WEKA_HOME}/packages/clusterLab/data/..., shipped in the zip) and writes into
   * ${WEKA_HOME}/packages/clusterLab/output (also shipped), and uses no other variable.
   */
  @Test
  void everyFlowRunsAsShippedWithNoVariableToSet() throws Exception {
    Path base = PluginManifest.basedir();
    for (Path f : flows()) {
      String text = Files.readString(f);
      java.util.regex.Matcher var = java.util.regex.Pattern.compile("\\$\\{([^}]*)}").matcher(text);
      while (var.find()) {
        assertTrue(WEKA_VARIABLES.contains(var.group(1)), f.getFileName() + " needs the variable ${" + var.group(1)
            + "}, which nobody sets when the flow is opened from the Templates menu");
      }
      java.util.regex.Matcher path = java.util.regex.Pattern.compile("\\$\\{WEKA_HOME}/([^\"$]*)").matcher(text);
      while (path.find()) {
        String rel = path.group(1);
        String pkg = ExampleFlows.PACKAGE_DIR + "/";
        assertTrue(rel.startsWith(pkg + "data/") || rel.startsWith(pkg + "output"),
            f.getFileName() + " uses ${WEKA_HOME}/" + rel + ", outside the package's data/ and output/");
        if (rel.startsWith(pkg + "data/")) {
          Path data = base.resolve("resources/data").resolve(rel.substring((pkg + "data/").length()));
          assertTrue(Files.isRegularFile(data), f.getFileName() + " reads " + rel + ", which the package does not ship");
        }
      }
    }
    assertTrue(Files.isRegularFile(base.resolve("src/assembly/output/README.txt")), "the output directory is not shipped");
    assertTrue(Files.readString(base.resolve("src/assembly/weka-package.xml")).contains("<outputDirectory>output</outputDirectory>"),
        "the package zip does not ship the output directory the flows write into");
  }

  private static List<Path> flows() throws java.io.IOException {
    try (Stream<Path> s = Files.list(PluginManifest.basedir().resolve("resources/flows"))) {
      return s.filter(p -> p.toString().endsWith(".kf")).sorted().collect(Collectors.toList());
    }
  }
}
