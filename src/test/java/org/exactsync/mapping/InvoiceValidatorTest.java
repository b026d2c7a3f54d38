package org.exactsync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.exactsync.validation.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class InvoiceValidatorTest {

    static final String INVOICE = """
            {"id":"inv-2026-0042","number":"2026-0042","kind":"invoice","creditedInvoiceId":null,
             "relationId":"rel-1001","date":"2026-11-26","dueDate":"2026-12-26","currency":"EUR",
             "description":"Consultancy november",
             "lines":[{"description":"Consultancy","revenueAccount":"8000","amount":"1000.00","vatRate":"21",
                       "vatCategory":"standard","vatAmount":"210.00","projectId":"prj-7"}],
             "totalExclVat":"1000.00","totalVat":"210.00","totalInclVat":"1210.00","pdfUrl":null}
            """;

    private final ObjectMapper json = new ObjectMapper();
    private final InvoiceValidator validator = new InvoiceValidator();

    @Test
    void acceptsTheContractsExample() {
        assertThat(validator.validate(parse(INVOICE))).isEmpty();
    }

    @Test
    void acceptsLinesWhoseVatRoundsPerLineDifferentlyFromTheTotal() {
        // 3 × 0.50 at 21 %: 0.105 rounds to 0.11 per line (0.33), while 1.50 × 21 % rounds to 0.32 in total.
        ObjectNode invoice = (ObjectNode) parse(INVOICE);
        ArrayNode lines = invoice.putArray("lines");
        for (int i = 0; i < 3; i++) {
            lines.addObject().put("revenueAccount", "8000").put("amount", "0.50").put("vatRate", "21")
                    .put("vatCategory", "standard").put("vatAmount", "0.11");
        }
        invoice.put("totalExclVat", "1.50").put("totalVat", "0.33").put("totalInclVat", "1.83");

        assertThat(validator.validate(invoice)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "lines.0.amount      | 1000.001 | data.lines[0].amount",
        "lines.0.amount      | 1000,00  | data.lines[0].amount",
        "lines.0.vatAmount   | 210.5    | data.lines[0].vatAmount",
        "lines.0.vatRate     | abc      | data.lines[0].vatRate",
        "lines.0.vatCategory | luxury   | data.lines[0].vatCategory",
        "lines.0.vatRate     | 9        | data.lines[0].vatAmount",
        "kind                | bill     | data.kind",
        "date                | 26-11-2026 | data.date",
        "dueDate             | 2026-11-01 | data.dueDate",
        "currency            | eur      | data.currency",
        "number              | 1234567890123456789012345678901 | data.number",
        "creditedInvoiceId   | inv-1    | data.creditedInvoiceId",
    })
    void namesTheFieldOfABadValue(String field, String value, String problemPath) {
        assertThat(paths(validator.validate(with(field, value)))).contains(problemPath);
    }

    @Test
    void refusesTotalsThatDifferFromTheLineSumsNamingTheDifference() {
        List<Problem> problems = validator.validate(with("totalVat", "210.01"));

        assertThat(problems).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("data.totalVat");
            assertThat(p.message()).contains("210.01").contains("210.00").contains("difference 0.01");
        });
    }

    @Test
    void refusesAnInclusiveTotalThatIsNotExclusivePlusVat() {
        assertThat(paths(validator.validate(with("totalInclVat", "1209.99")))).containsExactly("data.totalInclVat");
    }

    @Test
    void refusesAZeroRatedCategoryWithVat() {
        ObjectNode invoice = (ObjectNode) with("lines.0.vatCategory", "export");

        assertThat(paths(validator.validate(invoice))).contains("data.lines[0].vatRate");
    }

    @Test
    void requiresACreditNoteToBeNegativeAndAnInvoiceNotToBe() {
        ObjectNode credit = (ObjectNode) with("kind", "credit-note");
        assertThat(paths(validator.validate(credit))).contains("data.totalInclVat");

        ObjectNode negative = (ObjectNode) parse(INVOICE);
        ObjectNode line = (ObjectNode) negative.get("lines").get(0);
        line.put("amount", "-1000.00").put("vatAmount", "-210.00");
        negative.put("totalExclVat", "-1000.00").put("totalVat", "-210.00").put("totalInclVat", "-1210.00");
        assertThat(paths(validator.validate(negative))).containsExactly("data.totalInclVat");
        negative.put("kind", "credit-note").put("creditedInvoiceId", "inv-2026-0041");
        assertThat(validator.validate(negative)).isEmpty();
    }

    @Test
    void refusesVatWithTheOppositeSignOfItsLine() {
        assertThat(paths(validator.validate(with("lines.0.vatAmount", "-210.00")))).contains("data.lines[0].vatAmount");
    }

    @Test
    void requiresAtLeastOneLineAndTheMandatoryFields() {
        ObjectNode invoice = (ObjectNode) parse(INVOICE);
        invoice.putArray("lines");
        invoice.remove("relationId");
        invoice.put("number", 42);

        assertThat(paths(validator.validate(invoice))).contains("data.lines", "data.relationId", "data.number");
    }

    private JsonNode with(String path, String value) {
        ObjectNode root = (ObjectNode) parse(INVOICE);
        String[] parts = path.split("\\.");
        JsonNode target = root;
        for (int i = 0; i < parts.length - 1; i++) {
            target = parts[i].matches("\\d+") ? target.get(Integer.parseInt(parts[i])) : target.get(parts[i]);
        }
        ((ObjectNode) target).put(parts[parts.length - 1], value);
        return root;
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<String> paths(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }
}
