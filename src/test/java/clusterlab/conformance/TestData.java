package clusterlab.conformance;

import java.io.FileReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SparseInstance;

/** The bundled data sets and the bad inputs every component is tried with. */
public final class TestData {

  private TestData() {
  }

  /** A bundled ARFF from resources/data, with its class (if any) set to the last attribute when asked. */
  public static Instances bundled(String name, boolean lastIsClass) {
    Path file = PluginManifest.basedir().resolve("resources/data").resolve(name);
    try (Reader r = new FileReader(file.toFile())) {
      Instances data = new Instances(r);
      if (lastIsClass) {
        data.setClassIndex(data.numAttributes() - 1);
      }
      return data;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** Iris with its class set (components must ignore it). */
  public static Instances iris() {
    return bundled("iris.arff", true);
  }

  /** The first {@code n} rows of iris, taken evenly from the three species. */
  public static Instances irisSample(int n) {
    Instances all = iris();
    Instances out = new Instances(all, n);
    for (int i = 0; i < n; i++) {
      out.add(all.instance((i * 47) % all.numInstances()));
    }
    return out;
  }

  /** Iris header with no rows. */
  public static Instances empty() {
    return new Instances(iris(), 0);
  }

  /** Iris whose first attribute is missing in every row. */
  public static Instances allMissingColumn() {
    Instances d = irisSample(30);
    for (int i = 0; i < d.numInstances(); i++) {
      d.instance(i).setMissing(0);
    }
    return d;
  }

  /** Iris with one NaN value (Weka's missing-value marker). */
  public static Instances oneNaN() {
    Instances d = irisSample(30);
    d.instance(3).setValue(1, Double.NaN);
    return d;
  }

  /** Iris with one infinite value. */
  public static Instances oneInfinity() {
    Instances d = irisSample(30);
    d.instance(5).setValue(2, Double.POSITIVE_INFINITY);
    return d;
  }

  /** Iris with an extra string attribute (an ID) in front. */
  public static Instances withStringAttribute() {
    return withStringAttribute(irisSample(30));
  }

  private static Instances withStringAttribute(Instances base) {
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("id", (ArrayList<String>) null));
    for (int a = 0; a < base.numAttributes(); a++) {
      atts.add((Attribute) base.attribute(a).copy());
    }
    Instances d = new Instances(base.relationName() + "-with-id", atts, base.numInstances());
    for (int i = 0; i < base.numInstances(); i++) {
      double[] v = new double[atts.size()];
      v[0] = d.attribute(0).addStringValue("row" + i);
      System.arraycopy(base.instance(i).toDoubleArray(), 0, v, 1, base.numAttributes());
      d.add(new DenseInstance(1.0, v));
    }
    d.setClassIndex(d.numAttributes() - 1);
    return d;
  }

  /** Only nominal attributes (no class). */
  public static Instances nominalOnly() {
    ArrayList<String> colours = new ArrayList<>(java.util.List.of("red", "green", "blue"));
    ArrayList<String> sizes = new ArrayList<>(java.util.List.of("small", "large"));
    ArrayList<Attribute> atts = new ArrayList<>();
    atts.add(new Attribute("colour", colours));
    atts.add(new Attribute("size", sizes));
    Instances d = new Instances("nominal-only", atts, 20);
    for (int i = 0; i < 20; i++) {
      d.add(new DenseInstance(1.0, new double[] {i % 3, (i / 3) % 2}));
    }
    return d;
  }

  // ---------------------------------------------------------------------------------------------
  // Sparse text: word counts as StringToWordVector makes them (SparseInstance rows, nominal class).

  private static final String[] WORDS = {"oil", "crude", "barrel", "opec", "price", "share", "stake", "merger",
      "acquire", "offer", "bank", "rate", "loan", "interest", "market"};

  /**
   * Forty short documents over fifteen words in three subjects (oil, takeovers, banking), as
   * sparse word-count instances with the subject as nominal class; two documents share no word
   * with their subject's core vocabulary. Deterministic.
   */
  public static Instances sparseText() {
    ArrayList<Attribute> atts = new ArrayList<>();
    for (String w : WORDS) {
      atts.add(new Attribute(w));
    }
    atts.add(new Attribute("subject", new ArrayList<>(java.util.List.of("oil", "takeover", "banking"))));
    Instances d = new Instances("sparse-text", atts, 40);
    d.setClassIndex(WORDS.length);
    java.util.Random rng = new java.util.Random(17);
    for (int i = 0; i < 40; i++) {
      int subject = i % 3;
      double[] v = new double[atts.size()];
      for (int t = 0; t < 12; t++) {
        int w = rng.nextInt(10) < 8 ? subject * 5 + rng.nextInt(5) : rng.nextInt(WORDS.length);
        v[w]++;
      }
      v[WORDS.length] = subject;
      d.add(new SparseInstance(1.0, v));
    }
    return d;
  }

  /** The same rows as {@link #sparseText()} in dense instances. */
  public static Instances densified(Instances sparse) {
    Instances out = new Instances(sparse, sparse.numInstances());
    for (Instance inst : sparse) {
      out.add(new DenseInstance(inst.weight(), inst.toDoubleArray()));
    }
    return out;
  }

  /** The training data of a component: word counts when plugin.xml says data="counts", else iris. */
  public static Instances training(PluginManifest.Component c) {
    return c.wantsCounts() ? sparseText() : iris();
  }

  /** The first {@code n} rows of the component's training data, taken evenly. */
  public static Instances sample(PluginManifest.Component c, int n) {
    if (!c.wantsCounts()) {
      return irisSample(n);
    }
    Instances all = sparseText();
    Instances out = new Instances(all, n);
    for (int i = 0; i < n; i++) {
      out.add(all.instance((i * 7) % all.numInstances()));
    }
    return out;
  }

  /** The component's data with the first attribute missing in every row. */
  public static Instances allMissingColumn(PluginManifest.Component c) {
    Instances d = c.wantsCounts() ? densified(sample(c, 30)) : irisSample(30);
    for (int i = 0; i < d.numInstances(); i++) {
      d.instance(i).setMissing(0);
    }
    return d;
  }

  /** The component's data with one NaN value. */
  public static Instances oneNaN(PluginManifest.Component c) {
    Instances d = c.wantsCounts() ? densified(sample(c, 30)) : irisSample(30);
    d.instance(3).setValue(1, Double.NaN);
    return d;
  }

  /** The component's data with one infinite value. */
  public static Instances oneInfinity(PluginManifest.Component c) {
    Instances d = c.wantsCounts() ? densified(sample(c, 30)) : irisSample(30);
    d.instance(5).setValue(2, Double.POSITIVE_INFINITY);
    return d;
  }

  /** The component's data with an extra string attribute (an ID) in front. */
  public static Instances withStringAttribute(PluginManifest.Component c) {
    return withStringAttribute(c.wantsCounts() ? densified(sample(c, 30)) : irisSample(30));
  }
}
