package org.exactsync.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The reconciliation (drift) rule: what the connector booked or sent, compared with what Exact holds now. Amounts
 * are compared to the cent (a VAT total one cent off is a finding: it is what a VAT return would show).
 */
public final class DriftRule {

    private DriftRule() {
    }

    /**
     * The differences of one booked invoice, each kind at most once: the entry gone; its amount excluding VAT, its
     * VAT, its customer or the set of its GL accounts changed. Empty when Exact still holds what was booked.
     */
    public static List<InvoiceDrift> invoice(BookedInvoice booked, Optional<ExactEntryState> inExact) {
        if (inExact.isEmpty()) {
            return List.of(new InvoiceDrift(booked.invoiceId(), booked.entryId(), InvoiceDrift.DELETED, null, null));
        }
        ExactEntryState entry = inExact.get();
        List<InvoiceDrift> drift = new ArrayList<>();
        BigDecimal bookedExcl = Money.cents(booked.totalExclVat());
        BigDecimal exactExcl = Money.cents(entry.amountExclVat());
        if (bookedExcl.compareTo(exactExcl) != 0) {
            drift.add(of(booked, InvoiceDrift.AMOUNT_CHANGED, bookedExcl.toPlainString(), exactExcl.toPlainString()));
        }
        BigDecimal bookedVat = Money.cents(booked.totalVat());
        BigDecimal exactVat = Money.cents(entry.vatAmount());
        if (bookedVat.compareTo(exactVat) != 0) {
            drift.add(of(booked, InvoiceDrift.VAT_CHANGED, bookedVat.toPlainString(), exactVat.toPlainString()));
        }
        if (!booked.accountId().equalsIgnoreCase(entry.customerId())) {
            drift.add(of(booked, InvoiceDrift.ACCOUNT_CHANGED, booked.accountId(), entry.customerId()));
        }
        // A set: the mapping keeps distinct codes, and a line split over the same GL account is no drift.
        TreeSet<String> bookedGl = trimmed(booked.glAccounts());
        TreeSet<String> exactGl = trimmed(entry.glAccounts());
        if (!bookedGl.equals(exactGl)) {
            drift.add(of(booked, InvoiceDrift.GL_CHANGED, String.join(",", bookedGl), String.join(",", exactGl)));
        }
        return drift;
    }

    /**
     * The drift of one relation: the managed fields whose value in Exact ({@code current}, trimmed, empty for null)
     * differs from what the connector last sent. Fields never sent are not compared (they are the bookkeeper's).
     * An account no longer in Exact is {@code deleted}. Empty when nothing drifted.
     */
    public static Optional<RelationDrift> relation(String relationId, String accountId, Map<String, String> lastSent,
            Optional<Map<String, String>> current) {
        if (current.isEmpty()) {
            return Optional.of(new RelationDrift(relationId, accountId, RelationDrift.DELETED, List.of()));
        }
        TreeSet<String> fields = new TreeSet<>();
        lastSent.forEach((field, sent) -> {
            Map<String, String> now = current.get();
            if (now.containsKey(field) && !now.get(field).equals(sent == null ? "" : sent)) {
                fields.add(AccountFieldNames.crmName(field));
            }
        });
        return fields.isEmpty() ? Optional.empty()
                : Optional.of(new RelationDrift(relationId, accountId, RelationDrift.CHANGED, List.copyOf(fields)));
    }

    private static InvoiceDrift of(BookedInvoice booked, String kind, String bookedValue, String exactValue) {
        return new InvoiceDrift(booked.invoiceId(), booked.entryId(), kind, bookedValue, exactValue);
    }

    private static TreeSet<String> trimmed(List<String> codes) {
        TreeSet<String> set = new TreeSet<>();
        codes.stream().map(String::trim).filter(c -> !c.isEmpty()).forEach(set::add);
        return set;
    }
}
