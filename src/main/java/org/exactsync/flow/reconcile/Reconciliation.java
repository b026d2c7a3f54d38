package org.exactsync.flow.reconcile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.invoice.InvoiceMappingValues;
import org.exactsync.mapping.BookedInvoice;
import org.exactsync.mapping.DriftRule;
import org.exactsync.mapping.ExactEntryState;
import org.exactsync.mapping.InvoiceDrift;
import org.exactsync.mapping.RelationDrift;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.jboss.logging.Logger;

/**
 * The reconciliation (drift) run of one tenant's division and period: every invoice the connector booked with an
 * entry date in the period against its sales entry in Exact, and every linked relation against its account.
 * Read-only; Exact calls: one paged GET of the period's entries (lines expanded), one GET per 40 entries missing
 * from it, one GET per 40 linked relations.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);

    private final MappingStore mappings;
    private final SalesEntryReader entries;
    private final AccountReader accounts;

    @Inject
    public Reconciliation(ExactOnline exact, MappingStore mappings) {
        this.mappings = mappings;
        this.entries = new SalesEntryReader(exact);
        this.accounts = new AccountReader(exact);
    }

    /** Compares the division's booked invoices of [from, to] and its linked relations with Exact. */
    public ReconciliationReport run(ExactTarget target, String tenant, LocalDate from, LocalDate to) {
        int division = target.division();
        List<BookedInvoice> booked = new ArrayList<>();
        TreeSet<String> journals = new TreeSet<>();
        for (MappingRecord mapping : mappings.findAll(tenant, division, EntityKind.INVOICE)) {
            Map<String, String> sent = mapping.sentValues();
            if (InvoiceMappingValues.isBooked(mapping)
                    && inPeriod(sent.get(InvoiceMappingValues.ENTRY_DATE), from, to)) {
                booked.add(bookedInvoice(mapping));
                journals.add(sent.get(InvoiceMappingValues.JOURNAL));
            }
        }
        List<InvoiceDrift> invoiceDrift = booked.isEmpty() ? List.of() : invoices(target, booked, journals, from, to);
        List<MappingRecord> relations = linkedRelations(tenant, division);
        List<RelationDrift> relationDrift = relations(target, relations);
        ReconciliationReport report = new ReconciliationReport(tenant, division, from.toString(), to.toString(),
                booked.size(), relations.size(), invoiceDrift.size(), relationDrift.size(), invoiceDrift,
                relationDrift);
        LOG.infof("reconciliation of tenant %s division %d %s..%s: %d invoices, %d relations, %d + %d findings",
                tenant, division, from, to, report.invoicesChecked(), report.relationsChecked(),
                report.invoiceFindings(), report.relationFindings());
        return report;
    }

    private List<InvoiceDrift> invoices(ExactTarget target, List<BookedInvoice> booked, TreeSet<String> journals,
            LocalDate from, LocalDate to) {
        Map<String, ExactEntryState> found = new LinkedHashMap<>(entries.inPeriod(target, journals, from, to));
        List<String> missing = booked.stream().map(BookedInvoice::entryId).filter(id -> !found.containsKey(id))
                .toList();
        if (!missing.isEmpty()) {
            // Gone from the period's list: deleted, or moved to another date or journal by a bookkeeper.
            found.putAll(entries.byIds(target, missing));
        }
        List<InvoiceDrift> drift = new ArrayList<>();
        for (BookedInvoice invoice : booked) {
            drift.addAll(DriftRule.invoice(invoice, Optional.ofNullable(found.get(invoice.entryId()))));
        }
        return drift;
    }

    private List<MappingRecord> linkedRelations(String tenant, int division) {
        return mappings.findAll(tenant, division, EntityKind.RELATION).stream()
                .filter(m -> m.exactId() != null && !m.sentValues().isEmpty()).toList();
    }

    private List<RelationDrift> relations(ExactTarget target, List<MappingRecord> relations) {
        if (relations.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> found = accounts.byIds(target,
                relations.stream().map(m -> m.exactId().toLowerCase()).distinct().toList());
        List<RelationDrift> drift = new ArrayList<>();
        for (MappingRecord relation : relations) {
            String accountId = relation.exactId().toLowerCase();
            DriftRule.relation(relation.key().crmId(), accountId, relation.sentValues(),
                    Optional.ofNullable(found.get(accountId))).ifPresent(drift::add);
        }
        return drift;
    }

    private static BookedInvoice bookedInvoice(MappingRecord mapping) {
        Map<String, String> sent = mapping.sentValues();
        String gl = sent.getOrDefault(InvoiceMappingValues.GL_ACCOUNTS, "");
        return new BookedInvoice(mapping.key().crmId(), mapping.exactId().toLowerCase(),
                sent.getOrDefault(InvoiceMappingValues.ACCOUNT_ID, "").toLowerCase(),
                amount(sent.get(InvoiceMappingValues.TOTAL_EXCL_VAT)), amount(sent.get(InvoiceMappingValues.TOTAL_VAT)),
                gl.isBlank() ? List.of() : Arrays.asList(gl.split(",")));
    }

    private static BigDecimal amount(String text) {
        return text == null ? BigDecimal.ZERO : new BigDecimal(text);
    }

    private static boolean inPeriod(String entryDate, LocalDate from, LocalDate to) {
        if (entryDate == null) {
            return false;
        }
        LocalDate date = LocalDate.parse(entryDate);
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
