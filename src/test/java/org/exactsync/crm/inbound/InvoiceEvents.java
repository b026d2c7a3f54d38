package org.exactsync.crm.inbound;

import static org.exactsync.crm.inbound.FuzzValues.digits;
import static org.exactsync.crm.inbound.FuzzValues.notArray;
import static org.exactsync.crm.inbound.FuzzValues.notObject;
import static org.exactsync.crm.inbound.FuzzValues.notText;
import static org.exactsync.crm.inbound.FuzzValues.oneOf;
import static org.exactsync.crm.inbound.FuzzValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.exactsync.mapping.InvoiceCreated;
import org.exactsync.mapping.InvoiceValidator;

/**
 * {@code invoice.created} for the contract fuzzer (rules: crm-contract.md and docs/invoice-flow.md). Valid invoices
 * have 1 to 6 lines in every VAT category, the CRM's own rounding of each line's VAT (within the cent the contract
 * allows) and totals that are the line sums; credit notes carry negative amounts. Every damage breaks one rule so that
 * the event must be refused naming the field, whatever valid invoice it hits.
 */
final class InvoiceEvents implements ContractEvents {

    private static final String[] ZERO_CATEGORIES = {"zero", "exempt", "reverse-charge", "intra-eu", "export"};
    private static final RoundingMode[] CRM_ROUNDINGS = {RoundingMode.HALF_UP, RoundingMode.DOWN, RoundingMode.UP};
    private static final List<String> REQUIRED_TEXT = List.of("id", "number", "kind", "relationId", "date",
            "currency");
    private static final List<String> TOTALS = List.of("totalExclVat", "totalVat", "totalInclVat");

    private final InvoiceValidator validator = new InvoiceValidator();

    @Override
    public String type() {
        return "invoice.created";
    }

    @Override
    public String route() {
        return "/crm/invoices";
    }

    @Override
    public ObjectNode validData(Random random) {
        boolean credit = random.nextInt(4) == 0;
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", text(random, 1, 100));
        data.put("number", oneOf(random, "", "F", "2026-", "CN/") + digits(random, 1 + random.nextInt(20)));
        data.put("kind", credit ? InvoiceCreated.CREDIT_NOTE : InvoiceCreated.INVOICE);
        if (credit && random.nextBoolean()) {
            data.put("creditedInvoiceId", text(random, 1, 100));
        } else if (random.nextBoolean()) {
            data.putNull("creditedInvoiceId");
        }
        data.put("relationId", text(random, 1, 100));
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(3_000));
        data.put("date", date.toString());
        switch (random.nextInt(3)) {
            case 0 -> data.put("dueDate", date.plusDays(random.nextInt(120)).toString());
            case 1 -> data.putNull("dueDate");
            default -> {
                // absent
            }
        }
        data.put("currency", oneOf(random, "EUR", "EUR", "USD", "GBP"));
        if (random.nextBoolean()) {
            data.put("description", text(random, 1, 255));
        }
        if (random.nextBoolean()) {
            data.put("pdfUrl", "https://crm.example/invoices/" + digits(random, 8) + ".pdf");
        }
        ArrayNode lines = data.putArray("lines");
        BigDecimal excl = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            ObjectNode line = lines.addObject();
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(10_000_000), 2);
            if (credit) {
                amount = amount.negate();
            }
            String category = random.nextInt(3) == 0 ? oneOf(random, ZERO_CATEGORIES)
                    : oneOf(random, "standard", "reduced");
            String rate = switch (category) {
                case "standard" -> oneOf(random, "21", "21.00", "20");
                case "reduced" -> oneOf(random, "9", "6", "12", "5.5");
                default -> oneOf(random, "0", "0.00");
            };
            BigDecimal lineVat = amount.multiply(new BigDecimal(rate)).movePointLeft(2)
                    .setScale(2, oneOf(random, CRM_ROUNDINGS));
            if (random.nextBoolean()) {
                line.put("description", text(random, 1, 255));
            }
            line.put("revenueAccount", oneOf(random, "8000", "8100", "services", text(random, 1, 100)));
            line.put("amount", amount.toPlainString());
            line.put("vatRate", rate);
            line.put("vatCategory", category);
            line.put("vatAmount", lineVat.toPlainString());
            if (random.nextBoolean()) {
                line.put("projectId", text(random, 1, 100));
            }
            excl = excl.add(amount);
            vat = vat.add(lineVat);
        }
        data.put("totalExclVat", excl.toPlainString());
        data.put("totalVat", vat.toPlainString());
        data.put("totalInclVat", excl.add(vat).toPlainString());
        return data;
    }

    @Override
    public List<Damage> damages() {
        List<Damage> damages = new ArrayList<>();
        for (String field : REQUIRED_TEXT) {
            damages.addAll(Damage.requiredText(field));
        }
        damages.add(Damage.of("id too long", (e, r) -> put(e, "id", text(r, 101, 300), "data.id")));
        damages.add(Damage.of("number too long", (e, r) -> put(e, "number", digits(r, 31 + r.nextInt(40)),
                "data.number")));
        damages.add(Damage.of("unknown kind", (e, r) -> put(e, "kind",
                oneOf(r, "Invoice", "credit_note", "creditnote", "quote", "order"), "data.kind")));
        damages.add(Damage.of("credited invoice on an invoice", (e, r) -> {
            data(e).put("kind", InvoiceCreated.INVOICE);
            data(e).put("creditedInvoiceId", text(r, 1, 100));
            return "data.creditedInvoiceId";
        }));
        damages.add(Damage.of("date not ISO", (e, r) -> put(e, "date",
                oneOf(r, "26-11-2026", "2026/11/26", "2026-13-01", "2026-02-30", "20261126", "yesterday"),
                "data.date")));
        damages.add(Damage.of("due date not ISO", (e, r) -> put(e, "dueDate",
                oneOf(r, "26-12-2026", "2026-12-32", "next month"), "data.dueDate")));
        damages.add(Damage.of("due date before the date", (e, r) -> {
            LocalDate date = LocalDate.parse(data(e).get("date").asText());
            return put(e, "dueDate", date.minusDays(1 + r.nextInt(60)).toString(), "data.dueDate");
        }));
        damages.add(Damage.of("currency not ISO 4217", (e, r) -> put(e, "currency",
                oneOf(r, "eur", "EURO", "€", "E1R", "EU"), "data.currency")));
        damages.add(Damage.of("description too long", (e, r) -> put(e, "description", text(r, 256, 400),
                "data.description")));
        damages.add(Damage.of("pdfUrl not a string", (e, r) -> {
            data(e).set("pdfUrl", notText(r));
            return "data.pdfUrl";
        }));
        damages.add(Damage.of("lines missing, null or not an array", (e, r) -> {
            switch (r.nextInt(3)) {
                case 0 -> data(e).remove("lines");
                case 1 -> data(e).putNull("lines");
                default -> data(e).set("lines", notArray(r));
            }
            return "data.lines";
        }));
        damages.add(Damage.of("no lines", (e, r) -> {
            data(e).putArray("lines");
            return "data.lines";
        }));
        damages.add(Damage.of("more than 500 lines", (e, r) -> {
            // Short lines, so that the body stays under the inbound size limit and the line count is what is wrong.
            ArrayNode lines = lines(e);
            while (lines.size() <= 500) {
                lines.addObject().put("revenueAccount", "8000").put("amount", "0.00").put("vatRate", "0")
                        .put("vatCategory", "zero").put("vatAmount", "0.00");
            }
            return "data.lines";
        }));
        damages.add(Damage.of("line not an object", (e, r) -> {
            int i = anyLine(e, r);
            lines(e).set(i, notObject(r));
            return "data.lines[" + i + "]";
        }));
        for (String field : List.of("revenueAccount", "amount", "vatAmount", "vatRate", "vatCategory")) {
            damages.add(Damage.of("line " + field + " missing, blank or not a string", (e, r) -> {
                int i = anyLine(e, r);
                switch (r.nextInt(3)) {
                    case 0 -> line(e, i).remove(field);
                    case 1 -> line(e, i).put(field, oneOf(r, "", " "));
                    default -> line(e, i).set(field, notText(r));
                }
                return "data.lines[" + i + "]." + field;
            }));
        }
        damages.add(Damage.of("line amount not a 2-decimal string", (e, r) -> lineValue(e, r, "amount",
                oneOf(r, "1.234", "1,00", "€ 10.00", "1e3", "12.", ".5", "--1", "10 000.00",
                        digits(r, 14) + ".00"))));
        damages.add(Damage.of("line VAT amount not a 2-decimal string", (e, r) -> lineValue(e, r, "vatAmount",
                oneOf(r, "21.005", "21,00", "twenty", "0.0.0"))));
        damages.add(Damage.of("line VAT rate not a percentage", (e, r) -> lineValue(e, r, "vatRate",
                oneOf(r, "21%", "-21", "101", "0,21", "21.00001", "abc"))));
        damages.add(Damage.of("unknown VAT category", (e, r) -> lineValue(e, r, "vatCategory",
                oneOf(r, "Standard", "high", "low", "vat-free", "none"))));
        damages.add(Damage.of("zero-VAT category with a rate", (e, r) -> {
            int i = anyLine(e, r);
            line(e, i).put("vatCategory", oneOf(r, ZERO_CATEGORIES));
            line(e, i).put("vatRate", oneOf(r, "21", "9", "0.5"));
            return "data.lines[" + i + "].vatRate";
        }));
        damages.add(Damage.of("charged VAT category at rate 0", (e, r) -> {
            int i = anyLine(e, r);
            line(e, i).put("vatCategory", oneOf(r, "standard", "reduced"));
            line(e, i).put("vatRate", oneOf(r, "0", "0.00"));
            return "data.lines[" + i + "].vatRate";
        }));
        damages.add(Damage.of("line VAT off by more than a cent", (e, r) -> {
            int i = anyLine(e, r);
            ObjectNode line = line(e, i);
            BigDecimal amount = new BigDecimal(line.get("amount").asText());
            BigDecimal exact = amount.multiply(new BigDecimal(line.get("vatRate").asText())).movePointLeft(2);
            // Away from zero so that the sign stays the amount's; 0.02 is the smallest amount the rule refuses.
            BigDecimal off = BigDecimal.valueOf(2 + r.nextInt(500), 2);
            BigDecimal wrong = exact.setScale(2, RoundingMode.HALF_UP)
                    .add(amount.signum() < 0 ? off.negate() : off);
            line.put("vatAmount", wrong.toPlainString());
            return "data.lines[" + i + "].vatAmount";
        }));
        damages.add(Damage.of("line VAT with the opposite sign", (e, r) -> {
            int i = anyLine(e, r);
            ObjectNode line = line(e, i);
            BigDecimal amount = new BigDecimal(line.get("amount").asText());
            BigDecimal wrong = BigDecimal.valueOf(1 + r.nextInt(10_000), 2);
            line.put("vatAmount", (amount.signum() < 0 ? wrong : wrong.negate()).toPlainString());
            return "data.lines[" + i + "].vatAmount";
        }));
        damages.add(Damage.of("line projectId not a string or too long", (e, r) -> {
            int i = anyLine(e, r);
            if (r.nextBoolean()) {
                line(e, i).set("projectId", notText(r));
            } else {
                line(e, i).put("projectId", text(r, 101, 200));
            }
            return "data.lines[" + i + "].projectId";
        }));
        for (String total : TOTALS) {
            damages.add(Damage.of(total + " off by at least a cent", (e, r) -> {
                BigDecimal stated = new BigDecimal(data(e).get(total).asText());
                BigDecimal off = BigDecimal.valueOf(1 + r.nextInt(100_000), 2);
                return put(e, total, (r.nextBoolean() ? stated.add(off) : stated.subtract(off)).toPlainString(),
                        "data." + total);
            }));
            damages.add(Damage.of(total + " missing or not a 2-decimal string", (e, r) -> {
                switch (r.nextInt(3)) {
                    case 0 -> data(e).remove(total);
                    case 1 -> data(e).set(total, JsonNodeFactory.instance.numberNode(r.nextInt(10_000)));
                    default -> data(e).put(total, oneOf(r, "1210.001", "1.210,00", "EUR 10", ""));
                }
                return "data." + total;
            }));
        }
        damages.add(Damage.of("invoice with a negative total", (e, r) -> {
            if (new BigDecimal(data(e).get("totalInclVat").asText()).signum() > 0) {
                negateAmounts(e);
            }
            data(e).put("kind", InvoiceCreated.INVOICE);
            data(e).remove("creditedInvoiceId");
            return "data.totalInclVat";
        }));
        damages.add(Damage.of("credit note with a positive total", (e, r) -> {
            if (new BigDecimal(data(e).get("totalInclVat").asText()).signum() < 0) {
                negateAmounts(e);
            }
            data(e).put("kind", InvoiceCreated.CREDIT_NOTE);
            return "data.totalInclVat";
        }));
        return damages;
    }

    @Override
    public EventHandler<?> handler() {
        return new ValidatingOnlyHandler<>(type(), InvoiceCreated.class, validator::validate);
    }

    /**
     * Turns an invoice into its mirror image: every line amount, line VAT and total changes sign. Every value is read
     * before any is written, so an earlier damage that made one unreadable leaves the event untouched.
     */
    private static void negateAmounts(ObjectNode envelope) {
        List<Runnable> writes = new ArrayList<>();
        for (JsonNode line : lines(envelope)) {
            ObjectNode l = (ObjectNode) line;
            for (String field : List.of("amount", "vatAmount")) {
                String negated = new BigDecimal(l.get(field).asText()).negate().toPlainString();
                writes.add(() -> l.put(field, negated));
            }
        }
        for (String total : TOTALS) {
            String negated = new BigDecimal(data(envelope).get(total).asText()).negate().toPlainString();
            writes.add(() -> data(envelope).put(total, negated));
        }
        writes.forEach(Runnable::run);
    }

    private static String lineValue(ObjectNode envelope, Random random, String field, String value) {
        int i = anyLine(envelope, random);
        line(envelope, i).put(field, value);
        return "data.lines[" + i + "]." + field;
    }

    private static ObjectNode data(ObjectNode envelope) {
        return (ObjectNode) envelope.get("data");
    }

    private static ArrayNode lines(ObjectNode envelope) {
        return (ArrayNode) data(envelope).get("lines");
    }

    /** A line that is still an object (an earlier damage may have replaced one). */
    private static int anyLine(ObjectNode envelope, Random random) {
        ArrayNode lines = lines(envelope);
        int start = random.nextInt(lines.size());
        for (int k = 0; k < lines.size(); k++) {
            int i = (start + k) % lines.size();
            if (lines.get(i).isObject()) {
                return i;
            }
        }
        throw new IllegalStateException("no line left to damage");
    }

    private static ObjectNode line(ObjectNode envelope, int index) {
        return (ObjectNode) lines(envelope).get(index);
    }

    private static String put(ObjectNode envelope, String field, String value, String path) {
        data(envelope).put(field, value);
        return path;
    }
}
