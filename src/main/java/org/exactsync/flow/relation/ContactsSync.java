package org.exactsync.flow.relation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactContact;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.write.OrderedWrites;
import org.exactsync.flow.write.Recorded;
import org.exactsync.mapping.AccountMapper;
import org.exactsync.mapping.ContactMapper;
import org.exactsync.mapping.FieldDiff;
import org.exactsync.mapping.RelationContact;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;

/**
 * A relation's contacts in one division: one mapping per contact (key {@code <relation id>/<contact id>}); a new
 * contact is one POST, a changed one a PUT of the changed fields, an unchanged one no call. Contacts are CRM-owned,
 * so there is no conflict check. Absent contacts are never deleted (the link is financial only), only reported.
 */
final class ContactsSync {

    private static final int MAX_CANDIDATES = 60;

    private final ExactOnline exact;
    private final OrderedWrites writes;

    ContactsSync(ExactOnline exact, OrderedWrites writes) {
        this.exact = exact;
        this.writes = writes;
    }

    /**
     * @param written     whether Exact was written
     * @param mainContact the Exact id of the contact marked main, if any
     * @param ids         this event's CRM contact ids, sorted (the relation mapping's members)
     * @param absent      contact ids of the previous event missing from this one (reported once)
     */
    record Result(boolean written, Optional<String> mainContact, List<String> ids, List<String> absent) {
    }

    /** {@code before}: the contact ids the relation mapping recorded last time. */
    Result sync(ExactTarget target, UUID accountId, RelationUpserted relation, List<String> before) {
        boolean written = false;
        Optional<String> main = Optional.empty();
        List<String> ids = new ArrayList<>();
        for (RelationContact contact : relation.contacts()) {
            ids.add(contact.id());
            MappingKey key = new MappingKey(target.tenant(), target.division(), EntityKind.CONTACT,
                    relation.id() + "/" + contact.id());
            Map<String, String> wanted = ContactMapper.contactFields(contact);
            Optional<MappingRecord> stored = writes.find(key);
            Optional<MappingRecord> mapping = stored.filter(m -> m.exactId() != null);
            String contactId;
            if (mapping.isEmpty()) {
                if (stored.isPresent()) {
                    stored = Optional.of(writes.takeOver(stored.get(), null, null));
                }
                Optional<String> earlier = stored.isPresent() ? createdEarlier(target, accountId, wanted)
                        : Optional.empty();
                MappingRecord claim;
                if (earlier.isPresent()) {
                    contactId = earlier.get();
                    claim = stored.get();
                } else {
                    claim = writes.claim(key, stored, null, null, wanted);
                    ExactContact created;
                    try {
                        created = exact.createContact(target, ExactAccountValues.toContactFields(
                                AccountMapper.nonEmpty(wanted)).account(accountId));
                    } catch (RuntimeException failed) {
                        writes.release(claim);
                        throw failed;
                    }
                    contactId = created.id().toString();
                    written = true;
                }
                writes.commit(claim, new Recorded(contactId, null, wanted, List.of()), null);
            } else {
                MappingRecord ready = writes.ready(mapping.get(), (m, fields) -> put(target, m, fields));
                contactId = ready.exactId();
                Map<String, String> changed = FieldDiff.changed(wanted, ready.sentValues());
                if (!changed.isEmpty()) {
                    MappingRecord claim = writes.begin(ready, null, changed.keySet());
                    try {
                        exact.updateContact(target, UUID.fromString(contactId),
                                ExactAccountValues.toContactFields(changed));
                    } catch (RuntimeException failed) {
                        writes.release(claim);
                        throw failed;
                    }
                    written = true;
                    writes.commit(claim, new Recorded(contactId, null, wanted, List.of()), null);
                }
            }
            if (contact.isMain()) {
                main = Optional.of(contactId);
            }
        }
        List<String> absent = before.stream().filter(id -> !ids.contains(id)).toList();
        return new Result(written, main, ids.stream().sorted().toList(), absent);
    }

    /** Puts a contact's fields back to the values its mapping recorded. */
    private void put(ExactTarget target, MappingRecord mapping, Set<String> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field, mapping.sentValues().getOrDefault(field, "")));
        exact.updateContact(target, UUID.fromString(mapping.exactId()), ExactAccountValues.toContactFields(values));
    }

    /** A contact an earlier attempt created without getting the answer: same account and names, exactly one. */
    private Optional<String> createdEarlier(ExactTarget target, UUID accountId, Map<String, String> wanted) {
        List<UUID> same = exact.contacts(target, accountId).stream().limit(MAX_CANDIDATES)
                .filter(c -> wanted.get(ContactMapper.FIRST_NAME).equals(text(c.firstName()))
                        && wanted.get(ContactMapper.LAST_NAME).equals(text(c.lastName())))
                .map(ExactContact::id).toList();
        return same.size() == 1 ? Optional.of(same.get(0).toString()) : Optional.empty();
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
