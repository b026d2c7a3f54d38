package org.exactsync.sandbox.odata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.ExactValues;

/**
 * Recursive-descent parser for the {@code $filter} subset Exact clients use (docs/exact-reference.md §1.5–1.6):
 * comparisons, {@code and}/{@code or}/{@code not}, parentheses, the literal forms {@code guid'…'},
 * {@code datetime'…'}, {@code 123L}, integers, decimals, booleans, {@code null} and strings with {@code ''} escaping,
 * and the functions {@code trim}, {@code tolower}, {@code toupper}, {@code substringof}, {@code startswith},
 * {@code endswith}. Anything else is a 400, as Exact's OData layer answers.
 */
public final class FilterParser {

    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "gt", "ge", "lt", "le");
    private static final Set<String> FUNCTIONS =
            Set.of("trim", "tolower", "toupper", "substringof", "startswith", "endswith");

    private final String text;
    private int pos;

    private FilterParser(String text) {
        this.text = text;
    }

    /** Parses a whole {@code $filter} value. */
    public static FilterNode parse(String filter) {
        FilterParser parser = new FilterParser(filter);
        parser.skipSpace();
        if (parser.atEnd()) {
            throw parser.syntaxError();
        }
        FilterNode node = parser.parseOr();
        parser.skipSpace();
        if (!parser.atEnd()) {
            throw parser.syntaxError();
        }
        return node;
    }

    private FilterNode parseOr() {
        FilterNode left = parseAnd();
        while (acceptKeyword("or")) {
            left = new FilterNode.Logical(false, left, parseAnd());
        }
        return left;
    }

    private FilterNode parseAnd() {
        FilterNode left = parseUnary();
        while (acceptKeyword("and")) {
            left = new FilterNode.Logical(true, left, parseUnary());
        }
        return left;
    }

    private FilterNode parseUnary() {
        if (acceptKeyword("not")) {
            return new FilterNode.Not(parseUnary());
        }
        FilterNode left = parsePrimary();
        skipSpace();
        int mark = pos;
        String word = readWord();
        if (word != null && COMPARISONS.contains(word)) {
            FilterNode right = parsePrimary();
            return new FilterNode.Comparison(word, left, right);
        }
        pos = mark;
        return left;
    }

    private FilterNode parsePrimary() {
        skipSpace();
        if (atEnd()) {
            throw syntaxError();
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            FilterNode inner = parseOr();
            expect(')');
            return inner;
        }
        if (c == '\'') {
            return new FilterNode.Literal(readQuoted());
        }
        if (c == '-' || Character.isDigit(c)) {
            return new FilterNode.Literal(readNumber());
        }
        int start = pos;
        String word = readWord();
        if (word == null) {
            throw syntaxError();
        }
        if (pos < text.length() && text.charAt(pos) == '\'') {
            return new FilterNode.Literal(typedLiteral(word, start));
        }
        switch (word) {
            case "true" -> {
                return new FilterNode.Literal(Boolean.TRUE);
            }
            case "false" -> {
                return new FilterNode.Literal(Boolean.FALSE);
            }
            case "null" -> {
                return new FilterNode.Literal(null);
            }
            default -> {
            }
        }
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '(') {
            if (!FUNCTIONS.contains(word)) {
                throw ExactFault.badRequest("Unknown function '" + word + "' at position " + start + ".");
            }
            pos++;
            List<FilterNode> args = new ArrayList<>();
            skipSpace();
            if (!peek(')')) {
                args.add(parseOr());
                while (peek(',')) {
                    pos++;
                    args.add(parseOr());
                }
            }
            expect(')');
            return new FilterNode.Function(word, List.copyOf(args));
        }
        if (COMPARISONS.contains(word) || word.equals("and") || word.equals("or") || word.equals("not")) {
            throw syntaxError(start);
        }
        return new FilterNode.Property(word);
    }

    private Object typedLiteral(String prefix, int start) {
        String body = readQuoted();
        switch (prefix.toLowerCase()) {
            case "guid" -> {
                try {
                    if (body.length() != 36) {
                        throw new IllegalArgumentException(body);
                    }
                    return UUID.fromString(body);
                } catch (IllegalArgumentException e) {
                    throw ExactFault.badRequest("Unrecognized 'Edm.Guid' literal 'guid'" + body + "'' at '" + start
                            + "' in '" + text + "'.");
                }
            }
            case "datetime" -> {
                try {
                    return ExactValues.parseDate(body, "datetime");
                } catch (ExactFault e) {
                    throw ExactFault.badRequest("Unrecognized 'Edm.DateTime' literal 'datetime'" + body + "'' at '"
                            + start + "' in '" + text + "'.");
                }
            }
            default -> throw syntaxError(start);
        }
    }

    private String readQuoted() {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                if (pos < text.length() && text.charAt(pos) == '\'') {
                    out.append('\'');
                    pos++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
        throw ExactFault.badRequest("There is an unterminated string literal at position " + pos + " in '" + text
                + "'.");
    }

    private Object readNumber() {
        int start = pos;
        if (text.charAt(pos) == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            pos++;
        }
        String digits = text.substring(start, pos);
        char suffix = pos < text.length() ? text.charAt(pos) : ' ';
        try {
            if (suffix == 'L' || suffix == 'l') {
                pos++;
                return Long.parseLong(digits);
            }
            if (suffix == 'M' || suffix == 'm' || suffix == 'D' || suffix == 'd') {
                pos++;
                return new BigDecimal(digits);
            }
            if (digits.contains(".")) {
                return new BigDecimal(digits);
            }
            long value = Long.parseLong(digits);
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return (int) value;
            }
            return value;
        } catch (NumberFormatException e) {
            throw syntaxError(start);
        }
    }

    private String readWord() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '/' || c == '.') {
                pos++;
            } else {
                break;
            }
        }
        return pos == start ? null : text.substring(start, pos);
    }

    private boolean acceptKeyword(String keyword) {
        skipSpace();
        int mark = pos;
        String word = readWord();
        if (keyword.equals(word)) {
            return true;
        }
        pos = mark;
        return false;
    }

    private void expect(char c) {
        skipSpace();
        if (!peek(c)) {
            throw syntaxError();
        }
        pos++;
    }

    private boolean peek(char c) {
        skipSpace();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private ExactFault syntaxError() {
        return syntaxError(pos);
    }

    private ExactFault syntaxError(int at) {
        return ExactFault.badRequest("Syntax error at position " + at + " in '" + text + "'.");
    }
}
