package org.exactsync.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * What the connector last told the CRM about a project's purchases in one division.
 *
 * @param key            tenant, division and CRM project id
 * @param costCenterCode the cost center the lines were booked on
 * @param lines          the purchase lines, in the order the CRM was told
 * @param updatedAt      last write (null before the first save)
 * @param version        optimistic-lock version; 0 for a record never saved
 */
public record ProjectCosts(ProjectCostsKey key, String costCenterCode, List<CostLine> lines, Instant updatedAt,
        long version) {

    public ProjectCosts {
        lines = List.copyOf(lines);
    }

    /** Sum of the lines' amounts, two decimals. */
    public BigDecimal total() {
        return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
