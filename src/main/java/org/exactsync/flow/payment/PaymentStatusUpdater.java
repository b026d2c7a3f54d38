package org.exactsync.flow.payment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.exact.model.PaymentTerm;
import org.exactsync.mapping.EntryChange;
import org.exactsync.mapping.EntryChangeRule;
import org.exactsync.mapping.EntryFigures;
import org.exactsync.mapping.Money;
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
 * Applies observed payment terms (and deletions) to the booked invoices they belong to and tells the CRM what
 * changed: {@code invoice.payment-status-changed} for money (payments, credit-note settlements), computed from Exact's
 * own figures, and {@code invoice.changed-in-exact} for a bookkeeper's change of the entry (amount, due date,
 * reversal, deletion). A credit note's term counts towards the invoice it credits; every other document's term is its
 * own status. Rows of entries the connector did not book are ignored. No Exact call is made here.
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
    public int apply(String tenant, int division, List<PaymentTerm> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        DocumentLookup documents = lookup(tenant, division, rows);
        Map<String, Observation> byOwner = new LinkedHashMap<>();
        for (PaymentTerm row : rows) {
            Optional<BookedInvoice> document = documents.byEntry(row.entryId());
            if (document.isEmpty()) {
                continue;
            }
            BookedInvoice doc = document.get();
            Observation observation = byOwner.computeIfAbsent(doc.statusOwner(), owner -> new Observation());
            BigDecimal open = PaymentStatusRule.openOf(row.amountDc(), row.fullyPaid());
            if (doc.statusOwner().equals(doc.invoiceId())) {
                observation.owner = doc;
                observation.row = row;
                observation.open = open;
            } else {
                if (row.termId() != null) {
                    states.linkTerm(tenant, division, row.termId(), doc.invoiceId());
                }
                BigDecimal creditTotal = row.transactionAmount() != null ? row.transactionAmount()
                        : doc.totalInclVat();
                observation.credits.put(doc.invoiceId(), PaymentStatusRule.settledOf(creditTotal, open));
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

    /**
     * Payment terms {@code sync/Deleted} lists as deleted: each one the connector linked to a booked document is
     * reported as deleted (once). Returns the callbacks sent.
     */
    public int applyDeletedTerms(String tenant, int division, List<String> termIds) {
        int sent = 0;
        for (String termId : termIds) {
            Optional<BookedInvoice> document = states.documentOfTerm(tenant, division, termId)
                    .flatMap(id -> mappings.find(new MappingKey(tenant, division, EntityKind.INVOICE, id)))
                    .flatMap(BookedInvoice::of);
            if (document.isPresent()) {
                sent += deleted(tenant, division, document.get());
            }
        }
        return sent;
    }

    /**
     * An entry Exact says was deleted (a webhook's {@code Delete} names its {@code EntryID}): reported as deleted
     * when the connector booked it. Returns the callbacks sent (0 or 1).
     */
    public int applyDeletedEntry(String tenant, int division, String entryId) {
        return mappings.findByExactId(tenant, division, EntityKind.INVOICE, entryId.toLowerCase())
                .flatMap(BookedInvoice::of)
                .map(doc -> deleted(tenant, division, doc))
                .orElse(0);
    }

    /** Whether {@code entryId} is an entry the connector booked for this tenant and division. */
    public boolean isBookedEntry(String tenant, int division, String entryId) {
        return mappings.findByExactId(tenant, division, EntityKind.INVOICE, entryId.toLowerCase())
                .flatMap(BookedInvoice::of).isPresent();
    }

    private int deleted(String tenant, int division, BookedInvoice doc) {
        Observation gone = new Observation();
        gone.owner = doc;
        gone.deleted = true;
        return update(tenant, division, doc, gone);
    }

    private int update(String tenant, int division, BookedInvoice invoice, Observation observation) {
        PaymentStateKey key = new PaymentStateKey(tenant, division, invoice.invoiceId());
        BigDecimal booked = Money.cents(invoice.totalInclVat()).abs();
        for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
            PaymentStateRecord current = states.find(key).orElse(PaymentStateRecord.fresh(key));
            PaymentTerm row = observation.row;
            BigDecimal open = row != null ? observation.open : current.observedOpen();
            BigDecimal total = row != null && row.transactionAmount() != null
                    ? Money.cents(row.transactionAmount()).abs()
                    : current.observedTotal() != null ? current.observedTotal() : booked;
            LocalDate lastPaymentDate = row != null ? row.lastPaymentDate() : current.lastPaymentDate();
            String termId = row != null && row.termId() != null ? row.termId() : current.termId();
            Map<String, BigDecimal> credits = new HashMap<>(current.creditsApplied());
            credits.putAll(observation.credits);
            BigDecimal creditTotal = credits.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

            EntryFigures reported = current.reported() != null ? current.reported()
                    : EntryFigures.booked(booked, invoice.dueDate());
            EntryFigures seen = observation.deleted ? reported.asDeleted()
                    : row != null ? new EntryFigures(total, row.dueDate(), row.reversal(), false) : reported;
            List<EntryChange> changes = EntryChangeRule.changes(reported, seen);
            EntryFigures nextReported = EntryChangeRule.afterReport(reported, seen);

            PaymentStatus status = PaymentStatusRule.statusOf(total, open, creditTotal, lastPaymentDate);
            // The CRM knows the booking position (all open, nothing paid); only money differing from it is news. A
            // reversed or deleted entry has no payment position any more.
            PaymentStatus known = current.lastSent() != null ? current.lastSent() : PaymentStatus.unpaid(booked);
            BigDecimal knownTotal = current.sentTotal() != null ? current.sentTotal() : booked;
            boolean frozen = nextReported.reversed() || nextReported.deleted();
            boolean news = !frozen && PaymentStatusRule.isPaymentNews(known, knownTotal, status, total);

            PaymentStateRecord next = new PaymentStateRecord(key, open, total, lastPaymentDate, credits, termId,
                    news ? status : current.lastSent(), news ? total : current.sentTotal(),
                    current.reported() == null && nextReported.equals(EntryFigures.booked(booked, invoice.dueDate()))
                            ? null : nextReported, current.updatedAt(), current.version());
            if (termId != null && current.termId() == null) {
                // Before the state: a crash in between leaves a pointer, never a state without one.
                states.linkTerm(tenant, division, termId, invoice.invoiceId());
            }
            // An untouched invoice seen for the first time is not stored: a full read of 10,000 open items writes
            // only their term pointers. Credits are kept even then, in case the invoice's own term arrives later.
            boolean firstAndPlain = current.version() == 0 && credits.isEmpty();
            if (!news && changes.isEmpty() && (firstAndPlain || sameObservation(current, next))) {
                return 0;
            }
            if (states.save(next).isPresent()) {
                // After the winning save: of a webhook check and a sweep seeing the same change, one sends.
                for (EntryChange change : changes) {
                    callbacks.send(tenant, "invoice:" + invoice.invoiceId(), InvoiceChangedInExact.TYPE,
                            InvoiceChangedInExact.of(invoice.invoiceId(), division, change, booked, total,
                                    status.openAmount(), seen.dueDate()));
                }
                if (news) {
                    callbacks.send(tenant, "invoice:" + invoice.invoiceId(), PaymentStatusChanged.TYPE,
                            PaymentStatusChanged.of(invoice.invoiceId(), division, status));
                }
                return changes.size() + (news ? 1 : 0);
            }
        }
        LOG.warnf("payment state of invoice %s in division %d kept changing; the next sweep retries",
                invoice.invoiceId(), division);
        return 0;
    }

    private static boolean sameObservation(PaymentStateRecord a, PaymentStateRecord b) {
        return compare(a.observedOpen(), b.observedOpen()) && compare(a.observedTotal(), b.observedTotal())
                && Objects.equals(a.lastPaymentDate(), b.lastPaymentDate()) && Objects.equals(a.termId(), b.termId())
                && Objects.equals(a.reported(), b.reported())
                && a.creditsApplied().keySet().equals(b.creditsApplied().keySet())
                && a.creditsApplied().entrySet().stream()
                        .allMatch(e -> compare(e.getValue(), b.creditsApplied().get(e.getKey())));
    }

    private static boolean compare(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private DocumentLookup lookup(String tenant, int division, List<PaymentTerm> rows) {
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
    private record DocumentLookup(Function<String, Optional<BookedInvoice>> entries,
            Function<String, Optional<BookedInvoice>> ids) {

        Optional<BookedInvoice> byEntry(String entryId) {
            return entries.apply(entryId);
        }

        Optional<BookedInvoice> byInvoiceId(String invoiceId) {
            return ids.apply(invoiceId);
        }
    }

    /** What one batch of rows (or a deletion) says about one invoice. */
    private static final class Observation {
        private BookedInvoice owner;
        private PaymentTerm row;
        private BigDecimal open;
        private boolean deleted;
        private final Map<String, BigDecimal> credits = new HashMap<>();
    }
}
