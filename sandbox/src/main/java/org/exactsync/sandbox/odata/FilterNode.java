package org.exactsync.sandbox.odata;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed OData {@code $filter} expression. Each node evaluates against one row; the whole filter keeps a row when
 * it evaluates to {@link Boolean#TRUE}.
 */
public sealed interface FilterNode {

    /** The node's value for {@code row}: a Boolean for predicates, the property or literal value otherwise. */
    Object evaluate(Map<String, Object> row);

    /** Adds every property name the expression reads, so callers can check unknown and mandatory fields. */
    void collectProperties(Set<String> into);

    /** A literal: String, Integer, Long, BigDecimal, Boolean, UUID, Instant or null. */
    record Literal(Object value) implements FilterNode {
        @Override
        public Object evaluate(Map<String, Object> row) {
            return value;
        }

        @Override
        public void collectProperties(Set<String> into) {
        }
    }

    /** A property of the entity, read from the row. */
    record Property(String name) implements FilterNode {
        @Override
        public Object evaluate(Map<String, Object> row) {
            return row.get(name);
        }

        @Override
        public void collectProperties(Set<String> into) {
            into.add(name);
        }
    }

    /** {@code left op right} with op one of eq, ne, gt, ge, lt, le. */
    record Comparison(String operator, FilterNode left, FilterNode right) implements FilterNode {
        @Override
        public Object evaluate(Map<String, Object> row) {
            return FilterValues.compare(operator, left.evaluate(row), right.evaluate(row));
        }

        @Override
        public void collectProperties(Set<String> into) {
            left.collectProperties(into);
            right.collectProperties(into);
        }
    }

    /** {@code and} / {@code or}. */
    record Logical(boolean and, FilterNode left, FilterNode right) implements FilterNode {
        @Override
        public Object evaluate(Map<String, Object> row) {
            boolean l = FilterValues.isTrue(left.evaluate(row));
            if (and) {
                return l && FilterValues.isTrue(right.evaluate(row));
            }
            return l || FilterValues.isTrue(right.evaluate(row));
        }

        @Override
        public void collectProperties(Set<String> into) {
            left.collectProperties(into);
            right.collectProperties(into);
        }
    }

    /** {@code not expr}. */
    record Not(FilterNode operand) implements FilterNode {
        @Override
        public Object evaluate(Map<String, Object> row) {
            return !FilterValues.isTrue(operand.evaluate(row));
        }

        @Override
        public void collectProperties(Set<String> into) {
            operand.collectProperties(into);
        }
    }

    /** A function call: trim, tolower, toupper, substringof, startswith, endswith. */
    record Function(String name, List<FilterNode> arguments) implements FilterNode {
        @Override
        public Object evaluate(Map<String, Object> row) {
            return FilterValues.call(name, arguments.stream().map(a -> a.evaluate(row)).toList());
        }

        @Override
        public void collectProperties(Set<String> into) {
            arguments.forEach(a -> a.collectProperties(into));
        }
    }
}
