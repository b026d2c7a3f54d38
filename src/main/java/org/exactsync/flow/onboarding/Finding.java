package org.exactsync.flow.onboarding;

import java.util.List;

/**
 * One problem in the onboarding report, naming the records on both sides (values are left out: the records are
 * looked up by id and number) and what to do about it.
 *
 * @param kind        what is wrong
 * @param crmRelation the CRM relation's id, or null when only Exact accounts are involved
 * @param accounts    the Exact relation numbers involved (sorted), empty when only the CRM relation is
 * @param detail      which fields or rule, without their values
 * @param action      what the operator or bookkeeper should do
 */
public record Finding(Kind kind, String crmRelation, List<String> accounts, String detail, String action) {

    /** The kinds of findings, in the order the report lists them. */
    public enum Kind {
        AMBIGUOUS_MATCH, DUPLICATE_ACCOUNTS, INVALID_VAT, MISSING_ADDRESS, FIELDS_DIFFER, BLOCKED_ACCOUNT_IN_USE
    }

    public Finding {
        accounts = List.copyOf(accounts);
    }
}
