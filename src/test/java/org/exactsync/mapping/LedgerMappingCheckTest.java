package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.VatCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The go-live check of a ledger mapping: each wrong entry is named with what a bookkeeper must fix. */
class LedgerMappingCheckTest {

    private static final FinanceMasterData MASTER = new FinanceMasterData(
            List.of(journal("70", 20, false), journal("71", 20, true), journal("90", 90, false)),
            List.of(gl("8000", 110, false), gl("8001", 110, true), gl("1300", 20, false)),
            List.of(vat("2", "E", "S", "0.21"), vat("1", "E", "S", "0.09"), vat("0", "E", "S", "0"),
                    vat("7", "E", "P", "0.21"), vat("8", "I", "S", "0.21"), vat("9", "E", "S", "0.21")),
            List.of(), List.of(), List.of(new PaymentCondition("30 ", "30 dagen", 30)));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "sound mapping;70;8000;standard|21;2;;",
        "journal missing;75;8000;standard|21;2;salesJournal;does not exist",
        "not a sales journal;90;8000;standard|21;2;salesJournal;not a sales journal",
        "journal blocked;71;8000;standard|21;2;salesJournal;blocked",
        "GL account missing;70;8999;standard|21;2;revenueAccounts.crm-rev;does not exist",
        "GL account blocked;70;8001;standard|21;2;revenueAccounts.crm-rev;blocked",
        "receivables account;70;1300;standard|21;2;revenueAccounts.crm-rev;not a revenue account",
        "VAT code missing;70;8000;standard|21;99;vatCodes.standard|21;does not exist",
        "purchase VAT code;70;8000;standard|21;7;vatCodes.standard|21;purchases only",
        "VAT-inclusive code;70;8000;standard|21;8;vatCodes.standard|21;includes VAT",
        "rate differs;70;8000;reduced|9;9;vatCodes.reduced|9;is 21 %, the mapping says 9 %"})
    void namesTheEntryToFix(String what, String journal, String gl, String vatKey, String vatCode, String item,
            String message) {
        LedgerMapping mapping = new LedgerMapping(journal, Map.of("crm-rev", gl), Map.of(vatKey, vatCode), null);

        List<MappingFinding> errors = new LedgerMappingCheck().check(mapping, MASTER).stream()
                .filter(f -> f.severity().equals("error")).toList();

        if (item == null) {
            assertThat(errors).as(what).isEmpty();
        } else {
            assertThat(errors).as(what).singleElement().satisfies(f -> {
                assertThat(f.item()).isEqualTo(item);
                assertThat(f.message()).contains(message);
            });
        }
    }

    @ParameterizedTest(name = "{0} unmapped is a warning")
    @CsvSource({"standard|21", "reduced|9", "zero|0", "exempt|0", "reverse-charge|0", "intra-eu|0", "export|0"})
    void warnsAboutEveryContractCategoryWithoutAVatCode(String key) {
        List<MappingFinding> findings = new LedgerMappingCheck().check(new LedgerMapping("70", Map.of(), Map.of(),
                null), MASTER);

        assertThat(findings).filteredOn(f -> f.item().equals("vatCodes." + key)).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo("warning"));
    }

    @ParameterizedTest(name = "default payment condition {0}: {1}")
    @CsvSource(delimiter = ';', value = {
        "30;;", "'';warning;no default payment condition", "45;error;payment condition 45 does not exist"})
    void reportsTheDefaultPaymentConditionMissingAsWarningAndUnknownAsError(String code, String severity,
            String message) {
        LedgerMapping mapping = new LedgerMapping("70", Map.of(), Map.of(), null, code);

        List<MappingFinding> findings = new LedgerMappingCheck().check(mapping, MASTER).stream()
                .filter(f -> f.item().equals("defaultPaymentCondition")).toList();

        if (severity == null) {
            assertThat(findings).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(severity);
                assertThat(f.message()).contains(message);
            });
        }
    }

    private static Journal journal(String code, int type, boolean blocked) {
        return new Journal(UUID.randomUUID(), code, "Journal " + code, type, blocked);
    }

    private static GlAccount gl(String code, int type, boolean blocked) {
        return new GlAccount(UUID.randomUUID(), code, "GL " + code, type, "W", null, blocked);
    }

    private static VatCode vat(String code, String type, String transactionType, String percentage) {
        return new VatCode(UUID.randomUUID(), code, "VAT " + code, type, transactionType, new BigDecimal(percentage),
                false);
    }
}
