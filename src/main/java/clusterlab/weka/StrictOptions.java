package clusterlab.weka;

import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import weka.clusterers.AbstractClusterer;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * Strict command-line option parsing for {@link OptionMetadata}-annotated properties.
 *
 * <p>Why not Weka's own: {@code Option.setOptionsForHierarchy} catches every exception, prints it
 * and carries on, so {@code -N 0}, {@code -N abc} or {@code -init bogus} silently leave the
 * previous value in place and the user never learns that the option was ignored. Here a bad value
 * fails with a message naming the option, the value and what is allowed. An option that is absent
 * resets its property to the default (the value a new instance has), as Weka's contract wants.
 * Annotated getters keep providing {@code listOptions}/{@code getOptions} through Weka.
 */
public final class StrictOptions {

  private StrictOptions() {
  }

  /**
   * Full {@code setOptions} for a ClusterLab clusterer: its annotated options, the seed
   * ({@code -S}) when it is {@link Randomizable}, Weka's debug flags, and a check that nothing is
   * left over.
   */
  public static void setClustererOptions(AbstractClusterer target, String[] options) throws Exception {
    applyAnnotated(options, target, AbstractClusterer.class);
    if (target instanceof Randomizable) {
      String seed = Utils.getOption('S', options);
      ((Randomizable) target).setSeed(seed.isEmpty() ? defaultSeed(target) : parseInt("S", seed));
    }
    target.setDebug(Utils.getFlag("output-debug-info", options));
    target.setDoNotCheckCapabilities(Utils.getFlag("do-not-check-capabilities", options));
    Utils.checkForRemainingOptions(options);
  }

  /** Full {@code setOptions} for a ClusterLab filter. */
  public static void setFilterOptions(Filter target, String[] options) throws Exception {
    applyAnnotated(options, target, Filter.class);
    target.setDebug(Utils.getFlag("output-debug-info", options));
    target.setDoNotCheckCapabilities(Utils.getFlag("do-not-check-capabilities", options));
    Utils.checkForRemainingOptions(options);
  }

  /**
   * Sets every annotated property of {@code target}'s classes below {@code stopAt} from
   * {@code options}, consuming what it reads.
   */
  public static void applyAnnotated(String[] options, Object target, Class<?> stopAt) throws Exception {
    Object defaults = target.getClass().getConstructor().newInstance();
    for (PropertyDescriptor p : annotated(target.getClass(), stopAt)) {
      OptionMetadata meta = metadata(p);
      String name = meta.commandLineParamName();
      Object value;
      if (meta.commandLineParamIsFlag()) {
        value = Utils.getFlag(name, options);
      } else {
        String text = Utils.getOption(name, options);
        value = text.isEmpty() ? p.getReadMethod().invoke(defaults) : parse(name, text, p.getPropertyType(),
            p.getReadMethod().invoke(defaults));
      }
      set(p.getWriteMethod(), target, name, value);
    }
  }

  /**
   * The options of {@code cls}'s annotated properties below {@code stopAt}, in display order: the
   * {@code listOptions} of a component that is not a Weka clusterer or filter (whose bases list
   * them already), so the help text is the annotation's and cannot drift from what is parsed.
   * A class whose properties cannot be read is a programming error: {@link IllegalStateException}.
   */
  public static List<Option> listAnnotated(Class<?> cls, Class<?> stopAt) {
    List<Option> list = new ArrayList<>();
    for (PropertyDescriptor p : readable(cls, stopAt)) {
      OptionMetadata meta = metadata(p);
      list.add(new Option("\t" + meta.description().replace("\n", "\n\t"), meta.commandLineParamName(),
          meta.commandLineParamIsFlag() ? 0 : 1, meta.commandLineParamSynopsis()));
    }
    return list;
  }

  /**
   * The current settings of {@code target}'s annotated properties below {@code stopAt}, in display
   * order and in the form {@link #applyAnnotated} reads back: a flag when true, otherwise the option
   * and its value (a tag by its readable name, an option handler as class name and options); empty
   * strings are left out, as an absent option means the default. A getter that fails is a
   * programming error: {@link IllegalStateException}.
   */
  public static List<String> getAnnotated(Object target, Class<?> stopAt) {
    List<String> out = new ArrayList<>();
    for (PropertyDescriptor p : readable(target.getClass(), stopAt)) {
      OptionMetadata meta = metadata(p);
      Object value = read(p, target);
      String name = "-" + meta.commandLineParamName();
      if (meta.commandLineParamIsFlag()) {
        if (Boolean.TRUE.equals(value)) {
          out.add(name);
        }
        continue;
      }
      String text = text(value);
      if (!text.isEmpty()) {
        out.add(name);
        out.add(text);
      }
    }
    return out;
  }

  /** {@link #inDisplayOrder}, for the listing and writing side, which has no checked failure to report. */
  private static List<PropertyDescriptor> readable(Class<?> cls, Class<?> stopAt) {
    try {
      return inDisplayOrder(cls, stopAt);
    } catch (IntrospectionException e) {
      throw new IllegalStateException("cannot read the options of " + cls.getSimpleName(), e);
    }
  }

  private static Object read(PropertyDescriptor p, Object target) {
    try {
      return p.getReadMethod().invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read option " + p.getName() + " of " + target.getClass().getSimpleName(), e);
    }
  }

  private static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof SelectedTag) {
      return ((SelectedTag) value).getSelectedTag().getReadable();
    }
    if (value instanceof OptionHandler) {
      return (value.getClass().getName() + " " + Utils.joinOptions(((OptionHandler) value).getOptions())).trim();
    }
    if (value instanceof File) {
      return ((File) value).getPath();
    }
    return value.toString();
  }

  private static List<PropertyDescriptor> annotated(Class<?> cls, Class<?> stopAt) throws IntrospectionException {
    BeanInfo info = Introspector.getBeanInfo(cls, stopAt);
    List<PropertyDescriptor> list = new ArrayList<>();
    for (PropertyDescriptor p : info.getPropertyDescriptors()) {
      if (p.getReadMethod() != null && p.getWriteMethod() != null && metadata(p) != null
          && !metadata(p).commandLineParamName().isEmpty()) {
        list.add(p);
      }
    }
    return list;
  }

  /** {@link #annotated} in display order (setting keeps the introspection order, listing shows this one). */
  private static List<PropertyDescriptor> inDisplayOrder(Class<?> cls, Class<?> stopAt) throws IntrospectionException {
    List<PropertyDescriptor> list = annotated(cls, stopAt);
    list.sort(java.util.Comparator.comparingInt(p -> metadata(p).displayOrder()));
    return list;
  }

  private static OptionMetadata metadata(PropertyDescriptor p) {
    OptionMetadata m = p.getReadMethod() == null ? null : p.getReadMethod().getAnnotation(OptionMetadata.class);
    if (m == null && p.getWriteMethod() != null) {
      m = p.getWriteMethod().getAnnotation(OptionMetadata.class);
    }
    return m;
  }

  private static Object parse(String name, String text, Class<?> type, Object template) throws Exception {
    if (type == int.class || type == Integer.class) {
      return parseInt(name, text);
    }
    if (type == long.class || type == Long.class) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option -" + name + " expects a whole number, got '" + text + "'");
      }
    }
    if (type == double.class || type == Double.class) {
      try {
        return Double.parseDouble(text.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("option -" + name + " expects a number, got '" + text + "'");
      }
    }
    if (type == boolean.class || type == Boolean.class) {
      if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("option -" + name + " expects true or false, got '" + text + "'");
      }
      return Boolean.parseBoolean(text);
    }
    if (type == String.class) {
      return text;
    }
    if (type == File.class) {
      return new File(text);
    }
    if (type == SelectedTag.class) {
      return tag(name, text, ((SelectedTag) template).getTags());
    }
    if (OptionHandler.class.isAssignableFrom(type)) {
      String[] spec = Utils.splitOptions(text);
      if (spec.length == 0) {
        throw new IllegalArgumentException("option -" + name + " expects a class name and its options, got '" + text + "'");
      }
      String cls = spec[0];
      spec[0] = "";
      return Utils.forName(type, cls, spec);
    }
    throw new IllegalArgumentException("option -" + name + " has a type StrictOptions cannot parse: " + type.getName());
  }

  private static SelectedTag tag(String name, String given, Tag[] tags) {
    String text = Tags.canonical(given);
    for (Tag t : tags) {
      if (t.getReadable().equalsIgnoreCase(text) || t.getIDStr().equalsIgnoreCase(text)
          || String.valueOf(t.getID()).equals(text)) {
        return new SelectedTag(t.getID(), tags);
      }
    }
    StringBuilder legal = new StringBuilder();
    for (Tag t : tags) {
      legal.append(legal.length() == 0 ? "" : ", ").append(t.getReadable());
    }
    throw new IllegalArgumentException("option -" + name + " must be one of " + legal + ", got '" + given + "'");
  }

  private static int parseInt(String name, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option -" + name + " expects a whole number, got '" + text + "'");
    }
  }

  private static int defaultSeed(Object target) throws Exception {
    return ((Randomizable) target.getClass().getConstructor().newInstance()).getSeed();
  }

  private static void set(Method setter, Object target, String name, Object value) throws Exception {
    try {
      setter.invoke(target, value);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      String msg = cause.getMessage() == null ? cause.toString() : cause.getMessage();
      throw new IllegalArgumentException("option -" + name + ": " + msg, cause);
    }
  }
}
