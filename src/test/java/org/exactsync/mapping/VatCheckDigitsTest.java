package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VatCheckDigitsTest {

    @Test
    void acceptsTheNewDutchNumberByMod97() {
        // The tax office's example btw-id: passes mod 97, fails the old eleven test.
        assertThat(VatCheckDigits.passesElevenTest("000099998")).isFalse();
        assertThat(VatCheckDigits.fails("NL000099998B57")).isFalse();
    }

    @Test
    void acceptsAnOldDutchNumberByTheElevenTest() {
        assertThat(VatCheckDigits.passesMod97("NL004495445B01")).isFalse();
        assertThat(VatCheckDigits.fails("NL 0044.95.445.B01")).isFalse();
    }

    @Test
    void refusesADutchNumberFailingBothRules() {
        assertThat(VatCheckDigits.problem("NL123456789B01")).hasValueSatisfying(p -> assertThat(p)
                .contains("NL check digits").doesNotContain("123456789"));
        assertThat(VatCheckDigits.fails("NL000099998B58")).isTrue();
    }

    @Test
    void refusesADutchNumberOfTheWrongShape() {
        assertThat(VatCheckDigits.problem("NL12345678B01")).hasValueSatisfying(p -> assertThat(p).contains("shape"));
    }

    @Test
    void checksBelgianNumbersBy97MinusTheFirstEightModulo97() {
        assertThat(VatCheckDigits.fails("BE0403170701")).isFalse();
        assertThat(VatCheckDigits.fails("BE 0417.497.106")).isFalse();
        assertThat(VatCheckDigits.fails("BE0403170702")).isTrue();
        assertThat(VatCheckDigits.fails("BE2403170701")).isTrue();
    }

    @Test
    void leavesOtherCountriesAndEmptyValuesUnchecked() {
        assertThat(VatCheckDigits.fails("DE123456789")).isFalse();
        assertThat(VatCheckDigits.fails("")).isFalse();
        assertThat(VatCheckDigits.fails(null)).isFalse();
    }
}
