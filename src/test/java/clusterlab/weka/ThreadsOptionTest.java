package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.Utils;

/**
 * {@code -num-threads} is one option: every component of plugin.xml that has worker threads offers
 * it with {@link ThreadsOption}'s name, tip text and default, declared by a shared base (or, outside
 * those hierarchies, with the constants), parsed strictly and written back by {@code getOptions}.
 */
class ThreadsOptionTest {

  /** The only places allowed to declare the property: the bases, and three classes outside their hierarchies. */
  private static final Set<String> DECLARERS = Set.of(PartitioningClusterer.class.getName(),
      ParallelFilter.class.getName(), ClustererTool.class.getName(), ClustererResultStep.class.getName(),
      "weka.clusterers.meta.ChooseK", "weka.experiment.ClustererQualitySplitEvaluator",
      "clusterlab.cli.ClusterReport");

  private static List<Class<?>> threaded() {
    List<Class<?>> list = new ArrayList<>();
    for (PluginManifest.Component c : PluginManifest.load().components()) {
      Class<?> cls = c.load();
      try {
        cls.getMethod("getNumThreads");
        list.add(cls);
      } catch (NoSuchMethodException e) {
        // no worker threads
      }
    }
    return list;
  }

  @Test
  void everyThreadedComponentDeclaresTheOptionOnceWithTheSharedSpelling() throws Exception {
    List<Class<?>> threaded = threaded();
    assertTrue(threaded.size() >= 20, "too few threaded components found: " + threaded);
    for (Class<?> cls : threaded) {
      Method getter = cls.getMethod("getNumThreads");
      assertTrue(DECLARERS.contains(getter.getDeclaringClass().getName()),
          cls.getName() + " declares its own -num-threads in " + getter.getDeclaringClass().getName()
              + "; extend the shared base instead");
      OptionMetadata meta = getter.getAnnotation(OptionMetadata.class);
      assertEquals(ThreadsOption.DISPLAY_NAME, meta.displayName(), cls.getName());
      assertEquals(ThreadsOption.DESCRIPTION, meta.description(), cls.getName());
      boolean commandLine = OptionHandler.class.isAssignableFrom(cls);
      assertEquals(commandLine ? ThreadsOption.NAME : "", meta.commandLineParamName(), cls.getName());
      Object fresh = cls.getConstructor().newInstance();
      assertEquals(ThreadsOption.DEFAULT, getter.invoke(fresh), cls.getName() + ": default");
    }
  }

  @Test
  void everyCommandLineComponentListsParsesAndWritesBackTheOption() throws Exception {
    for (Class<?> cls : threaded()) {
      if (!OptionHandler.class.isAssignableFrom(cls)) {
        continue;
      }
      OptionHandler h = (OptionHandler) cls.getConstructor().newInstance();
      List<String> listed = Collections.list(h.listOptions()).stream().map(Option::name)
          .takeWhile(name -> !name.isEmpty()) // a wrapped clusterer's options follow an empty separator
          .collect(Collectors.toList());
      assertEquals(1, Collections.frequency(listed, ThreadsOption.NAME), cls.getName() + " lists " + listed);

      h.setOptions(withNeededOptions(cls, "-num-threads", "3"));
      assertEquals(3, cls.getMethod("getNumThreads").invoke(h), cls.getName());
      String written = Utils.joinOptions(h.getOptions());
      assertTrue(written.contains("-num-threads 3"), cls.getName() + " writes " + written);
      OptionHandler copy = (OptionHandler) cls.getConstructor().newInstance();
      copy.setOptions(h.getOptions());
      assertEquals(3, cls.getMethod("getNumThreads").invoke(copy), cls.getName() + " after a round trip");

      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> h.setOptions(withNeededOptions(cls, "-num-threads", "two")), cls.getName());
      assertTrue(e.getMessage().contains("-num-threads") && e.getMessage().contains("'two'")
          && e.getMessage().contains("whole number"), cls.getName() + ": " + e.getMessage());
      assertFalse(e.getMessage().startsWith("For input string"), e.getMessage());
    }
  }

  /** A tool that judges a data file needs -t to be set; the rest take the option alone. */
  private static String[] withNeededOptions(Class<?> cls, String... options) {
    List<String> o = new ArrayList<>(List.of(options));
    if (ClustererTool.class.isAssignableFrom(cls)) {
      o.addAll(List.of("-t", "data.arff"));
    }
    return o.toArray(new String[0]);
  }
}
