package dev.storyvault.collection;

import dev.storyvault.document.SqlConditions;
import dev.storyvault.platform.ApiProblem;
import java.math.BigDecimal;

/**
 * Turns a parsed filter into SQL over declared fields: fixed expressions for the fields, {@code ?}
 * for every value. A value of the wrong type for its field, or an operator its type has no meaning
 * for, is refused naming the field.
 */
final class FilterCompiler {

  private final CollectionDefinition definition;
  private final FieldSql sql;

  FilterCompiler(CollectionDefinition definition, FieldSql sql) {
    this.definition = definition;
    this.sql = sql;
  }

  void compile(Filter filter, SqlConditions out) {
    switch (filter) {
      case Filter.And and -> join(and.parts(), " AND ", out);
      case Filter.Or or -> join(or.parts(), " OR ", out);
      case Filter.Comparison comparison -> comparison(comparison, out);
    }
  }

  private void join(java.util.List<Filter> parts, String operator, SqlConditions out) {
    out.append("(");
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) out.append(operator);
      compile(parts.get(i), out);
    }
    out.append(")");
  }

  private void comparison(Filter.Comparison c, SqlConditions out) {
    Queryable target = DocumentQuery.target(definition, c.field());
    Filter.Operator op = c.operator();
    if (target.type() == FieldType.STRING_ARRAY) {
      arrayHolds(target, c, out);
      return;
    }
    if (op == Filter.Operator.ANY_EQUALS)
      throw invalid(c, "'?=' asks an array field; '" + c.field() + "' holds one value, use '='.");
    String expression = target.sql(sql);
    if (c.value() == null) {
      if (op == Filter.Operator.EQUALS) out.append(expression + " IS NULL");
      else if (op == Filter.Operator.NOT_EQUALS) out.append(expression + " IS NOT NULL");
      else throw invalid(c, "null compares only with = and !=.");
      return;
    }
    Object value = checked(target, c);
    if (op == Filter.Operator.CONTAINS) {
      contains(target, expression, (String) value, out);
      return;
    }
    String placeholder = target.placeholder(sql);
    Object bound = target.bind(sql, value);
    if (op == Filter.Operator.NOT_EQUALS)
      out.append(
          "(" + expression + " IS NULL OR " + expression + " <> " + placeholder + ")", bound);
    else out.append(expression + " " + op.symbol + " " + placeholder, bound);
  }

  private Object checked(Queryable target, Filter.Comparison c) {
    Object value = c.value();
    boolean fits =
        switch (target.type()) {
          case STRING -> value instanceof String;
          case NUMBER -> value instanceof BigDecimal;
          case BOOLEAN -> value instanceof Boolean;
          case DATE_TIME -> value instanceof String s && FieldType.isInstant(s);
          case STRING_ARRAY -> value instanceof String;
        };
    if (!fits)
      throw invalid(c, "'" + c.field() + "' compares with " + target.type().expected() + ".");
    if (target.type() == FieldType.BOOLEAN && c.operator().isOrdering())
      throw invalid(c, "'" + c.field() + "' is true or false; compare it with = or !=.");
    if (c.operator() == Filter.Operator.CONTAINS && target.type() != FieldType.STRING)
      throw invalid(c, "'~' asks a string field.");
    return value;
  }

  /**
   * {@code ~ 'fire%'} (one trailing %) is a prefix, answered from the index as a range; any other
   * value is a substring.
   */
  private void contains(Queryable target, String expression, String value, SqlConditions out) {
    boolean prefix = value.endsWith("%") && value.indexOf('%') == value.length() - 1;
    if (!prefix) {
      out.append(sql.contains(expression), value);
      return;
    }
    String start = value.substring(0, value.length() - 1);
    if (start.isEmpty()) {
      out.append(expression + " IS NOT NULL");
      return;
    }
    String end =
        start.substring(0, start.length() - 1) + (char) (start.charAt(start.length() - 1) + 1);
    String placeholder = target.placeholder(sql);
    out.append(
        "(" + expression + " >= " + placeholder + " AND " + expression + " < " + placeholder + ")",
        start,
        end);
  }

  private void arrayHolds(Queryable target, Filter.Comparison c, SqlConditions out) {
    if (c.operator() != Filter.Operator.ANY_EQUALS || !(c.value() instanceof String element))
      throw invalid(c, "'" + c.field() + "' is an array of strings; ask it with ?= 'value'.");
    FieldSql.Condition condition = sql.arrayHolds(definition.name(), target.field(), element);
    out.append(condition.sql(), condition.params().toArray());
  }

  private static ApiProblem invalid(Filter.Comparison c, String detail) {
    return FilterParser.invalid(
        "In '"
            + DocumentQuery.abbreviated(c.field())
            + " "
            + c.operator().symbol
            + " …': "
            + detail);
  }
}
