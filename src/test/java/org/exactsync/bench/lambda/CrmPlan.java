package org.exactsync.bench.lambda;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the CRM sends at month end: new relations (each in one division, with a VAT number) and, per relation, its
 * invoices, with amounts that vary so that a wrong total cannot hide. The relations come first, then the invoices
 * round-robin over the relations, as a CRM's invoicing run follows its customer sync.
 */
final class CrmPlan {

    /** One signed POST the CRM makes (and repeats after a 5xx). */
    record Delivery(String eventId, String route, String body) {
    }

    record Invoice(String number, int division, BigDecimal totalInclVat) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Delivery> deliveries = new ArrayList<>();
    final List<Invoice> invoices = new ArrayList<>();

    CrmPlan(String tenant, List<Integer> divisions, int relations, int invoicesPerRelation, LocalDate today) {
        Random random = new Random(13);
        for (int r = 0; r < relations; r++) {
            int division = divisions.get(r % divisions.size());
            ObjectNode data = JSON.createObjectNode().put("id", relationId(r))
                    .put("name", String.format(Locale.ROOT, "Maandeinde klant %04d", r));
            data.putArray("roles").add("customer");
            data.putObject("address").put("line1", "Kerkstraat " + (1 + r % 200)).put("postcode", "3512 AB")
                    .put("city", "Utrecht").put("country", "NL");
            data.put("vatNumber", String.format(Locale.ROOT, "NL%09dB01", 500_000_000 + r)).put("paymentTermDays", 30);
            deliveries.add(new Delivery("evt-rel-" + r, "/crm/relations",
                    envelope(tenant, "evt-rel-" + r, "relation.upserted", today, division, data)));
        }
        int n = 0;
        for (int k = 0; k < invoicesPerRelation; k++) {
            for (int r = 0; r < relations; r++) {
                int division = divisions.get(r % divisions.size());
                String number = String.format(Locale.ROOT, "ME-%05d", n);
                BigDecimal amount = BigDecimal.valueOf(100 + random.nextInt(500_000), 2);
                BigDecimal vat = amount.multiply(new BigDecimal("0.21")).setScale(2, RoundingMode.HALF_UP);
                ObjectNode data = JSON.createObjectNode().put("id", "inv-me-" + n).put("number", number)
                        .put("kind", "invoice").put("relationId", relationId(r)).put("date", today.toString())
                        .put("dueDate", today.plusDays(30).toString()).put("currency", "EUR")
                        .put("description", "Maandfactuur " + n);
                ArrayNode lines = data.putArray("lines");
                lines.addObject().put("description", "Werk").put("revenueAccount", "8000")
                        .put("amount", amount.toPlainString()).put("vatRate", "21").put("vatCategory", "standard")
                        .put("vatAmount", vat.toPlainString());
                data.put("totalExclVat", amount.toPlainString()).put("totalVat", vat.toPlainString())
                        .put("totalInclVat", amount.add(vat).toPlainString());
                deliveries.add(new Delivery("evt-inv-" + n, "/crm/invoices",
                        envelope(tenant, "evt-inv-" + n, "invoice.created", today, division, data)));
                invoices.add(new Invoice(number, division, amount.add(vat)));
                n++;
            }
        }
    }

    private static String relationId(int r) {
        return String.format(Locale.ROOT, "rel-me-%04d", r);
    }

    private static String envelope(String tenant, String eventId, String type, LocalDate today, int division,
            ObjectNode data) {
        ObjectNode envelope = JSON.createObjectNode().put("eventId", eventId).put("type", type)
                .put("occurredAt", today.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toString()).put("tenant", tenant);
        envelope.putArray("divisions").add(division);
        envelope.set("data", data);
        return envelope.toString();
    }
}
