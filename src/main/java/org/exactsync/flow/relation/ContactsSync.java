package org.exactsync.flow.relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.model.ExactContact;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.mapping.AccountMapper;
import org.exactsync.mapping.ContactMapper;
import org.exactsync.mapping.FieldDiff;
import org.exactsync.mapping.RelationContact;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.MappingRecord;
import org.exactsync.store.MappingStore;

/**
 * A relation's contacts in one division: one mapping per contact (key {@code <relation id>/<contact id>}); a new
 * contact is one POST, a changed one a PUT of the changed fields, an unchanged one no call. Contacts are CRM-owned,
 * so there is no conflict check. Absent contacts are never deleted (the link is financial only), only reported.
 */
final class ContactsSync {

    /** Reserved key in the relation mapping's sent values: this event's CRM contact ids, comma-separated. */
    static final String CONTACT_IDS = "_contacts";
    private static final int MAX_CANDIDATES = 60;

    private final ExactOnline exact;
    private final MappingStore mappings;
    private final MappingWrites writes;

    ContactsSync(ExactOnline exact, MappingStore mappings, MappingWrites writes) {
        this.exact = exact;
        this.mappings = mappings;
        this.writes = writes;
    }

    /**
     * @param written     whether Exact was written
     * @param mainContact the Exact id of the contact marked main, if any
     * @param idsValue    the value to store under {@link #CONTACT_IDS}
     * @param absent      contact ids of the previous event missing from this one (reported once)
     */
    record Result(boolean written, Optional<String> mainContact, String idsValue, List<String> absent) {
    }

    Result sync(ExactTarget target, UUID accountId, RelationUpserted relation, Map<String, String> relationSent) {
        boolean written = false;
        Optional<String> main = Optional.empty();
        List<String> ids = new ArrayList<>();
        for (RelationContact contact : relation.contacts()) {
            ids.add(contact.id());
            MappingKey key = new MappingKey(target.tenant(), target.division(), EntityKind.CONTACT,
                    relation.id() + "/" + contact.id());
            Map<String, String> wanted = ContactMapper.contactFields(contact);
            MappingChange sent = new MappingChange(null, null, MappingWrites.hash(wanted), wanted);
            Optional<MappingRecord> stored = mappings.find(key);
            Optional<MappingRecord> mapping = stored.filter(m -> m.exactId() != null);
            String contactId;
            if (mapping.isEmpty()) {
                if (stored.isPresent()) {
                    stored = Optional.of(writes.takeOver(key, stored.get()));
                }
                Optional<String> earlier = stored.isPresent() ? createdEarlier(target, accountId, wanted)
                        : Optional.empty();
                if (earlier.isPresent()) {
                    contactId = earlier.get();
                } else {
                    long claimed = writes.claim(key, stored, Map.of());
                    ExactContact created;
                    try {
                        created = exact.createContact(target, ExactAccountValues.toContactFields(
                                AccountMapper.nonEmpty(wanted)).account(accountId));
                    } catch (RuntimeException failed) {
                        writes.release(key, claimed, Map.of());
                        throw failed;
                    }
                    contactId = created.id().toString();
                    written = true;
                    stored = Optional.of(writes.swap(key, claimed, withId(sent, contactId)));
                }
                writes.link(key, stored, withId(sent, contactId));
            } else {
                contactId = mapping.get().exactId();
                Map<String, String> changed = FieldDiff.changed(wanted, mapping.get().sentValues());
                if (!changed.isEmpty()) {
                    exact.updateContact(target, UUID.fromString(contactId),
                            ExactAccountValues.toContactFields(changed));
                    written = true;
                    writes.swap(key, mapping.get().version(), withId(sent, contactId));
                }
            }
            if (contact.isMain()) {
                main = Optional.of(contactId);
            }
        }
        List<String> before = Arrays.stream(relationSent.getOrDefault(CONTACT_IDS, "").split(","))
                .filter(id -> !id.isEmpty()).toList();
        List<String> absent = before.stream().filter(id -> !ids.contains(id)).toList();
        return new Result(written, main, String.join(",", ids.stream().sorted().toList()), absent);
    }

    private static MappingChange withId(MappingChange change, String contactId) {
        return new MappingChange(contactId, null, change.sentHash(), change.sentValues());
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
