package org.exactsync.store.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds one UpdateItem request. Every attribute goes through a {@code #name} placeholder (several of ours, such as
 * {@code status}, are DynamoDB reserved words), and only placeholders actually used are sent, because DynamoDB rejects
 * unused ones.
 */
final class Update {

    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private final List<String> removes = new ArrayList<>();
    private final List<String> adds = new ArrayList<>();
    private String condition;

    /** {@code SET attr = value}. */
    Update set(String attr, AttributeValue value) {
        sets.add(name(attr) + " = " + value(attr, value));
        return this;
    }

    /** {@code SET attr = value}, or {@code REMOVE attr} when value is null (absent rather than a null attribute). */
    Update setOrRemove(String attr, AttributeValue value) {
        return value == null ? remove(attr) : set(attr, value);
    }

    /** {@code SET attr = if_not_exists(attr, value)}: written once, then kept. */
    Update setIfAbsent(String attr, AttributeValue value) {
        String n = name(attr);
        sets.add(n + " = if_not_exists(" + n + ", " + value(attr, value) + ")");
        return this;
    }

    /** {@code SET version = if_not_exists(version, 0) + 1}. */
    Update incrementFromZero(String attr) {
        String n = name(attr);
        sets.add(n + " = if_not_exists(" + n + ", " + value("zero", Items.n(0)) + ") + " + value("one", Items.n(1)));
        return this;
    }

    /** {@code SET attr = attr + 1} (the attribute must exist, which the caller's condition guarantees). */
    Update increment(String attr) {
        String n = name(attr);
        sets.add(n + " = " + n + " + " + value("one", Items.n(1)));
        return this;
    }

    /** {@code ADD attr value}: an atomic counter that starts from 0. */
    Update add(String attr, AttributeValue value) {
        adds.add(name(attr) + " " + value("add_" + attr, value));
        return this;
    }

    Update remove(String attr) {
        removes.add(name(attr));
        return this;
    }

    /**
     * The condition; attributes in it are written {@code #attr} and registered through {@code attrs}, values are
     * written {@code :placeholder} and registered with {@link #bind}.
     */
    Update condition(String expression, String... attrs) {
        for (String attr : attrs) {
            name(attr);
        }
        this.condition = expression;
        return this;
    }

    Update bind(String placeholder, AttributeValue value) {
        values.put(placeholder, value);
        return this;
    }

    UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
        StringBuilder expression = new StringBuilder();
        if (!sets.isEmpty()) {
            expression.append("SET ").append(String.join(", ", sets));
        }
        if (!removes.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
        }
        if (!adds.isEmpty()) {
            expression.append(expression.isEmpty() ? "" : " ").append("ADD ").append(String.join(", ", adds));
        }
        UpdateItemRequest.Builder builder = UpdateItemRequest.builder()
                .tableName(table)
                .key(key)
                .updateExpression(expression.toString())
                .expressionAttributeNames(names)
                .returnValues(ReturnValue.ALL_NEW);
        if (!values.isEmpty()) {
            builder.expressionAttributeValues(values);
        }
        if (condition != null) {
            builder.conditionExpression(condition);
        }
        return builder.build();
    }

    private String name(String attr) {
        String placeholder = "#" + attr;
        names.put(placeholder, attr);
        return placeholder;
    }

    private String value(String attr, AttributeValue value) {
        String placeholder = ":" + attr;
        values.put(placeholder, value);
        return placeholder;
    }
}
