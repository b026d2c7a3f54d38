package org.exactsync.store.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Conversions between attribute values and Java values; instants are epoch millis except the TTL attribute. */
final class Items {

    private Items() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue millis(Instant instant) {
        return n(instant.toEpochMilli());
    }

    static AttributeValue epochSeconds(Instant instant) {
        return n(instant.getEpochSecond());
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue ints(List<Integer> values) {
        // A list, not a number set: sets cannot be empty and lose order (default divisions keep the admin's order).
        List<AttributeValue> list = new ArrayList<>(values.size());
        for (Integer value : values) {
            list.add(n(value));
        }
        return AttributeValue.fromL(list);
    }

    static AttributeValue strings(Collection<String> values) {
        // A list, not a string set: sets cannot be empty and lose order.
        return AttributeValue.fromL(values.stream().map(Items::s).toList());
    }

    static List<String> strList(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        List<String> result = new ArrayList<>();
        if (value != null && value.hasL()) {
            value.l().forEach(element -> result.add(element.s()));
        }
        return result;
    }

    static AttributeValue stringMap(Map<String, String> values) {
        Map<String, AttributeValue> map = new HashMap<>();
        values.forEach((k, v) -> map.put(k, s(v)));
        return AttributeValue.fromM(map);
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static long num(Map<String, AttributeValue> item, String name, long absent) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? absent : Long.parseLong(value.n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }

    static Instant instantFromSeconds(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Instant.ofEpochSecond(Long.parseLong(value.n()));
    }

    static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static List<Integer> intList(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        List<Integer> result = new ArrayList<>();
        if (value != null && value.hasL()) {
            for (AttributeValue element : value.l()) {
                result.add(Integer.parseInt(element.n()));
            }
        }
        return result;
    }

    static Map<String, String> strMap(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        Map<String, String> result = new HashMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((k, v) -> result.put(k, v.s()));
        }
        return result;
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableLayout.PK, s(pk), TableLayout.SK, s(sk));
    }
}
