package org.exactsync.flow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.mapping.PaymentStatus;
import org.exactsync.mapping.PaymentStatusRule;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.exactsync.store.PaymentStateKey;
import org.exactsync.store.PaymentStateRecord;
import org.exactsync.store.PaymentStateStore;
import org.jboss.logging.Logger;

/**
 * Applies observed payment terms to the booked invoices they belong to and tells the CRM what changed. A credit
 * note's term counts towards the invoice it credits; every other document's term is its own status. Rows of entries
 * the connector did not book are ignored. No Exact call is made here.
 */
@ApplicationScoped
public class PaymentStatusUpdater {

    private static final Logger LOG = Logger.getLogger(PaymentStatusUpdater.class);
    /** From this many rows on, the division's invoice mappings are read in one paged query instead of one by one. */
    private static final int BULK_LOOKUP_FROM = 100;
    private static final int SAVE_ATTEMPTS = 5;

    private final MappingStore mappings;
    private final PaymentStateStore states;
    private final Callbacks callbacks;

    public PaymentStatusUpdater(MappingStore mappings, PaymentStateStore states, Callbacks callbacks) {
        this.mappings = mappings;
        this.states = states;
        this.callbacks = callbacks;
    }

    /** Applies the rows (in feed order) and returns how many callbacks were sent. */
    public int apply(String tenant, int division, List<PaymentTermRow> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        DocumentLookup documents = lookup(tenant, division, rows);
        Map<String, Observation> byOwner = new LinkedHashMap<>();
        for (PaymentTermRow row : rows) {
            Optional<BookedInvoice> document = documents.byEntry(row.entryId());
            if (document.isEmpty()) {
                continue;
            }
            BookedInvoice doc = document.get();
            Observation observation = byOwner.computeIfAbsent(doc.statusOwner(), owner -> new Observation());
            BigDecimal open = PaymentStatusRule.openOf(row.amountDc(), row.fullyPaid());
            if (doc.statusOwner().equals(doc.invoiceId())) {
                observation.owner = doc;
                observation.open = open;
                observation.lastPaymentDate = row.lastPaymentDate();
            } else {
                observation.credits.put(doc.invoiceId(), PaymentStatusRule.settledOf(doc.totalInclVat(), open));
            }
        }
        int sent = 0;
        for (Map.Entry<String, Observation> entry : byOwner.entrySet()) {
            Observation observation = entry.getValue();
            BookedInvoice owner = observation.owner != null ? observation.owner
                    : documents.byInvoiceId(entry.getKey()).orElse(null);
            if (owner == null) {
                // A credit note for an invoice the connector never booked (or not yet): nothing to report on.
                continue;
            }
            sent += update(tenant, division, owner, observation);
        }
        return sent;
    }

    private int update(String tenant, int division, BookedInvoice invoice, Observation observation) {
        PaymentStateKey key = new PaymentStateKey(tenant, division, invoice.invoiceId());
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            PaymentStateRecord current = states.find(key).orElse(PaymentStateRecord.fresh(key));
            BigDecimal open = observation.open != null ? observation.open : current.observedOpen();
            LocalDate lastPaymentDate = observation.open != null ? observation.lastPaymentDate
                    : current.lastPaymentDate();
            Map<String, BigDecimal> credits = new HashMap<>(current.creditsApplied());
            credits.putAll(observation.credits);
            BigDecimal creditTotal = credits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            PaymentStatus status = PaymentStatusRule.statusOf(invoice.totalInclVat(), open, creditTotal,
                    lastPaymentDate);
            // The CRM knows the booking position (all open, nothing paid); only a difference from it is news.
            PaymentStatus known = current.lastSent() != null ? current.lastSent()
                    : PaymentStatus.unpaid(invoice.totalInclVat());
            boolean changed = !status.sameAs(known);
            PaymentStateRecord next = new PaymentStateRecord(key, open, lastPaymentDate, credits,
                    changed ? status : current.lastSent(), current.updatedAt(), current.version());
            // An untouched invoice seen for the first time is not stored: a full read of 10,000 open items writes
            // nothing. Credits are kept even then, in case the invoice's own term arrives in a later batch.
            boolean firstAndPlain = current.version() == 0 && credits.isEmpty();
            if (!changed && (firstAndPlain || sameObservation(current, next))) {
                return 0;
            }
            if (states.save(next).isPresent()) {
                if (changed) {
                    // After the winning save: of a webhook check and a sweep seeing the same change, one sends.
                    callbacks.send(tenant, "invoice:" + invoice.invoiceId(), PaymentStatusChanged.TYPE,
                            PaymentStatusChanged.of(invoice.invoiceId(), division, status));
                    return 1;
                }
                return 0;
            }
        }
        LOG.warnf("payment state of invoice %s in division %d kept changing; the next sweep retries",
                invoice.invoiceId(), division);
        return 0;
    }

    private static boolean sameObservation(PaymentStateRecord a, PaymentStateRecord b) {
        return compare(a.observedOpen(), b.observedOpen()) && java.util.Objects.equals(a.lastPaymentDate(),
                b.lastPaymentDate()) && a.creditsApplied().keySet().equals(b.creditsApplied().keySet())
                && a.creditsApplied().entrySet().stream()
                        .allMatch(e -> compare(e.getValue(), b.creditsApplied().get(e.getKey())));
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private DocumentLookup lookup(String tenant, int division, List<PaymentTermRow> rows) {
        if (rows.size() >= BULK_LOOKUP_FROM) {
            Map<String, BookedInvoice> byEntry = new HashMap<>();
            Map<String, BookedInvoice> byId = new HashMap<>();
            for (MappingRecord mapping : mappings.findAll(tenant, division, EntityKind.INVOICE)) {
                BookedInvoice.of(mapping).ifPresent(doc -> {
                    byEntry.put(doc.entryId(), doc);
                    byId.put(doc.invoiceId(), doc);
                });
            }
            return new DocumentLookup(entry -> Optional.ofNullable(byEntry.get(entry)),
                    id -> Optional.ofNullable(byId.get(id)));
        }
        return new DocumentLookup(
                entry -> mappings.findByExactId(tenant, division, EntityKind.INVOICE, entry)
                        .flatMap(BookedInvoice::of),
                id -> mappings.find(new MappingKey(tenant, division, EntityKind.INVOICE, id))
                        .flatMap(BookedInvoice::of));
    }

    /** Finds booked documents by Exact entry id and by CRM id. */
    private record DocumentLookup(java.util.function.Function<String, Optional<BookedInvoice>> entries,
            java.util.function.Function<String, Optional<BookedInvoice>> ids) {

        Optional<BookedInvoice> byEntry(String entryId) {
            return entries.apply(entryId);
        }

        Optional<BookedInvoice> byInvoiceId(String invoiceId) {
            return ids.apply(invoiceId);
        }
    }

    /** What one batch of rows says about one invoice. */
    private static final class Observation {
        private BookedInvoice owner;
        private BigDecimal open;
        private LocalDate lastPaymentDate;
        private final Map<String, BigDecimal> credits = new HashMap<>();
    }
}
