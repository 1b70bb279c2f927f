package clusterlab.conformance;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** plugin.xml, read once: the list of every component the tests run over. */
public final class PluginManifest {

  /** A setting the component must refuse, and a word the refusal must contain. */
  public record Invalid(String options, String mentions) {
  }

  /** One component entry. */
  public record Component(String id, String className, String kind, String family, String description,
      String reference, String options, List<Invalid> invalid, String data) {

    /** True when the component trains on word counts ({@code <conformance data="counts">}) rather than iris. */
    public boolean wantsCounts() {
      return "counts".equals(data);
    }

    public Class<?> load() {
      try {
        return Class.forName(className);
      } catch (ClassNotFoundException e) {
        throw new AssertionError("plugin.xml lists " + className + " (" + id + ") but no such class exists", e);
      }
    }

    public String simpleName() {
      return className.substring(className.lastIndexOf('.') + 1);
    }

    public String javaPackage() {
      return className.substring(0, className.lastIndexOf('.'));
    }

    @Override
    public String toString() {
      return id + " (" + className + ")";
    }
  }

  private final String summary;
  private final List<Component> components;

  private PluginManifest(String summary, List<Component> components) {
    this.summary = summary;
    this.components = components;
  }

  /** The project's root folder (Surefire passes it; otherwise the working directory). */
  public static Path basedir() {
    return Path.of(System.getProperty("clusterlab.basedir", new File("").getAbsolutePath()));
  }

  /** Reads {@code plugin.xml} at the project root. */
  public static PluginManifest load() {
    return load(basedir().resolve("plugin.xml"));
  }

  /** Reads a manifest file. */
  public static PluginManifest load(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      Document doc = f.newDocumentBuilder().parse(file.toFile());
      Element root = doc.getDocumentElement();
      String summary = text(root, "summary");
      NodeList nodes = root.getElementsByTagName("component");
      List<Component> list = new ArrayList<>();
      for (int i = 0; i < nodes.getLength(); i++) {
        Element e = (Element) nodes.item(i);
        String options = "";
        String data = "";
        List<Invalid> invalid = new ArrayList<>();
        NodeList conf = e.getElementsByTagName("conformance");
        if (conf.getLength() > 0) {
          Element c = (Element) conf.item(0);
          options = c.getAttribute("options");
          data = c.getAttribute("data");
          NodeList inv = c.getElementsByTagName("invalid");
          for (int j = 0; j < inv.getLength(); j++) {
            Element x = (Element) inv.item(j);
            invalid.add(new Invalid(x.getAttribute("options"), x.getAttribute("mentions")));
          }
        }
        list.add(new Component(e.getAttribute("id"), e.getAttribute("class"), e.getAttribute("kind"),
            e.getAttribute("family"), text(e, "description"), text(e, "reference"), options,
            Collections.unmodifiableList(invalid), data));
      }
      return new PluginManifest(summary, Collections.unmodifiableList(list));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static String text(Element parent, String tag) {
    NodeList l = parent.getElementsByTagName(tag);
    return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim().replaceAll("\\s+", " ");
  }

  public String summary() {
    return summary;
  }

  public List<Component> components() {
    return components;
  }

  public List<Component> ofKind(String kind) {
    return components.stream().filter(c -> c.kind().equals(kind)).collect(Collectors.toList());
  }
}
