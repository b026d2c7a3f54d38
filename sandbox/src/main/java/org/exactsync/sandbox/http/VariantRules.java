package org.exactsync.sandbox.http;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.SandboxVariants;

/**
 * Applies the HTTP-level {@link SandboxVariants} that are not a matter of query paging: the mandatory filter on
 * {@code crm/Contacts} and the rate headers on the error block's 429. Read per request, so a running sandbox can be
 * switched.
 */
final class VariantRules {

    static final String CONTACTS = "crm/Contacts";

    /**
     * The fields a {@code crm/Contacts} filter must use when mandatory filtering applies. Exact publishes the list per
     * endpoint on its reference pages; for contacts it is not in docs/exact-reference.md, so this list (the key, the
     * owning account and the identifying fields) is the sandbox's reading (docs/exact-reference.md §1.5, §5.2).
     */
    static final Set<String> CONTACT_FILTER_FIELDS = Set.of("ID", "Account", "Email", "BusinessEmail", "FirstName",
            "LastName", "FullName", "Phone", "Mobile", "Created", "Modified");

    private final Supplier<SandboxVariants> variants;

    VariantRules(Supplier<SandboxVariants> variants) {
        this.variants = variants;
    }

    /** The endpoint's rules as the current variants have them. */
    EndpointSpec spec(EndpointSpec spec) {
        if (!spec.path().equals(CONTACTS) || !variants.get().contactsFilterMandatory()
                || !spec.mandatoryFilterFields().isEmpty()) {
            return spec;
        }
        return new EndpointSpec(spec.path(), spec.keyField(), spec.keyKind(), spec.pageSize(), spec.selectRequired(),
                CONTACT_FILTER_FIELDS, spec.timestampFilterOnly(), spec.unsupportedFilterFields(), spec.methods(),
                spec.metadataType());
    }

    /** Strips the rate-limit headers from the error block's answer when the current variant leaves them out (docs/exact-reference.md §3.5). */
    void errorBlockHeaders(Map<String, String> headers) {
        if (!variants.get().errorBlockRateHeaders()) {
            headers.keySet().removeIf(h -> h.startsWith("X-RateLimit-"));
        }
    }
}
