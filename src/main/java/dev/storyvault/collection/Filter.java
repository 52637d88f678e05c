package dev.storyvault.collection;

import java.util.List;

/** A parsed {@code ?filter=}: comparisons joined by {@code &&} and {@code ||}. */
sealed interface Filter {

  record And(List<Filter> parts) implements Filter {}

  record Or(List<Filter> parts) implements Filter {}

  /** {@code field op value}; the value is a String, a BigDecimal, a Boolean or null, as written. */
  record Comparison(String field, Operator operator, Object value) implements Filter {}

  enum Operator {
    EQUALS("="),
    NOT_EQUALS("!="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    CONTAINS("~"),
    ANY_EQUALS("?=");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    boolean isOrdering() {
      return this == GREATER || this == GREATER_OR_EQUAL || this == LESS || this == LESS_OR_EQUAL;
    }
  }
}
