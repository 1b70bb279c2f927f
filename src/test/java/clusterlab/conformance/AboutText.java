package clusterlab.conformance;

import clusterlab.conformance.PluginManifest.Component;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user reads first about a component: Weka's option dialog (PropertySheetPanel) shows the
 * {@code globalInfo} only up to its first period, so that first "sentence" must be the sentence the
 * author meant, complete on its own, and short enough that the options stay in view below it.
 */
final class AboutText {

  /** Longest first sentence (characters): about four lines of Weka's About box. */
  static final int MAX_FIRST_SENTENCE = 240;

  /** Words that end with a period without ending the sentence. */
  private static final Pattern ABBREVIATION = Pattern.compile(
      "(?i)(?:\\bet al|\\be\\.g|\\bi\\.e|\\betc|\\bvs|\\bcf|\\bapprox|\\bresp|\\bfig|\\beq|\\bno|\\bca|\\bdr|\\bmr|\\bmrs"
          + "|\\bprof|\\bvol|\\bpp|\\bed|\\beds|\\bch|\\bsec|\\b[a-z])$");

  private AboutText() {
  }

  /** What Weka shows in the About box: the text up to and including the first period. */
  static String firstSentence(String globalInfo) {
    int dot = globalInfo.indexOf('.');
    return dot < 0 ? globalInfo : globalInfo.substring(0, dot + 1);
  }

  /** Why the first sentence does not stand alone, or null when it does. */
  static String problem(String globalInfo) {
    String first = firstSentence(globalInfo).trim();
    int dot = globalInfo.indexOf('.');
    if (dot < 0) {
      return "has no period at all, so Weka shows the whole text as its first sentence";
    }
    String before = globalInfo.substring(0, dot);
    String after = globalInfo.substring(dot + 1);
    if (!after.isEmpty() && !Character.isWhitespace(after.charAt(0))) {
      return "the first period is inside a word or number ('" + tail(before) + "." + after.substring(0, Math.min(6,
          after.length())) + "'), so Weka cuts the sentence there";
    }
    Matcher m = ABBREVIATION.matcher(before);
    if (m.find()) {
      return "the first period ends the abbreviation '" + m.group() + ".', so Weka cuts the sentence there";
    }
    int open = count(first, '(') - count(first, ')');
    if (open != 0) {
      return "the first sentence leaves a parenthesis open, so it was cut mid-sentence";
    }
    if (first.length() > MAX_FIRST_SENTENCE) {
      return "the first sentence has " + first.length() + " characters (at most " + MAX_FIRST_SENTENCE
          + "): it fills Weka's About box and pushes the options out of view; say what the component is in one short "
          + "sentence and the details after it";
    }
    String second = firstSentence(after).trim();
    if (openingWords(second, 3).equals(openingWords(first, 3)) && !openingWords(first, 3).isEmpty()) {
      return "the second sentence opens as the first ('" + openingWords(second, 3) + " ...'): it repeats what the "
          + "About box already said; go on from it";
    }
    return null;
  }

  /** The first {@code n} words of {@code sentence}, lower case, or "" when it has fewer. */
  private static String openingWords(String sentence, int n) {
    String[] words = sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    List<String> kept = new java.util.ArrayList<>();
    for (String w : words) {
      if (!w.isEmpty() && kept.size() < n) {
        kept.add(w);
      }
    }
    return kept.size() < n ? "" : String.join(" ", kept);
  }

  /** The conformance check for any component with a {@code globalInfo}. */
  static Check check(Component c) {
    return new Check("first globalInfo sentence stands alone", () -> {
      Object o = c.load().getConstructor().newInstance();
      String info = (String) o.getClass().getMethod("globalInfo").invoke(o);
      String p = problem(info);
      if (p != null) {
        throw new AssertionError(c + ": the About text Weka shows is '" + firstSentence(info) + "': " + p);
      }
    });
  }

  static List<Check> with(List<Check> checks, Component c) {
    checks.add(0, check(c));
    return checks;
  }

  private static int count(String s, char ch) {
    int n = 0;
    for (char x : s.toCharArray()) {
      n += x == ch ? 1 : 0;
    }
    return n;
  }

  private static String tail(String s) {
    return s.substring(Math.max(0, s.length() - 12)).toLowerCase(Locale.ROOT);
  }
}
