package org.exactsync.flow.invoice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.exactsync.crm.callback.Callbacks;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.ExactValidationException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.ExactOutcomes;
import org.exactsync.flow.write.OrderedWrites;
import org.exactsync.flow.project.ProjectCostCenters;
import org.exactsync.mapping.AccountFieldNames;
import org.exactsync.mapping.BookingContext;
import org.exactsync.mapping.BookingPlan;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.InvoiceLine;
import org.exactsync.mapping.LedgerMapping;
import org.exactsync.mapping.LedgerMappingGaps;
import org.exactsync.mapping.SalesEntryDraft;
import org.exactsync.mapping.SalesEntryMapper;
import org.exactsync.store.EntityKind;
import org.exactsync.store.LedgerMappingRecord;
import org.exactsync.store.LedgerMappingStore;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;
import org.jboss.logging.Logger;

/**
 * Books one CRM invoice in one division, exactly once: dependencies from the stores (relation, projects), the plan
 * checked against cached master data, the claim, the POST (or, after a lost answer, the look-up), the callback, and
 * the booked mapping. Exact failures are thrown to the handler after the claim's lease was given up.
 */
@ApplicationScoped
public class InvoiceBooking {

    private static final Logger LOG = Logger.getLogger(InvoiceBooking.class);

    private final ExactOnline exact;
    private final MappingStore mappings;
    private final LedgerMappingStore ledgers;
    private final FinanceMasterDataCache masterData;
    private final Callbacks callbacks;
    private final ProjectCostCenters projectCostCenters;
    private final InvoiceClaims claims;
    private final Clock clock;
    private final SalesEntryMapper mapper = new SalesEntryMapper();

    @Inject
    public InvoiceBooking(ExactOnline exact, MappingStore mappings, LedgerMappingStore ledgers,
            FinanceMasterDataCache masterData, Callbacks callbacks, Clock clock) {
        this.exact = exact;
        this.mappings = mappings;
        this.ledgers = ledgers;
        this.masterData = masterData;
        this.callbacks = callbacks;
        this.claims = new InvoiceClaims(new OrderedWrites(mappings, clock));
        this.projectCostCenters = new ProjectCostCenters(mappings);
        this.clock = clock;
    }

    /** Books the invoice (or, with {@code dryRun}, answers what would be posted without posting). */
    public Outcome book(ExactTarget target, String eventId, InvoiceCreated invoice, boolean dryRun) {
        int division = target.division();
        MappingKey key = new MappingKey(target.tenant(), division, EntityKind.INVOICE, invoice.id());
        Optional<MappingRecord> stored = mappings.find(key);
        if (stored.isPresent() && InvoiceMappingValues.isBooked(stored.get())) {
            // Duplicate delivery or replay after success: the answer comes from the store, 0 Exact calls.
            return new Outcome.Done(List.of(result(stored.get(), division, invoice.id())));
        }
        Dependencies dependencies = dependencies(target, invoice);
        if (dependencies.missing() != null) {
            if (dryRun) {
                return dryRunWaiting(target, invoice, dependencies);
            }
            // Never booked on a wrong or empty account: the event waits and the replay completes it (contract).
            return new Outcome.Waiting(dependencies.missing() + " is not synced to division " + division + " yet");
        }
        Optional<LedgerMappingRecord> ledger = ledgers.find(target.tenant(), division);
        // A gap in the connector's own configuration is not the CRM's error: the invoice waits until the operator
        // fills it, and replacing the mapping makes it due at once (LedgerMappingAdmin).
        if (ledger.isEmpty()) {
            return new Outcome.ConfigurationGap(LedgerMappingGaps.missing(division), division);
        }
        BookingPlan plan = plan(target, invoice, ledger.get().mapping(), dependencies.context());
        if (plan instanceof BookingPlan.Unmapped unmapped) {
            return new Outcome.ConfigurationGap(LedgerMappingGaps.lacking(division, unmapped.gaps()), division);
        }
        if (plan instanceof BookingPlan.Refused refused) {
            return new Outcome.Failed("invoice " + invoice.id() + " cannot be booked in division " + division + ": "
                    + String.join("; ", refused.reasons()), false);
        }
        SalesEntryDraft draft = ((BookingPlan.Ready) plan).draft();
        if (dryRun) {
            return new Outcome.Done(List.of(new BookingResult(division, invoice.id(), null, null, draft.journal(),
                    draft.glAccountCodes(), invoice.totalExclVat(), invoice.totalVat(), invoice.totalInclVat(), true,
                    draft, null)));
        }
        Map<String, String> planned = InvoiceMappingValues.planned(invoice, draft);
        Claim claim = claims.claim(key, stored, planned, eventId);
        if (claim instanceof Claim.Booked booked) {
            return new Outcome.Done(List.of(result(booked.record(), division, invoice.id())));
        }
        if (claim instanceof Claim.Busy busy) {
            String holder = busy.record().write().holder();
            return new Outcome.Waiting("invoice " + invoice.id() + " is being booked by "
                    + (holder == null ? "another delivery" : "event " + holder));
        }
        if (claim instanceof Claim.Fresh fresh) {
            return post(target, invoice, draft, fresh.record(), Optional.empty());
        }
        MappingRecord taken = ((Claim.TakenOver) claim).record();
        Optional<BookedEntry> earlier;
        try {
            earlier = BookedEntry.find(exact, target, draft.journal(), draft.yourRef(), draft.customer());
        } catch (RuntimeException lookupFailed) {
            claims.release(taken);
            throw lookupFailed;
        }
        return post(target, invoice, draft, taken, earlier);
    }

    private BookingPlan plan(ExactTarget target, InvoiceCreated invoice, LedgerMapping ledger, BookingContext context) {
        FinanceMasterDataCache.Loaded loaded = masterData.get(target);
        BookingPlan plan = mapper.plan(invoice, ledger, loaded.data(), context);
        if (plan instanceof BookingPlan.Refused
                && loaded.loadedAt().plus(FinanceMasterDataCache.RECHECK_AFTER).isBefore(clock.instant())) {
            // Refuse on an old copy only after checking a fresh one: the bookkeeper may have fixed it meanwhile.
            plan = mapper.plan(invoice, ledger, masterData.reload(target).data(), context);
        }
        return plan;
    }

    private Outcome post(ExactTarget target, InvoiceCreated invoice, SalesEntryDraft draft, MappingRecord claim,
            Optional<BookedEntry> earlier) {
        BookedEntry entry;
        try {
            if (earlier.isPresent()) {
                LOG.infof("invoice %s found in division %d after a lost answer", invoice.id(), target.division());
                entry = earlier.get();
            } else {
                entry = BookedEntry.of(exact.createSalesEntry(target, SalesEntryRequest.body(draft)));
            }
        } catch (ExactValidationException rejected) {
            claims.release(claim);
            if (!ExactOutcomes.isGatewayStatus(rejected.status())) {
                // The copy let through what Exact refused: read it again before the next invoice relies on it.
                masterData.evict(target);
            }
            throw rejected;
        } catch (RuntimeException unknownOrTransient) {
            // The entry may exist (a lost answer); whoever takes over looks it up before posting.
            claims.release(claim);
            throw unknownOrTransient;
        }
        InvoiceBooked booked = new InvoiceBooked(invoice.id(), target.division(), entry.entryId().toString(),
                entry.entryNumber(), draft.journal(), draft.glAccountCodes());
        // Callback before the booked mapping: a crash between the two repeats the callback (at least once) on the
        // replay, which finds the entry by its reference; the other order could lose it.
        callbacks.send(target.tenant(), "invoice:" + invoice.id(), InvoiceBooked.TYPE, booked);
        MappingRecord record = claims.booked(claim, entry.entryId().toString(), entry.entryNumber(), entry.dueDate());
        LOG.infof("invoice %s booked in division %d as entry %s", invoice.id(), target.division(), entry.entryNumber());
        return new Outcome.Done(List.of(new BookingResult(target.division(), invoice.id(), booked.entryId(),
                booked.entryNumber(), booked.journal(), booked.glAccounts(), invoice.totalExclVat(),
                invoice.totalVat(), invoice.totalInclVat(), null, null, null)));
    }

    /**
     * Dry run of an invoice whose relation or project is not in Exact yet, which is the normal case before going live
     * (a dry-run relation writes nothing): the entry it would post is still planned, with the customer (and the
     * cost center of a project not synced yet) left empty, so the tenant sees journal, GL accounts, VAT codes and
     * amounts before the switch. A plan that cannot be made without the missing part answers only what it waits for.
     */
    private Outcome dryRunWaiting(ExactTarget target, InvoiceCreated invoice, Dependencies dependencies) {
        int division = target.division();
        Optional<SalesEntryDraft> draft = ledgers.find(target.tenant(), division)
                .map(ledger -> plan(target, invoice, ledger.mapping(), dependencies.context()))
                .filter(BookingPlan.Ready.class::isInstance).map(ready -> ((BookingPlan.Ready) ready).draft());
        return new Outcome.Done(List.of(new BookingResult(division, invoice.id(), null, null,
                draft.map(SalesEntryDraft::journal).orElse(null), draft.map(SalesEntryDraft::glAccountCodes)
                        .orElse(null), invoice.totalExclVat(), invoice.totalVat(), invoice.totalInclVat(), true,
                draft.orElse(null), dependencies.missing())));
    }

    private Dependencies dependencies(ExactTarget target, InvoiceCreated invoice) {
        String tenant = target.tenant();
        int division = target.division();
        // Everything known is gathered even when a part is missing: a dry run still plans with it.
        String missing = null;
        Optional<MappingRecord> relation = mappings.find(new MappingKey(tenant, division, EntityKind.RELATION,
                invoice.relationId()));
        UUID customer = null;
        String relationCondition = null;
        if (relation.isEmpty() || relation.get().exactId() == null) {
            missing = "relation " + invoice.relationId();
        } else {
            customer = UUID.fromString(relation.get().exactId());
            // The condition the relation flow put on the account: the entry repeats it (SalesEntryMapper).
            relationCondition = relation.get().sentValues().get(AccountFieldNames.PAYMENT_CONDITION_SALES);
        }
        Map<String, String> costCenters = new LinkedHashMap<>();
        List<String> projects = new ArrayList<>();
        for (InvoiceLine line : invoice.lines()) {
            if (line.projectId() != null && !projects.contains(line.projectId())) {
                projects.add(line.projectId());
            }
        }
        for (String projectId : projects) {
            Optional<String> costCenter = projectCostCenters.costCenterCode(tenant, division, projectId);
            if (costCenter.isEmpty()) {
                missing = missing == null ? "project " + projectId : missing;
            } else {
                costCenters.put(projectId, costCenter.get());
            }
        }
        String creditedNumber = null;
        if (invoice.isCreditNote() && invoice.creditedInvoiceId() != null) {
            // Linking is best effort: a credited invoice that was never booked here does not hold the credit note up.
            creditedNumber = mappings.find(new MappingKey(tenant, division, EntityKind.INVOICE,
                    invoice.creditedInvoiceId())).filter(InvoiceMappingValues::isBooked)
                    .map(r -> r.sentValues().get(InvoiceMappingValues.INVOICE_NUMBER)).orElse(null);
        }
        return new Dependencies(new BookingContext(division, customer, costCenters, creditedNumber,
                relationCondition), missing);
    }

    private static BookingResult result(MappingRecord record, int division, String invoiceId) {
        Map<String, String> v = record.sentValues();
        String gl = v.getOrDefault(InvoiceMappingValues.GL_ACCOUNTS, "");
        return new BookingResult(division, invoiceId, record.exactId(), record.exactCode(),
                v.get(InvoiceMappingValues.JOURNAL), gl.isEmpty() ? List.of() : List.of(gl.split(",")),
                v.get(InvoiceMappingValues.TOTAL_EXCL_VAT), v.get(InvoiceMappingValues.TOTAL_VAT),
                v.get(InvoiceMappingValues.TOTAL_INCL_VAT), null, null, null);
    }

    /** {@code context}: what is known (customer null while the relation is missing); {@code missing}: the first gap. */
    private record Dependencies(BookingContext context, String missing) {
    }
}
