package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PaymentStatusRuleTest {

    @ParameterizedTest(name = "total {0}, open {1}, credits {2} -> {3} open {4} paid {5}")
    @CsvSource(nullValues = "null", value = {
        // total,  open,     credits, status,         open,    paid
        "1210.00,  1210.00,  0,       open,           1210.00, 0.00",
        "1210.00,  null,     0,       open,           1210.00, 0.00",
        "1210.00,  710.00,   0,       partially-paid, 710.00,  500.00",
        "1210.00,  0,        0,       paid,           0.00,    1210.00",
        "1210.00,  0,        1210.00, credited,       0.00,    0.00",
        "1210.00,  0,        210.00,  paid,           0.00,    1000.00",
        "1210.00,  1000.00,  210.00,  open,           1000.00, 0.00",
        "1210.00,  500.00,   210.00,  partially-paid, 500.00,  500.00",
        "-242.00,  -242.00,  0,       open,           242.00,  0.00",
        "-242.00,  0,        0,       paid,           0.00,    242.00",
        // More credit than was settled cannot make a negative payment.
        "100.00,   0,        150.00,  credited,       0.00,    0.00",
        // An open amount above the total (overpaid sign flip, rounding) is capped at the total.
        "100.00,   130.00,   0,       open,           100.00,  0.00",
    })
    void computesTheStatusAndAmountsFromTotalOpenAndCredits(String total, String open, String credits,
            String status, String expectedOpen, String expectedPaid) {
        PaymentStatus result = PaymentStatusRule.statusOf(new BigDecimal(total),
                open == null ? null : new BigDecimal(open), new BigDecimal(credits), null);

        assertThat(result.status().wireName()).isEqualTo(status);
        assertThat(result.openAmount()).isEqualByComparingTo(expectedOpen);
        assertThat(result.paidAmount()).isEqualByComparingTo(expectedPaid);
    }

    @ParameterizedTest(name = "AmountDC {0}, fully paid {1} -> open {2}")
    @CsvSource(nullValues = "null", value = {
        "-121.00, false, 121.00",
        "121.00,  false, 121.00",
        "-21.00,  true,  0.00",
        "null,    false, 0.00",
        "0,       null,  0.00",
    })
    void readsTheOpenAmountWhicheverSignExactUsesForOwed(String amountDc, Boolean fullyPaid, String expected) {
        assertThat(PaymentStatusRule.openOf(amountDc == null ? null : new BigDecimal(amountDc), fullyPaid))
                .isEqualByComparingTo(expected);
    }

    @Test
    void aCreditNotesSettledPartIsItsTotalLessWhatIsStillOpenOnIt() {
        assertThat(PaymentStatusRule.settledOf(new BigDecimal("-121.00"), new BigDecimal("21.00")))
                .isEqualByComparingTo("100.00");
        assertThat(PaymentStatusRule.settledOf(new BigDecimal("-121.00"), new BigDecimal("121.00"))).isZero();
    }

    @Test
    void carriesTheLastPaymentDateAndComparesByValue() {
        LocalDate date = LocalDate.of(2026, 12, 1);
        PaymentStatus a = PaymentStatusRule.statusOf(new BigDecimal("121"), new BigDecimal("21"), BigDecimal.ZERO,
                date);

        assertThat(a.lastPaymentDate()).isEqualTo(date);
        assertThat(a.sameAs(new PaymentStatus(InvoicePaymentStatus.PARTIALLY_PAID, new BigDecimal("21.0"),
                new BigDecimal("100"), date))).isTrue();
        assertThat(a.sameAs(new PaymentStatus(InvoicePaymentStatus.PARTIALLY_PAID, new BigDecimal("21.0"),
                new BigDecimal("100"), date.plusDays(1)))).isFalse();
        assertThat(PaymentStatus.unpaid(new BigDecimal("-50")).sameAs(PaymentStatusRule.statusOf(
                new BigDecimal("-50"), null, BigDecimal.ZERO, null))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
        // case                                 | sent status    | sent open | sent paid | sent total | now total | now open | credits | paid on    | news  | status         | paid
        "nothing happened                       | open           | 121.00    | 0         | 121.00     | 121.00    | 121.00   | 0       | null       | false | open           | 0.00",
        "payment in full                        | open           | 121.00    | 0         | 121.00     | 121.00    | 0        | 0       | 2026-12-01 | true  | paid           | 121.00",
        "partial payment                        | open           | 121.00    | 0         | 121.00     | 121.00    | 21.00    | 0       | 2026-12-01 | true  | partially-paid | 100.00",
        "credit note settles part               | open           | 121.00    | 0         | 121.00     | 121.00    | 71.00    | 50.00   | 2026-12-01 | true  | open           | 0.00",
        "bookkeeper lowers 121.00 to 108.90     | open           | 121.00    | 0         | 121.00     | 108.90    | 108.90   | 0       | null       | false | open           | 0.00",
        "bookkeeper raises 121.00 to 133.10     | open           | 121.00    | 0         | 121.00     | 133.10    | 133.10   | 0       | null       | false | open           | 0.00",
        "payment, then lowered: same money      | partially-paid | 71.00     | 50.00     | 121.00     | 108.90    | 58.90    | 0       | 2026-12-01 | false | partially-paid | 50.00",
        "lowered to what was paid: now paid     | partially-paid | 71.00     | 50.00     | 121.00     | 50.00     | 0        | 0       | 2026-12-01 | true  | paid           | 50.00",
    })
    void tellsMoneyFromABookkeepersCorrection(String name, String sentStatus, String sentOpen, String sentPaid,
            String sentTotal, String nowTotal, String nowOpen, String credits, String paidOn, boolean news,
            String status, String paid) {
        LocalDate date = paidOn == null ? null : LocalDate.parse(paidOn);
        PaymentStatus known = new PaymentStatus(InvoicePaymentStatus.fromWireName(sentStatus),
                new BigDecimal(sentOpen), new BigDecimal(sentPaid),
                new BigDecimal(sentPaid).signum() > 0 ? date : null);
        PaymentStatus now = PaymentStatusRule.statusOf(new BigDecimal(nowTotal), new BigDecimal(nowOpen),
                new BigDecimal(credits), date);

        assertThat(PaymentStatusRule.isPaymentNews(known, new BigDecimal(sentTotal), now, new BigDecimal(nowTotal)))
                .isEqualTo(news);
        assertThat(now.status().wireName()).isEqualTo(status);
        assertThat(now.paidAmount()).isEqualByComparingTo(paid);
    }

    @Test
    void aMatchingDateWithoutMoneyIsNoPaymentDate() {
        LocalDate matched = LocalDate.of(2026, 12, 1);

        assertThat(PaymentStatusRule.statusOf(new BigDecimal("121"), BigDecimal.ZERO, new BigDecimal("121"),
                matched).lastPaymentDate()).isNull();
        assertThat(PaymentStatusRule.statusOf(new BigDecimal("121"), new BigDecimal("100"), new BigDecimal("21"),
                matched).lastPaymentDate()).isNull();
        assertThat(PaymentStatusRule.statusOf(new BigDecimal("121"), new BigDecimal("100"), BigDecimal.ZERO,
                matched).lastPaymentDate()).isEqualTo(matched);
    }
}
