package org.exactsync.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Which changes of a booked entry the CRM has not heard of yet: the figures Exact shows now compared with the ones
 * last reported (at first the booked ones). Pure. A deleted entry reports only its deletion, a reversed one only its
 * reversal (its amounts no longer mean anything); a due date the CRM never knew is learnt silently, not reported.
 */
public final class EntryChangeRule {

    private EntryChangeRule() {
    }

    /** The changes from {@code reported} to {@code observed}, each at most once, in contract order. */
    public static List<EntryChange> changes(EntryFigures reported, EntryFigures observed) {
        List<EntryChange> changes = new ArrayList<>();
        if (reported.deleted()) {
            return changes;
        }
        if (observed.deleted()) {
            changes.add(EntryChange.DELETED);
            return changes;
        }
        if (observed.reversed()) {
            if (!reported.reversed()) {
                changes.add(EntryChange.REVERSED);
            }
            return changes;
        }
        if (observed.total().compareTo(reported.total()) != 0) {
            changes.add(EntryChange.AMOUNT);
        }
        if (reported.dueDate() != null && observed.dueDate() != null
                && !reported.dueDate().equals(observed.dueDate())) {
            changes.add(EntryChange.DUE_DATE);
        }
        return changes;
    }

    /** What the CRM knows after {@code observed} was seen (and its changes reported). */
    public static EntryFigures afterReport(EntryFigures reported, EntryFigures observed) {
        if (reported.deleted() || observed.deleted()) {
            return reported.asDeleted();
        }
        return new EntryFigures(observed.reversed() ? reported.total() : observed.total(),
                observed.dueDate() != null ? observed.dueDate() : reported.dueDate(), observed.reversed(), false);
    }
}
