package org.exactsync.mapping;

/**
 * One finding of a ledger-mapping check, in words a bookkeeper can act on.
 *
 * @param item     what it is about: {@code salesJournal}, {@code revenueAccounts.<crm account>},
 *                 {@code vatCodes.<category>|<rate>}, {@code defaultRevenueAccount}
 * @param severity {@code error}: invoices that use it are refused; {@code warning}: invoices of that kind will be
 *                 refused until it is mapped
 * @param message  what is wrong
 */
public record MappingFinding(String item, String severity, String message) {

    static MappingFinding error(String item, String message) {
        return new MappingFinding(item, "error", message);
    }

    static MappingFinding warning(String item, String message) {
        return new MappingFinding(item, "warning", message);
    }
}
