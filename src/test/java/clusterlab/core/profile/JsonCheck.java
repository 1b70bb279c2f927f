package clusterlab.core.profile;

/**
 * A strict JSON syntax check (RFC 8259 grammar: objects, arrays, strings with escapes, numbers with
 * exponents, true/false/null), so tests can prove the profile's JSON parses without a JSON library.
 */
public final class JsonCheck {

  private final String s;
  private int i;

  private JsonCheck(String s) {
    this.s = s;
  }

  /** Throws {@code IllegalArgumentException} naming the offset of the first syntax error. */
  public static void parse(String json) {
    JsonCheck p = new JsonCheck(json);
    p.value();
    p.ws();
    if (p.i != json.length()) {
      throw p.error("trailing characters");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + i + ": ..." + s.substring(Math.max(0, i - 30),
        Math.min(s.length(), i + 30)) + "...");
  }

  private void ws() {
    while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private void value() {
    ws();
    if (i >= s.length()) {
      throw error("value expected");
    }
    char c = s.charAt(i);
    if (c == '{') {
      members('}', true);
    } else if (c == '[') {
      members(']', false);
    } else if (c == '"') {
      string();
    } else if (c == '-' || Character.isDigit(c)) {
      number();
    } else if (!word("true") && !word("false") && !word("null")) {
      throw error("value expected");
    }
  }

  private void members(char close, boolean object) {
    i++;
    ws();
    if (i < s.length() && s.charAt(i) == close) {
      i++;
      return;
    }
    while (true) {
      if (object) {
        ws();
        if (i >= s.length() || s.charAt(i) != '"') {
          throw error("member name expected");
        }
        string();
        ws();
        if (i >= s.length() || s.charAt(i++) != ':') {
          throw error("':' expected");
        }
      }
      value();
      ws();
      if (i >= s.length()) {
        throw error("unterminated");
      }
      char c = s.charAt(i++);
      if (c == close) {
        return;
      }
      if (c != ',') {
        throw error("',' or '" + close + "' expected");
      }
    }
  }

  private void string() {
    i++;
    while (i < s.length() && s.charAt(i) != '"') {
      char c = s.charAt(i++);
      if (c < 0x20) {
        throw error("control character in string");
      }
      if (c == '\\') {
        char e = s.charAt(i++);
        if (e == 'u') {
          i += 4;
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          throw error("bad escape");
        }
      }
    }
    if (i++ >= s.length()) {
      throw error("unterminated string");
    }
  }

  private void number() {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")
        .matcher(s).region(i, s.length());
    if (!m.lookingAt()) {
      throw error("bad number");
    }
    i = m.end();
  }

  private boolean word(String w) {
    if (s.startsWith(w, i)) {
      i += w.length();
      return true;
    }
    return false;
  }
}
