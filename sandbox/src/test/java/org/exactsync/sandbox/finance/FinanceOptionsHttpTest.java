package org.exactsync.sandbox.finance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxHttp;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/** The other UNCONFIRMED sign convention, registered as docs/sandbox-finance.md shows. */
class FinanceOptionsHttpTest {

    @Test
    void servesPositiveOpenAmountsWhenRegisteredWithThatOption() {
        FinanceOptions positive = FinanceOptions.defaults().withReceivableOwedNegative(false);
        FinanceViews views = new FinanceViews(positive);
        ExactSandbox.Builder builder = ExactSandbox.builder()
                .clock(AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z")))
                .entitySet(EntryEntitySet.salesEntries(positive)).entitySet(EntryEntitySet.purchaseEntries(positive))
                .entitySet(EntryLineSet.salesEntryLines(positive))
                .entitySet(EntryLineSet.purchaseEntryLines(positive));
        views.all().forEach(builder::entitySet);
        try (ExactSandbox sandbox = builder.build().start()) {
            SandboxHttp http = new SandboxHttp(sandbox).connected();
            SandboxFinance finance = SandboxFinance.of(sandbox, positive);
            HttpResponse<String> account = http.post("/api/v1/100001/crm/Accounts",
                    "{\"Name\":\"Acme BV\",\"Status\":\"C\"}");
            UUID customer = UUID.fromString(http.json(account).path("d").path("ID").asText());
            HttpResponse<String> entry = http.post("/api/v1/100001/salesentry/SalesEntries",
                    "{\"Journal\":\"70\",\"Customer\":\"" + customer + "\",\"EntryDate\":\"2026-11-02\","
                    + "\"YourRef\":\"POS-1\",\"SalesEntryLines\":[{\"GLAccount\":\""
                    + MasterDataSeed.id(100001, "gl", "8000") + "\",\"AmountFC\":100,\"VATCode\":\"2\"}]}");
            assertThat(entry.statusCode()).as(entry.body()).isEqualTo(201);
            UUID entryId = UUID.fromString(http.json(entry).path("d").path("EntryID").asText());
            finance.registerPayment(100001, entryId, new BigDecimal("21.00"), LocalDate.of(2026, 11, 20));

            HttpResponse<String> terms = http.get("/api/v1/100001/sync/Cashflow/PaymentTerms"
                    + "?$filter=Timestamp gt 1L&$select=AmountDC,YourRef");
            assertThat(http.json(terms).path("d").path("results").get(0).path("AmountDC").decimalValue())
                    .isEqualByComparingTo("100.00");
            HttpResponse<String> open = http.get("/api/v1/100001/read/financial/ReceivablesList"
                    + "?$filter=YourRef eq 'POS-1'");
            assertThat(http.json(open).path("d").path("results").get(0).path("Amount").decimalValue())
                    .isEqualByComparingTo("100.00");
        }
    }
}
