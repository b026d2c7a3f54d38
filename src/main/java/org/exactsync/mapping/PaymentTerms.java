package org.exactsync.mapping;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.exactsync.exact.model.PaymentCondition;

/**
 * Payment terms become a division's payment condition: accounts reference a condition by its code, and codes are
 * chosen per division by the bookkeeper, so the term is matched on {@code PaymentDays} (docs/exact-reference.md §5.19).
 */
public final class PaymentTerms {

    private PaymentTerms() {
    }

    /** The condition with exactly {@code days} payment days; the lowest code when several have them. */
    public static Optional<String> conditionCode(int days, List<PaymentCondition> conditions) {
        return conditions.stream()
                .filter(condition -> Objects.equals(condition.paymentDays(), days))
                .map(condition -> condition.code().strip())
                .min(Comparator.naturalOrder());
    }

    /** Whether the division has a condition with this code (codes compared without Exact's padding). */
    public static boolean exists(String code, List<PaymentCondition> conditions) {
        return code != null && conditions.stream().anyMatch(condition -> condition.code().strip().equals(code.strip()));
    }
}
