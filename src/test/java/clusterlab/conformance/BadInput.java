package clusterlab.conformance;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.function.Executable;

/**
 * What "a clear error" means, checked the same way for every component: the call fails with an
 * exception that is not a programming accident (NullPointerException, index out of bounds, class
 * cast, arithmetic), whose message is a sentence that names the problem.
 */
final class BadInput {

  private static final Set<Class<? extends Throwable>> ACCIDENTS = Set.of(NullPointerException.class,
      ArrayIndexOutOfBoundsException.class, IndexOutOfBoundsException.class, StringIndexOutOfBoundsException.class,
      ClassCastException.class, ArithmeticException.class, NegativeArraySizeException.class, StackOverflowError.class,
      OutOfMemoryError.class);

  private BadInput() {
  }

  /** Asserts that {@code call} fails clearly, with a message mentioning one of {@code words}. */
  static void refusedClearly(String what, Executable call, String... words) {
    Throwable caught = null;
    try {
      call.execute();
    } catch (Throwable t) {
      caught = t;
    }
    if (caught == null) {
      fail(what + ": accepted silently; it must be refused with a message saying what to change");
    }
    final Throwable thrown = caught;
    for (Class<? extends Throwable> a : ACCIDENTS) {
      if (a.isInstance(thrown)) {
        throw new AssertionError(what + ": failed by accident (" + thrown + ") instead of a clear message", thrown);
      }
    }
    String msg = thrown.getMessage();
    assertNotNull(msg, what + ": exception without a message: " + thrown);
    assertTrue(msg.trim().length() >= 20, what + ": message too short to help: '" + msg + "'");
    String lower = msg.toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (lower.contains(w.toLowerCase(Locale.ROOT))) {
        return;
      }
    }
    throw new AssertionError(what + ": message '" + msg + "' should mention one of " + java.util.Arrays.toString(words), thrown);
  }

  /**
   * Asserts that {@code call} fails clearly with a message naming every one of {@code names} (the
   * row, the attribute, the option that helps): "what and where and how to fix it", not Weka's
   * generic capability message.
   */
  static void refusedNaming(String what, Executable call, String... names) {
    refusedClearly(what, call, names);
    Throwable thrown = null;
    try {
      call.execute();
    } catch (Throwable t) {
      thrown = t;
    }
    String msg = String.valueOf(thrown == null ? null : thrown.getMessage());
    for (String n : names) {
      assertTrue(msg.toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)),
          what + ": message '" + msg + "' should name " + java.util.Arrays.toString(names) + " (missing: '" + n + "')");
    }
  }
}
