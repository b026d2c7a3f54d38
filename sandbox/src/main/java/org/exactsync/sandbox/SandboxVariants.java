package org.exactsync.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The points where {@code docs/exact-reference.md} cannot tell what Exact does, one switch each, so a client can be
 * tested under both readings. {@link #strict()} (the default of every sandbox) picks the reading that is harder on a
 * client; {@link #lenient()} the other one. Changeable at run time through {@code ExactSandbox.useVariants}.
 *
 * @param topShape                 the answer to a request with {@code $top} (docs/exact-reference.md §1.8)
 * @param contactsFilterMandatory  {@code crm/Contacts} refuses a GET without a {@code $filter} on its whitelist
 *                                 (docs/exact-reference.md §1.5, §5.2: mandatory filtering applies to endpoints with a sync counterpart; recorded
 *                                 answers show unfiltered GETs served)
 * @param errorBlockRateHeaders    the 429 of the error block (docs/exact-reference.md §3.5) carries the {@code X-RateLimit-*} headers; when
 *                                 false it carries none, so a client cannot tell it from the headers alone
 * @param oldRefreshTokenStatus    status of "Old refresh token used." (docs/exact-reference.md §2.5): 400 (as Invantive saw it) or 401 (picqer)
 */
public record SandboxVariants(
        TopShape topShape,
        boolean contactsFilterMandatory,
        boolean errorBlockRateHeaders,
        int oldRefreshTokenStatus) {

    /** How a GET with {@code $top} is answered (docs/exact-reference.md §1.8). */
    public enum TopShape {
        /**
         * As recorded from live divisions: {@code $top} up to the page size answers the bare {@code {"d":[…]}};
         * a larger {@code $top} answers {@code d.results} with one page and a {@code __next} carrying the rest of the
         * cap. A client meets both shapes on one endpoint.
         */
        RECORDED,
        /** As one source states it: every {@code $top} answers the bare array, capped at the page size, no {@code __next}. */
        BARE_CAPPED
    }

    public SandboxVariants {
        if (topShape == null) {
            throw new IllegalArgumentException("topShape");
        }
        if (oldRefreshTokenStatus != 400 && oldRefreshTokenStatus != 401) {
            throw new IllegalArgumentException("oldRefreshTokenStatus must be 400 or 401");
        }
    }

    /** The harder reading of every point: the default of every sandbox and of the connector's tests. */
    public static SandboxVariants strict() {
        return new SandboxVariants(TopShape.RECORDED, true, false, 400);
    }

    /** The other reading of every point. */
    public static SandboxVariants lenient() {
        return new SandboxVariants(TopShape.BARE_CAPPED, false, true, 401);
    }

    /** Both presets: together they cover each variant of each point once. */
    public static List<SandboxVariants> all() {
        return List.of(strict(), lenient());
    }

    public SandboxVariants withTopShape(TopShape shape) {
        return new SandboxVariants(shape, contactsFilterMandatory, errorBlockRateHeaders, oldRefreshTokenStatus);
    }

    public SandboxVariants withContactsFilterMandatory(boolean mandatory) {
        return new SandboxVariants(topShape, mandatory, errorBlockRateHeaders, oldRefreshTokenStatus);
    }

    public SandboxVariants withErrorBlockRateHeaders(boolean present) {
        return new SandboxVariants(topShape, contactsFilterMandatory, present, oldRefreshTokenStatus);
    }

    public SandboxVariants withOldRefreshTokenStatus(int status) {
        return new SandboxVariants(topShape, contactsFilterMandatory, errorBlockRateHeaders, status);
    }

    /**
     * Reads the switches from environment variables, each optional, starting from {@link #strict()}:
     * {@code EXACT_SANDBOX_VARIANTS} ({@code strict}|{@code lenient}) then {@code EXACT_SANDBOX_TOP_SHAPE}
     * ({@code recorded}|{@code bare_capped}), {@code EXACT_SANDBOX_CONTACTS_FILTER} ({@code mandatory}|{@code optional}),
     * {@code EXACT_SANDBOX_BLOCK_HEADERS} ({@code absent}|{@code present}),
     * {@code EXACT_SANDBOX_OLD_REFRESH_STATUS} ({@code 400}|{@code 401}).
     */
    public static SandboxVariants fromEnvironment(Map<String, String> env) {
        String preset = env.getOrDefault("EXACT_SANDBOX_VARIANTS", "strict").trim().toLowerCase(Locale.ROOT);
        SandboxVariants v = switch (preset) {
            case "strict" -> strict();
            case "lenient" -> lenient();
            default -> throw new IllegalArgumentException("EXACT_SANDBOX_VARIANTS: strict or lenient, not " + preset);
        };
        String top = env.get("EXACT_SANDBOX_TOP_SHAPE");
        if (top != null) {
            v = v.withTopShape(TopShape.valueOf(top.trim().toUpperCase(Locale.ROOT)));
        }
        String contacts = env.get("EXACT_SANDBOX_CONTACTS_FILTER");
        if (contacts != null) {
            v = v.withContactsFilterMandatory(choice(contacts, "mandatory", "optional", "EXACT_SANDBOX_CONTACTS_FILTER"));
        }
        String headers = env.get("EXACT_SANDBOX_BLOCK_HEADERS");
        if (headers != null) {
            v = v.withErrorBlockRateHeaders(choice(headers, "present", "absent", "EXACT_SANDBOX_BLOCK_HEADERS"));
        }
        String status = env.get("EXACT_SANDBOX_OLD_REFRESH_STATUS");
        if (status != null) {
            v = v.withOldRefreshTokenStatus(Integer.parseInt(status.trim()));
        }
        return v;
    }

    private static boolean choice(String value, String yes, String no, String name) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals(yes)) {
            return true;
        }
        if (v.equals(no)) {
            return false;
        }
        throw new IllegalArgumentException(name + ": " + yes + " or " + no + ", not " + value);
    }
}
