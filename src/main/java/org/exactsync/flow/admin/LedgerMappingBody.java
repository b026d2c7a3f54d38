package org.exactsync.flow.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Map;

/**
 * A division's ledger mapping as the admin route reads and writes it.
 *
 * @param salesJournal          journal code of the division's sales journal, e.g. {@code 70}
 * @param revenueAccounts       CRM revenue account → GL account code
 * @param vatCodes              {@code <vatCategory>|<rate>} (e.g. {@code standard|21}) → VAT code
 * @param defaultRevenueAccount GL code for revenue accounts without an entry, or null (then they are refused)
 * @param defaultPaymentCondition payment condition code for invoices whose due date and relation give none, or null
 *                              (then such invoices wait for it)
 * @param version               the stored version this edit replaces (0 or absent for the first); a stale one is 409
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LedgerMappingBody(String salesJournal, Map<String, String> revenueAccounts, Map<String, String> vatCodes,
        String defaultRevenueAccount, String defaultPaymentCondition, Long version) {
}
