package clusterlab.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Range options are checked without a data set and without allocating a flag per possible attribute. */
class AttributeRangesTest {

  @Test
  void acceptsWekaRangesAndRefusesOthersNamingTheOption() {
    assertEquals("1,4,5,7", AttributeRanges.check("ordinal", " 1,4,5,7 "));
    assertEquals("first-last", AttributeRanges.check("ordinal", "first-last"));
    assertEquals("", AttributeRanges.check("ordinal", null));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttributeRanges.check("ordinal", "x-y"));
    assertTrue(e.getMessage().startsWith("ordinal: 'x-y' is not an attribute range"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AttributeRanges.check("asymmetric", "3,99999999999"));
    assertTrue(e.getMessage().contains("asymmetric") && e.getMessage().contains("above"), e.getMessage());
  }

  @Test
  void aLargeAttributeNumberIsAcceptedAtTheCostOfItsOwnSize() {
    assertEquals("2-9000000", AttributeRanges.check("R", "2-9000000")); // 9 MB of flags, not Integer.MAX_VALUE / 2
  }
}
