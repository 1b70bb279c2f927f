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
 * the step whose output it saves), not only in files; the installed-package test runs the flows.
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
}
