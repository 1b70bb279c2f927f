package clusterlab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering rule of ClusterLab: the algorithm core knows nothing of Weka, Swing, AWT or
 * JFreeChart, so it can be tested, benchmarked and reused (a Spark back end, other hosts) alone.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("clusterlab");

  @Test
  void coreDependsOnNoHostOrGuiLibrary() {
    noClasses().that().resideInAPackage("clusterlab.core..")
        .should().dependOnClassesThat().resideInAnyPackage("weka..", "java.awt..", "javax.swing..", "org.jfree..")
        .because("the core is the Weka-free numeric layer; adapters translate")
        .check(MAIN);
  }

  @Test
  void chartsKnowNoWeka() {
    noClasses().that().resideInAPackage("clusterlab.charts..")
        .should().dependOnClassesThat().resideInAnyPackage("weka..", "clusterlab.weka..", "clusterlab.gui..")
        .because("charts draw core results only, so the Explorer tab, the report and any other front end reuse them")
        .check(MAIN);
  }

  @Test
  void coreDoesNotReachIntoAdapters() {
    noClasses().that().resideInAPackage("clusterlab.core..")
        .should().dependOnClassesThat().resideInAnyPackage("clusterlab.weka..", "clusterlab.gui..", "clusterlab.charts..")
        .check(MAIN);
  }
}
