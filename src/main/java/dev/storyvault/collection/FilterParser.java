package dev.storyvault.collection;

import dev.storyvault.platform.ApiProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive-descent parser of PocketBase's filter grammar: {@code (level >= 3 && element =
 * 'fire') || tags ?= 'boss'}. It refuses, before anything runs, a filter longer than {@link
 * #MAX_LENGTH} characters, nested deeper than {@link #MAX_DEPTH} parentheses or with more than
 * {@link #MAX_TERMS} comparisons, and says where the text went wrong.
 */
final class FilterParser {

  static final int MAX_LENGTH = 4_096;
  static final int MAX_DEPTH = 16;
  static final int MAX_TERMS = 64;

  private final String text;
  private int at;
  private int terms;

  private FilterParser(String text) {
    this.text = text;
  }

  static Filter parse(String text) {
    if (text.length() > MAX_LENGTH)
      throw invalid("The filter is longer than " + MAX_LENGTH + " characters.");
    FilterParser parser = new FilterParser(text);
    Filter filter = parser.or(0);
    parser.skipSpaces();
    if (parser.at < text.length()) throw parser.unexpected("'&&', '||' or the end");
    return filter;
  }

  private Filter or(int depth) {
    List<Filter> parts = new ArrayList<>(List.of(and(depth)));
    while (consume("||")) parts.add(and(depth));
    return parts.size() == 1 ? parts.getFirst() : new Filter.Or(parts);
  }

  private Filter and(int depth) {
    List<Filter> parts = new ArrayList<>(List.of(unary(depth)));
    while (consume("&&")) parts.add(unary(depth));
    return parts.size() == 1 ? parts.getFirst() : new Filter.And(parts);
  }

  private Filter unary(int depth) {
    if (consume("(")) {
      if (depth + 1 > MAX_DEPTH)
        throw invalid("The filter nests more than " + MAX_DEPTH + " parentheses deep.");
      Filter inner = or(depth + 1);
      if (!consume(")")) throw unexpected("')'");
      return inner;
    }
    if (++terms > MAX_TERMS)
      throw invalid("The filter has more than " + MAX_TERMS + " comparisons.");
    String field = field();
    Filter.Operator operator = operator();
    return new Filter.Comparison(field, operator, value());
  }

  private String field() {
    skipSpaces();
    int start = at;
    while (at < text.length() && isFieldChar(text.charAt(at))) at++;
    if (start == at) throw unexpected("a field name");
    return text.substring(start, at);
  }

  private Filter.Operator operator() {
    skipSpaces();
    // why this order: the two-character operators before their one-character prefixes
    for (String symbol : new String[] {"?=", "!=", ">=", "<=", "=", ">", "<", "~"}) {
      if (text.startsWith(symbol, at)) {
        at += symbol.length();
        for (Filter.Operator op : Filter.Operator.values()) if (op.symbol.equals(symbol)) return op;
      }
    }
    throw unexpected("an operator (= != > >= < <= ~ ?=)");
  }

  private Object value() {
    skipSpaces();
    if (at >= text.length()) throw unexpected("a value");
    char c = text.charAt(at);
    if (c == '\'' || c == '"') return string(c);
    if (c == '-' || Character.isDigit(c)) return number();
    for (String word : new String[] {"true", "false", "null"}) {
      if (text.startsWith(word, at) && !continuesWord(at + word.length())) {
        at += word.length();
        return word.equals("null") ? null : Boolean.valueOf(word);
      }
    }
    throw unexpected("a value ('text', a number, true, false or null)");
  }

  private String string(char quote) {
    StringBuilder out = new StringBuilder();
    for (at++; at < text.length(); at++) {
      char c = text.charAt(at);
      if (c == '\\' && at + 1 < text.length()) {
        out.append(text.charAt(++at));
      } else if (c == quote) {
        at++;
        return out.toString();
      } else {
        out.append(c);
      }
    }
    throw invalid("A quoted value is not closed.");
  }

  private BigDecimal number() {
    int start = at;
    if (text.charAt(at) == '-') at++;
    while (at < text.length()
        && (Character.isDigit(text.charAt(at)) || ".eE+-".indexOf(text.charAt(at)) >= 0)) at++;
    try {
      BigDecimal value = new BigDecimal(text.substring(start, at));
      if (Math.abs(value.scale()) > 100 || value.precision() > 100)
        throw new NumberFormatException();
      return value;
    } catch (NumberFormatException e) {
      at = start;
      throw unexpected("a number");
    }
  }

  private boolean consume(String token) {
    skipSpaces();
    if (!text.startsWith(token, at)) return false;
    at += token.length();
    return true;
  }

  private void skipSpaces() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) at++;
  }

  private boolean continuesWord(int index) {
    return index < text.length() && isFieldChar(text.charAt(index));
  }

  private static boolean isFieldChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '.';
  }

  private ApiProblem unexpected(String wanted) {
    return invalid(
        "Expected " + wanted + " at character " + (at + 1) + " of the filter" + near() + ".");
  }

  private String near() {
    if (at >= text.length()) return " (its end)";
    return " (near '" + text.substring(at, Math.min(text.length(), at + 20)) + "')";
  }

  static ApiProblem invalid(String detail) {
    return ApiProblem.badRequest("invalid-filter", detail);
  }
}
