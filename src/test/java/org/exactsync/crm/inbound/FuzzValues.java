package org.exactsync.crm.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Random;

/** Random values for the contract fuzzer: text in several scripts, and JSON values of every type but one. */
final class FuzzValues {

    /** Latin with accents, Greek, CJK, an emoji (two UTF-16 units, one code point) and punctuation. */
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèëïöüçñßøåÉΩλ中文字😀 -.'&/";

    private FuzzValues() {
    }

    /** A string of exactly {@code codePoints} code points, never blank. */
    static String text(Random random, int codePoints) {
        StringBuilder out = new StringBuilder();
        int[] points = ALPHABET.codePoints().toArray();
        for (int i = 0; i < codePoints; i++) {
            int point = points[random.nextInt(points.length)];
            if (i == 0 && point == ' ') {
                point = 'x';
            }
            out.appendCodePoint(point);
        }
        return out.toString();
    }

    /** A string of {@code min}..{@code max} code points. */
    static String text(Random random, int min, int max) {
        return text(random, min + random.nextInt(max - min + 1));
    }

    /** Digits only, {@code length} of them. */
    static String digits(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    /** A JSON value that is not a string (number, boolean, array or object). */
    static JsonNode notText(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(4)) {
            case 0 -> nodes.numberNode(random.nextInt(100_000));
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.arrayNode().add(text(random, 1, 5));
            default -> nodes.objectNode().put("value", text(random, 1, 5));
        };
    }

    /** A JSON value that is not an object (string, number, boolean or array). */
    static JsonNode notObject(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(4)) {
            case 0 -> nodes.textNode(text(random, 1, 10));
            case 1 -> nodes.numberNode(random.nextDouble());
            case 2 -> nodes.booleanNode(random.nextBoolean());
            default -> nodes.arrayNode();
        };
    }

    /** A JSON value that is not an array (string, number, boolean or object). */
    static JsonNode notArray(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(4)) {
            case 0 -> nodes.textNode(text(random, 1, 10));
            case 1 -> nodes.numberNode(random.nextInt());
            case 2 -> nodes.booleanNode(random.nextBoolean());
            default -> nodes.objectNode();
        };
    }

    /** One of {@code options}. */
    @SafeVarargs
    static <T> T oneOf(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }
}
