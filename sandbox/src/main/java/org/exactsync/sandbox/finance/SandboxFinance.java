package org.exactsync.sandbox.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxContext;

/**
 * The finance test hooks of a running {@link ExactSandbox}, by division number. Each call runs under the division
 * lock through {@link ExactSandbox#inDivision}, so the changes it publishes reach webhook subscribers afterwards,
 * exactly like an API write.
 *
 * <pre>{@code
 * SandboxFinance finance = SandboxFinance.of(exact);
 * finance.registerPaymentByYourRef(100001, "CRM-2026-0042", new BigDecimal("60.50"), LocalDate.of(2026, 12, 1));
 * finance.webhooks().faults().dropNext(1);
 * }</pre>
 */
public final class SandboxFinance {

    private final ExactSandbox sandbox;
    private final FinanceOptions options;

    private SandboxFinance(ExactSandbox sandbox, FinanceOptions options) {
        this.sandbox = sandbox;
        this.options = options;
    }

    /** For a sandbox whose finance sets use {@link FinanceOptions#defaults()}. */
    public static SandboxFinance of(ExactSandbox sandbox) {
        return new SandboxFinance(sandbox, FinanceOptions.defaults());
    }

    /** For a sandbox whose finance sets were registered with {@code options}. */
    public static SandboxFinance of(ExactSandbox sandbox, FinanceOptions options) {
        return new SandboxFinance(sandbox, options);
    }

    public PaymentResult registerPayment(int division, UUID entryId, BigDecimal amount, LocalDate date) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).registerPayment(d, entryId, amount, date));
    }

    public PaymentResult registerPaymentByYourRef(int division, String yourRef, BigDecimal amount, LocalDate date) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).registerPaymentByYourRef(d, yourRef, amount, date));
    }

    public PaymentResult payInFull(int division, UUID entryId, LocalDate date) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).payInFull(d, entryId, date));
    }

    public BigDecimal settleWithCreditNote(int division, UUID invoiceEntryId, UUID creditNoteEntryId,
            LocalDate date) {
        return sandbox.inDivision(division,
                (d, c) -> hooks(c).settleWithCreditNote(d, invoiceEntryId, creditNoteEntryId, date));
    }

    public Map<String, Object> bookSalesEntry(int division, Map<String, Object> body) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).bookSalesEntry(d, body));
    }

    public Map<String, Object> bookPurchaseEntry(int division, Map<String, Object> body) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).bookPurchaseEntry(d, body));
    }

    public Map<String, Object> bookPurchaseOnCostCenter(int division, String journal, UUID supplier, UUID glAccount,
            String costCenter, BigDecimal amountExVat, String vatCode, LocalDate date, String yourRef) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).bookPurchaseOnCostCenter(d, journal, supplier,
                glAccount, costCenter, amountExVat, vatCode, date, yourRef));
    }

    public void correctSalesLine(int division, UUID entryId, BigDecimal amountFC, BigDecimal vatAmountFC) {
        sandbox.inDivision(division, (d, c) -> {
            hooks(c).correctSalesLine(d, entryId, amountFC, vatAmountFC);
            return null;
        });
    }

    public void changeSalesEntry(int division, UUID entryId, Map<String, Object> fields) {
        sandbox.inDivision(division, (d, c) -> {
            hooks(c).changeSalesEntry(d, entryId, fields);
            return null;
        });
    }

    public void deleteEntry(int division, UUID entryId) {
        sandbox.inDivision(division, (d, c) -> {
            hooks(c).deleteEntry(d, entryId);
            return null;
        });
    }

    /** Regenerates every sync family's timestamps and sets the division profile's {@code DivisionMoveDate}. */
    public long moveDivision(int division, Instant moveDate) {
        long base = sandbox.inDivision(division, (d, c) -> hooks(c).moveDivision(d, moveDate));
        sandbox.profile(division).ifPresent(p -> sandbox.updateProfile(p.withDivisionMoveDate(moveDate)));
        return base;
    }

    public List<UUID> seedOpenItems(int division, int count, UUID customer, BigDecimal amountExVat, String vatCode,
            LocalDate entryDate, String yourRefPrefix) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).seedOpenItems(d, count, customer, amountExVat,
                vatCode, entryDate, yourRefPrefix));
    }

    public Optional<Map<String, Object>> paymentTerm(int division, UUID entryId) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).paymentTerm(d, entryId));
    }

    public List<Map<String, Object>> transactionLines(int division, UUID entryId) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).transactionLines(d, entryId));
    }

    public List<Map<String, Object>> openReceivables(int division) {
        return sandbox.inDivision(division, (d, c) -> hooks(c).openReceivables(d));
    }

    /** Webhook delivery of this sandbox: recorded calls and drop/duplicate faults. */
    public WebhookDispatcher webhooks() {
        return sandbox.entitySet(FinanceTables.WEBHOOK_SUBSCRIPTIONS)
                .filter(WebhookSubscriptionSet.class::isInstance)
                .map(set -> ((WebhookSubscriptionSet) set).dispatcher())
                .orElseThrow(() -> new IllegalStateException("webhook subscriptions are not registered"));
    }

    private FinanceHooks hooks(SandboxContext context) {
        return new FinanceHooks(context, options);
    }
}
