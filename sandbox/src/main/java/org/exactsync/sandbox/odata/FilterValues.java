package org.exactsync.sandbox.odata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.exactsync.sandbox.ExactFault;

/** Comparison and function semantics of the sandbox's {@code $filter}, kept strict where OData is strict. */
final class FilterValues {

    private FilterValues() {
    }

    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    static Boolean compare(String operator, Object left, Object right) {
        if (left == null || right == null) {
            // OData null semantics: only eq/ne are meaningful, ordering against null is false.
            return switch (operator) {
                case "eq" -> left == right;
                case "ne" -> left != right;
                default -> false;
            };
        }
        int order = order(operator, left, right);
        return switch (operator) {
            case "eq" -> order == 0;
            case "ne" -> order != 0;
            case "gt" -> order > 0;
            case "ge" -> order >= 0;
            case "lt" -> order < 0;
            case "le" -> order <= 0;
            default -> throw ExactFault.badRequest("Unknown operator '" + operator + "'.");
        };
    }

    private static int order(String operator, Object left, Object right) {
        if (isNumber(left) && isNumber(right)) {
            return decimal(left).compareTo(decimal(right));
        }
        if (left instanceof String l && right instanceof String r) {
            return Integer.signum(l.compareTo(r));
        }
        if (left instanceof Instant l && right instanceof Instant r) {
            return l.compareTo(r);
        }
        if (left instanceof UUID l && right instanceof UUID r) {
            return l.compareTo(r);
        }
        if (left instanceof Boolean l && right instanceof Boolean r) {
            return Boolean.compare(l, r);
        }
        // A client that forgets guid'…' or datetime'…' gets what Exact's OData layer answers: a 400, not silence.
        throw ExactFault.badRequest("Operator '" + operator + "' incompatible with operand types '"
                + edmType(left) + "' and '" + edmType(right) + "'.");
    }

    private static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigDecimal
                || value instanceof Short || value instanceof Byte || value instanceof Double;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    static String edmType(Object value) {
        if (value instanceof String) {
            return "Edm.String";
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return "Edm.Int32";
        }
        if (value instanceof Long) {
            return "Edm.Int64";
        }
        if (value instanceof BigDecimal || value instanceof Double) {
            return "Edm.Double";
        }
        if (value instanceof Boolean) {
            return "Edm.Boolean";
        }
        if (value instanceof UUID) {
            return "Edm.Guid";
        }
        if (value instanceof Instant) {
            return "Edm.DateTime";
        }
        return value.getClass().getSimpleName();
    }

    static Object call(String name, List<Object> args) {
        switch (name) {
            case "trim", "tolower", "toupper" -> {
                requireArgs(name, args, 1);
                Object arg = args.get(0);
                if (arg == null) {
                    return null;
                }
                String text = string(name, arg);
                return switch (name) {
                    case "trim" -> text.trim();
                    case "tolower" -> text.toLowerCase(Locale.ROOT);
                    default -> text.toUpperCase(Locale.ROOT);
                };
            }
            case "substringof" -> {
                requireArgs(name, args, 2);
                // OData v2 order: substringof(needle, haystack).
                if (args.get(0) == null || args.get(1) == null) {
                    return false;
                }
                return string(name, args.get(1)).contains(string(name, args.get(0)));
            }
            case "startswith", "endswith" -> {
                requireArgs(name, args, 2);
                if (args.get(0) == null || args.get(1) == null) {
                    return false;
                }
                String text = string(name, args.get(0));
                String affix = string(name, args.get(1));
                return name.equals("startswith") ? text.startsWith(affix) : text.endsWith(affix);
            }
            default -> throw ExactFault.badRequest("Unknown function '" + name + "'.");
        }
    }

    private static void requireArgs(String name, List<Object> args, int count) {
        if (args.size() != count) {
            throw ExactFault.badRequest("No function signature for the function with name '" + name
                    + "' matches the specified arguments.");
        }
    }

    private static String string(String function, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw ExactFault.badRequest("No function signature for the function with name '" + function
                + "' matches the specified arguments.");
    }
}
