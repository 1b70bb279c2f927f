package clusterlab.weka;

import java.util.Enumeration;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.CapabilitiesHandler;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;

/**
 * The one data check every ClusterLab component runs before it trains: first the problems a user
 * can fix, each named (the attribute, the row) with the fix, then Weka's own capabilities test for
 * the rest.
 *
 * <p>Why not {@code getCapabilities().testWithFail(data)} alone: Weka's messages are generic
 * ("Cannot handle missing values!", "Cannot handle multi-valued nominal attributes!") and name
 * neither the row nor the attribute nor the option that would help, while the README promises both.
 * The explanations here follow from the component's own {@link Capabilities}, so they can never
 * refuse what the component claims to handle.
 */
public final class DataCheck {

  private DataCheck() {
  }

  /**
   * Refuses {@code data} that {@code owner} cannot handle, naming the attribute or row and the fix;
   * accepts exactly what {@code owner.getCapabilities()} accepts.
   */
  public static void testWithFail(CapabilitiesHandler owner, Instances data) throws Exception {
    Capabilities caps = owner.getCapabilities();
    if (data != null && !caps.doNotCheckCapabilities()) {
      explain(owner, caps, data);
    }
    caps.testWithFail(data);
  }

  private static void explain(CapabilitiesHandler owner, Capabilities caps, Instances data) {
    String who = owner.getClass().getSimpleName();
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a == data.classIndex()) {
        continue;
      }
      Attribute att = data.attribute(a);
      if (att.isNominal() && !handlesNominal(caps, att)) {
        throw new IllegalArgumentException("attribute '" + att.name() + "' is nominal and " + who
            + " uses numeric attributes only: " + (hasOption(owner, "one-hot")
                ? "turn on one-hot encoding of nominal attributes (-one-hot, 'oneHotNominal' in the GUI), " : "")
            + "convert it with NominalToBinary, or remove it (when it is the class, set it as the class so it is ignored)");
      }
      if (att.isString() && !caps.handles(Capability.STRING_ATTRIBUTES)) {
        throw new IllegalArgumentException("attribute '" + att.name() + "' is a string attribute and " + who
            + " cannot use it: remove it (Remove, RemoveType) or convert it (StringToNominal, StringToWordVector)");
      }
      if (att.isDate() && !caps.handles(Capability.DATE_ATTRIBUTES)) {
        throw new IllegalArgumentException("attribute '" + att.name() + "' is a date attribute and " + who
            + " cannot use it: remove it or convert it to numeric first");
      }
    }
    if (!caps.handles(Capability.MISSING_VALUES)) {
      for (int i = 0; i < data.numInstances(); i++) {
        Instance inst = data.instance(i);
        for (int a = 0; a < data.numAttributes(); a++) {
          if (a != data.classIndex() && inst.isMissing(a)) {
            throw new IllegalArgumentException("missing value in row " + (i + 1) + ", attribute '"
                + data.attribute(a).name() + "': " + who + " cannot handle missing values; replace them first"
                + " (ReplaceMissingValues, MedianImputer or KNNImputer) or remove those rows");
          }
        }
      }
    }
  }

  private static boolean handlesNominal(Capabilities caps, Attribute att) {
    if (caps.handles(Capability.NOMINAL_ATTRIBUTES)) {
      return true;
    }
    if (att.numValues() <= 1) {
      return caps.handles(Capability.UNARY_ATTRIBUTES) || caps.handles(Capability.BINARY_ATTRIBUTES);
    }
    return att.numValues() == 2 && caps.handles(Capability.BINARY_ATTRIBUTES);
  }

  /** Whether {@code owner} lists a command-line option of that name. */
  static boolean hasOption(Object owner, String name) {
    if (!(owner instanceof OptionHandler)) {
      return false;
    }
    for (Enumeration<Option> e = ((OptionHandler) owner).listOptions(); e.hasMoreElements();) {
      if (name.equals(e.nextElement().name())) {
        return true;
      }
    }
    return false;
  }
}
