package clusterlab.core.mixed;

/**
 * How a column of a {@link MixedTable} is compared. The four kinds are Gower's (1971) and those of
 * R's {@code cluster::daisy}: interval-scaled numbers, ordered categories compared by their rank,
 * unordered categories compared by (mis)match, and asymmetric binary variables where a shared
 * absence says nothing about similarity.
 */
public enum ColumnType {

  /** A number; compared by the absolute difference over the training range. */
  NUMERIC,

  /**
   * An ordered category stored as its integer rank code 0..levels-1; compared like a number over
   * the range of the codes seen in training (daisy's treatment of ordered factors).
   */
  ORDINAL,

  /** An unordered category stored as its code 0..levels-1; compared by mismatch (0 or 1). */
  NOMINAL,

  /**
   * A two-valued category (codes 0 = absent, 1 = present) where two absences are not evidence of
   * similarity: the pair's term is left out when both are 0 (daisy's type "asymm").
   */
  ASYMMETRIC_BINARY;

  /** True for the kinds compared as numbers (over a range). */
  public boolean isScaled() {
    return this == NUMERIC || this == ORDINAL;
  }

  /** True for the kinds stored as category codes. */
  public boolean isCategorical() {
    return this != NUMERIC;
  }
}
