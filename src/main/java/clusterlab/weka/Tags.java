package clusterlab.weka;

import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * Exposes a core enum as a Weka {@link SelectedTag}, the one choice type that both the command
 * line ({@code -init kmeans++}) and the GenericObjectEditor (a drop-down) understand. Tag ids are
 * the ordinals and the readable names are lower-case command-line words.
 */
public final class Tags {

  private Tags() {
  }

  /** The one distance vocabulary of every ClusterLab option, as a synopsis. */
  public static final String DISTANCES = "<euclidean|sqeuclidean|manhattan|chebyshev|cosine>";

  /**
   * Old spellings still accepted on the command line, so that saved command lines keep working:
   * the density adapters once called the squared Euclidean distance "squared-euclidean".
   */
  private static final java.util.Map<String, String> ALIASES = java.util.Map.of("squared-euclidean", "sqeuclidean");

  /**
   * A command-line word for an enum constant: lower case, underscores as dashes; a distance is
   * spelt by its id ({@code sqeuclidean}), the one vocabulary of every distance option.
   */
  public static String word(Enum<?> e) {
    if (e instanceof clusterlab.core.distance.Metric) {
      return ((clusterlab.core.distance.Metric) e).id();
    }
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** The current word for {@code text} when it is an old spelling, else {@code text}. */
  public static String canonical(String text) {
    return ALIASES.getOrDefault(text.toLowerCase(java.util.Locale.ROOT), text);
  }

  /** All constants of {@code type} as tags. */
  public static <E extends Enum<E>> Tag[] of(Class<E> type) {
    E[] constants = type.getEnumConstants();
    Tag[] tags = new Tag[constants.length];
    for (int i = 0; i < constants.length; i++) {
      tags[i] = new Tag(i, word(constants[i]), word(constants[i]), false);
    }
    return tags;
  }

  /** The tag of {@code value}, selected among all constants of its type. */
  public static <E extends Enum<E>> SelectedTag select(E value) {
    return new SelectedTag(value.ordinal(), of(value.getDeclaringClass()));
  }

  /**
   * The enum constant a selected tag stands for.
   *
   * @throws IllegalArgumentException when the tag does not belong to {@code type}
   */
  public static <E extends Enum<E>> E value(SelectedTag tag, Class<E> type) {
    if (tag == null || tag.getTags() == null || tag.getTags().length != type.getEnumConstants().length) {
      throw new IllegalArgumentException("expected one of " + java.util.Arrays.toString(of(type)) + ", got " + tag);
    }
    return type.getEnumConstants()[tag.getSelectedTag().getID()];
  }
}
