package org.exactsync.sandbox.finance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * {@code salesentry/SalesEntries} and {@code purchaseentry/PurchaseEntries}: header POST with embedded lines (lines
 * mandatory), header PUT, DELETE. {@code PurchaseEntries} demands {@code $select} on GET (§1.5).
 */
public final class EntryEntitySet implements EntitySet {

    private final EntryKind kind;
    private final EndpointSpec spec;
    private final EntryValidator validator;
    private final EntryBooker booker;
    private final EntryChanges changes;

    private EntryEntitySet(EntryKind kind, boolean selectRequired, FinanceOptions options) {
        this.kind = kind;
        this.spec = new EndpointSpec(kind.path, "EntryID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, selectRequired,
                Set.of(), false, Set.of(), Set.of("GET", "POST", "PUT", "DELETE"), kind.metadataType);
        ExactMessages messages = new ExactMessages(options.englishMessages());
        this.validator = new EntryValidator(messages);
        this.booker = new EntryBooker(new PaymentTermSigns(options.receivableOwedNegative()));
        this.changes = new EntryChanges(validator, messages);
    }

    public static EntryEntitySet salesEntries(FinanceOptions options) {
        return new EntryEntitySet(EntryKind.SALES, false, options);
    }

    public static EntryEntitySet purchaseEntries(FinanceOptions options) {
        return new EntryEntitySet(EntryKind.PURCHASE, true, options);
    }

    @Override
    public EndpointSpec spec() {
        return spec;
    }

    @Override
    public Set<String> properties() {
        return FinanceProperties.entry(kind);
    }

    @Override
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        return Rows.copies(division.table(kind.path, "EntryID").snapshotSortedByKey());
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        ValidatedEntry entry = validator.validateNew(division, kind, body, context.clock());
        UUID entryId = UUID.randomUUID();
        Map<String, Object> header = booker.book(division, entry, entryId, context.clock().instant());
        FinancePublisher.entryChanged(context, division, kind, entryId, "Create");
        return Rows.copy(header);
    }

    @Override
    public void update(DivisionData division, Object key, Map<String, Object> body, SandboxContext context) {
        changes.update(division, kind, key, body, context);
    }

    @Override
    public void delete(DivisionData division, Object key, SandboxContext context) {
        changes.delete(division, kind, key, context);
    }
}
