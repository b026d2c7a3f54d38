package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PurchaseLinesTest {

    @ParameterizedTest(name = "type {0}, line {1}, cost center {2} → {3}")
    @CsvSource(nullValues = "null", value = {
        "30, 1, P2026007, true",
        "31, 2, P2026007, true",
        "30, 0, P2026007, false",
        "30, 9999, P2026007, false",
        "20, 1, P2026007, false",
        "21, 1, P2026007, false",
        "40, 1, P2026007, false",
        "30, 1, null, false",
        "30, 1, '  ', false",
        "null, 1, P2026007, false",
    })
    void countsOnlyPurchaseCostLinesOnACostCenter(Integer type, Integer line, String costCenter, boolean counts) {
        assertThat(PurchaseLines.isPurchaseCost(type, line, costCenter)).isEqualTo(counts);
    }
}
