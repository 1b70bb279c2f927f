package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clusterlab.conformance.PluginManifest.Component;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.SerializationHelper;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * Every check a filter listed in plugin.xml must pass: Weka's filter harness (buffered,
 * incremental, batch filtering, FilteredClassifier, input untouched, options, GOE), option round
 * trip, serialization between batches, determinism, honest capabilities and the bad-input table.
 */
final class FilterConformance {

  private FilterConformance() {
  }

  static List<Check> checks(Component c) {
    List<Check> list = new ArrayList<>();
    for (String method : Contracts.testMethods(weka.filters.AbstractFilterTest.class)) {
      list.add(new Check("weka harness " + method, () -> {
        WekaFilterContract.factory = () -> fresh(c);
        WekaFilterContract.data = c.wantsCounts() ? TestData::sparseText : null;
        Contracts.run(new WekaFilterContract(method));
      }));
    }
    list.add(new Check("options round trip", () -> {
      OptionHandler a = (OptionHandler) fresh(c);
      String[] first = a.getOptions();
      OptionHandler b = (OptionHandler) c.load().getConstructor().newInstance();
      b.setOptions(first.clone());
      assertArrayEquals(first, b.getOptions(), c + ": getOptions -> setOptions -> getOptions changed the options");
    }));
    list.add(new Check("technical information", () -> {
      Filter f = fresh(c);
      assertTrue(f instanceof TechnicalInformationHandler, c + " must cite its paper");
      assertFalse(((TechnicalInformationHandler) f).getTechnicalInformation().toString().isBlank());
    }));
    list.add(new Check("deterministic", () -> {
      Instances data = TestData.training(c);
      assertEquals(apply(fresh(c), data).toString(), apply(fresh(c), new Instances(data)).toString(),
          c + ": two runs with the same options differ");
    }));
    list.add(new Check("serialization between batches", () -> serialization(c)));
    list.add(new Check("sparse text: same output as the dense rows", () -> {
      Instances sparse = TestData.sparseText();
      Instances a = apply(fresh(c), sparse);
      Instances b = apply(fresh(c), TestData.densified(sparse));
      assertEquals(b.numInstances(), a.numInstances(), c + ": sparse and dense input give different row counts");
      for (int i = 0; i < a.numInstances(); i++) {
        assertArrayEquals(b.instance(i).toDoubleArray(), a.instance(i).toDoubleArray(), 1e-9,
            c + ": row " + i + " is filtered differently in sparse form");
      }
    }));
    list.add(new Check("bad input: no rows", () -> {
      try {
        Instances out = apply(fresh(c), TestData.empty());
        assertEquals(0, out.numInstances(), c + " produced rows from empty input");
      } catch (Exception e) {
        BadInput.refusedClearly(c + " on empty data", () -> {
          throw e;
        }, "empty", "no instances", "rows");
      }
    }));
    supportedOrRefused(c, list, "all-missing column", Capability.MISSING_VALUES, TestData.allMissingColumn(c), "missing");
    supportedOrRefused(c, list, "NaN value", Capability.MISSING_VALUES, TestData.oneNaN(c), "missing", "nan");
    list.add(new Check("bad input: infinite value", () -> BadInput.refusedClearly(c + " on an infinite value",
        () -> apply(fresh(c), TestData.oneInfinity(c)), "infinite", "infinity")));
    supportedOrRefused(c, list, "string attribute", Capability.STRING_ATTRIBUTES, TestData.withStringAttribute(c), "string");
    supportedOrRefused(c, list, "nominal-only data", Capability.NOMINAL_ATTRIBUTES, TestData.nominalOnly(), "nominal", "numeric");
    for (PluginManifest.Invalid inv : c.invalid()) {
      list.add(new Check("refuses " + inv.options(), () -> BadInput.refusedClearly(c + " with " + inv.options(), () -> {
        Filter f = fresh(c);
        ((OptionHandler) f).setOptions(Utils.splitOptions(inv.options()));
        apply(f, TestData.sample(c, 30));
      }, inv.mentions())));
    }
    return list;
  }

  static Filter fresh(Component c) {
    try {
      Filter f = (Filter) c.load().getConstructor().newInstance();
      ((OptionHandler) f).setOptions(Utils.splitOptions(c.options()));
      return f;
    } catch (Exception e) {
      throw new AssertionError("cannot create " + c + " with options '" + c.options() + "': " + e.getMessage(), e);
    }
  }

  static Instances apply(Filter f, Instances data) throws Exception {
    f.setInputFormat(data);
    return Filter.useFilter(data, f);
  }

  private static void serialization(Component c) throws Exception {
    Filter f = fresh(c);
    apply(f, TestData.training(c));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(f);
    }
    Filter back = (Filter) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
    Instances second = TestData.sample(c, 20);
    assertEquals(Filter.useFilter(second, f).toString(), Filter.useFilter(new Instances(second), back).toString(),
        c + ": a deserialized filter treats the second batch differently");
  }

  private static void supportedOrRefused(Component c, List<Check> list, String what, Capability cap, Instances data,
      String... words) {
    list.add(new Check("bad input: " + what, () -> {
      Filter f = fresh(c);
      Capabilities caps = f.getCapabilities();
      if (caps.handles(cap)) {
        apply(f, data);
      } else {
        BadInput.refusedClearly(c + " on " + what, () -> apply(f, data), words);
      }
    }));
  }
}
