package org.exactsync.bench.soak;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The CRM's side of a soak, fixed by the seed: relations (1–3 versions, some in two divisions), projects (1–2
 * versions), invoices (some lines on a project), a few invalid invoices, and the order the CRM sends them in:
 * causal order locally shuffled (an invoice before its relation, an update before its create, an older version after
 * a newer one), plus re-deliveries of event ids and re-sends of objects under new event ids.
 */
final class SoakPlan {

    static final String TENANT = "default";
    private static final int SHUFFLE_WINDOW = 25;
    private static final int DUPLICATE_SPREAD = 150;
    private static final double REDELIVERY = 0.08;
    private static final double RESEND = 0.10;
    private static final double INVALID = 0.01;
    private static final String[] CITIES = {"Utrecht", "Zeist", "Amersfoort", "Houten"};
    private static final String[][] LINE_KINDS = {{"8000", "21", "standard"}, {"8010", "9", "reduced"},
        {"8000", "0", "zero"}, {"8100", "0", "export"}};

    final List<CrmObjects.Relation> relations = new ArrayList<>();
    final List<CrmObjects.Project> projects = new ArrayList<>();
    final List<CrmObjects.Invoice> invoices = new ArrayList<>();
    final List<Delivery> deliveries = new ArrayList<>();
    /** Deliveries that came before something they depend on or after a newer version of their object. */
    int reordered;

    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final Instant start;
    private final LocalDate today;
    private final List<Keyed> keyed = new ArrayList<>();
    private int natural;

    private record Keyed(double key, Delivery delivery) {
    }

    SoakPlan(SoakSettings settings, List<Integer> divisions, Instant start, LocalDate today) {
        this.random = new Random(settings.seed());
        this.start = start;
        this.today = today;
        int relationCount = Math.max(6, settings.events() / 12);
        Map<String, List<CrmObjects.Project>> projectsOf = new HashMap<>();
        for (int i = 0; i < relationCount; i++) {
            relations.add(relation(i, divisions));
        }
        for (int j = 0; j < relationCount / 2; j++) {
            CrmObjects.Relation owner = relations.get(random.nextInt(relations.size()));
            CrmObjects.Project project = project(j, owner);
            projects.add(project);
            projectsOf.computeIfAbsent(owner.id(), k -> new ArrayList<>()).add(project);
        }
        int expected = relations.stream().mapToInt(r -> r.versions().size()).sum()
                + projects.stream().mapToInt(p -> p.versions().size()).sum();
        List<List<CrmObjects.Invoice>> invoicesOf = new ArrayList<>();
        relations.forEach(r -> invoicesOf.add(new ArrayList<>()));
        int invalid = 0;
        java.util.Set<String> invalidTwins = new java.util.HashSet<>();
        // Enough invoices that originals plus the expected duplicates reach the requested number of deliveries.
        while ((expected + invoices.size()) * (1 + REDELIVERY) + (relations.size() + projects.size()
                + invoices.size()) * RESEND + invalid < settings.events()) {
            int r = random.nextInt(relations.size());
            CrmObjects.Relation owner = relations.get(r);
            CrmObjects.Invoice invoice = invoice(invoices.size(), owner, projectsOf.getOrDefault(owner.id(),
                    List.of()));
            invoices.add(invoice);
            invoicesOf.get(r).add(invoice);
            if (random.nextDouble() < INVALID) {
                invalidTwins.add(invoice.id());
                invalid++;
            }
        }
        for (int r = 0; r < relations.size(); r++) {
            CrmObjects.Relation relation = relations.get(r);
            String relationKey = "relation:" + relation.id();
            versions(relationKey, "/crm/relations", "relation.upserted", relation.divisions(), relation.versions(),
                    List.of());
            for (CrmObjects.Project project : projectsOf.getOrDefault(relation.id(), List.of())) {
                versions("project:" + project.id(), "/crm/projects", "project.upserted", project.divisions(),
                        project.versions(), List.of(relationKey));
            }
            for (CrmObjects.Invoice invoice : invoicesOf.get(r)) {
                List<String> needs = new ArrayList<>(List.of(relationKey));
                projectsOf.getOrDefault(relation.id(), List.of()).stream()
                        .filter(p -> invoice.data().contains("\"" + p.id() + "\""))
                        .forEach(p -> needs.add("project:" + p.id()));
                CrmObjects.Version only = new CrmObjects.Version(1, invoice.data(), start.toString());
                versions("invoice:" + invoice.id(), "/crm/invoices", "invoice.created", List.of(invoice.division()),
                        List.of(only), needs);
                if (invalidTwins.contains(invoice.id())) {
                    add(natural++, new Delivery("evt-bad-" + invoice.id(), "/crm/invoices", "invoice.created",
                            "invalid:" + invoice.id(), 1, envelope("evt-bad-" + invoice.id(), "invoice.created",
                                    start.toString(), List.of(invoice.division()), broken(invoice.data())),
                            List.of(invoice.division()), Delivery.Kind.INVALID, List.of()));
                }
            }
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key));
        keyed.forEach(k -> deliveries.add(k.delivery()));
        reordered = countReordered();
    }

    /** Originals of each version, a re-delivery now and then, and once in a while the latest version re-sent. */
    private void versions(String objectKey, String route, String type, List<Integer> divisions,
            List<CrmObjects.Version> versions, List<String> needs) {
        for (CrmObjects.Version version : versions) {
            String eventId = "evt-" + objectKey.replace(':', '-') + "-v" + version.number();
            Delivery original = new Delivery(eventId, route, type, objectKey, version.number(),
                    envelope(eventId, type, version.occurredAt(), divisions, version.data()), divisions,
                    Delivery.Kind.ORIGINAL, needs);
            int at = natural++;
            add(at + random.nextDouble() * SHUFFLE_WINDOW, original);
            if (random.nextDouble() < REDELIVERY) {
                add(at + 1 + random.nextDouble() * DUPLICATE_SPREAD, new Delivery(eventId, route, type, objectKey,
                        version.number(), original.body(), divisions, Delivery.Kind.REDELIVERY, needs));
            }
        }
        if (random.nextDouble() < RESEND) {
            CrmObjects.Version last = versions.get(versions.size() - 1);
            String eventId = "evt-" + objectKey.replace(':', '-') + "-resend";
            add(natural + random.nextDouble() * DUPLICATE_SPREAD, new Delivery(eventId, route, type, objectKey,
                    last.number(), envelope(eventId, type, last.occurredAt(), divisions, last.data()), divisions,
                    Delivery.Kind.RESEND, needs));
        }
    }

    private void add(double key, Delivery delivery) {
        keyed.add(new Keyed(key, delivery));
    }

    private int countReordered() {
        Map<String, Integer> firstSeen = new HashMap<>();
        Map<String, Integer> newestSeen = new HashMap<>();
        int count = 0;
        for (Delivery d : deliveries) {
            if (d.kind() == Delivery.Kind.INVALID) {
                continue;
            }
            boolean early = d.needs().stream().anyMatch(n -> !firstSeen.containsKey(n));
            boolean stale = newestSeen.getOrDefault(d.objectKey(), 0) > d.version();
            boolean updateFirst = d.version() > 1 && !firstSeen.containsKey(d.objectKey());
            if (early || stale || updateFirst) {
                count++;
            }
            firstSeen.putIfAbsent(d.objectKey(), 1);
            newestSeen.merge(d.objectKey(), d.version(), Math::max);
        }
        return count;
    }

    private CrmObjects.Relation relation(int i, List<Integer> divisions) {
        int home = divisions.get(i % divisions.size());
        List<Integer> targets = new ArrayList<>(List.of(home));
        if (divisions.size() > 1 && random.nextDouble() < 0.25) {
            targets.add(divisions.get((i + 1) % divisions.size()));
        }
        String id = String.format("rel-%05d", i);
        String name = String.format("Soak klant %05d", i);
        List<CrmObjects.Version> versions = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int v = 1; v <= count; v++) {
            ObjectNode data = json.createObjectNode().put("id", id);
            data.putArray("roles").add("customer");
            data.put("name", name);
            data.putObject("address").put("line1", "Dorpsstraat " + (1 + random.nextInt(200)))
                    .put("postcode", "3512 AB").put("city", CITIES[random.nextInt(CITIES.length)]).put("country", "NL");
            data.put("email", String.format("info@klant%05d.example", i))
                    .put("phone", String.format("+31 30 %07d", random.nextInt(10_000_000)))
                    .put("vatNumber", String.format("NL%09dB01", 300_000_000 + i)).put("paymentTermDays", 30);
            versions.add(new CrmObjects.Version(v, data.toString(), start.plusSeconds(60L * v + i).toString()));
        }
        return new CrmObjects.Relation(id, name, home, List.copyOf(targets), versions);
    }

    private CrmObjects.Project project(int j, CrmObjects.Relation owner) {
        String id = String.format("prj-%05d", j);
        String key = String.format("Soak project %05d v", j);
        List<CrmObjects.Version> versions = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int v = 1; v <= count; v++) {
            ObjectNode data = json.createObjectNode().put("id", id).put("number", String.format("P%05d", j))
                    .put("description", key + v).put("relationId", owner.id()).put("active", true);
            versions.add(new CrmObjects.Version(v, data.toString(), start.plusSeconds(120L * v + j).toString()));
        }
        return new CrmObjects.Project(id, owner.id(), key, owner.divisions(), versions);
    }

    private CrmObjects.Invoice invoice(int i, CrmObjects.Relation owner, List<CrmObjects.Project> ownProjects) {
        String id = String.format("inv-%06d", i);
        String number = String.format("S-%06d", i);
        ObjectNode data = json.createObjectNode().put("id", id).put("number", number).put("kind", "invoice")
                .put("relationId", owner.id()).put("date", today.toString())
                .put("dueDate", today.plusDays(30).toString()).put("currency", "EUR")
                .put("description", "Soak factuur " + i);
        ArrayNode lines = data.putArray("lines");
        BigDecimal excl = BigDecimal.ZERO;
        BigDecimal vat = BigDecimal.ZERO;
        int count = 1 + random.nextInt(3);
        for (int l = 0; l < count; l++) {
            String[] kind = LINE_KINDS[random.nextInt(LINE_KINDS.length)];
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(200_000), 2);
            BigDecimal lineVat = amount.multiply(new BigDecimal(kind[1])).movePointLeft(2)
                    .setScale(2, RoundingMode.HALF_UP);
            ObjectNode line = lines.addObject().put("description", "Regel " + (l + 1)).put("revenueAccount", kind[0])
                    .put("amount", amount.toPlainString()).put("vatRate", kind[1]).put("vatCategory", kind[2])
                    .put("vatAmount", lineVat.toPlainString());
            if (!ownProjects.isEmpty() && random.nextDouble() < 0.3) {
                line.put("projectId", ownProjects.get(random.nextInt(ownProjects.size())).id());
            }
            excl = excl.add(amount);
            vat = vat.add(lineVat);
        }
        data.put("totalExclVat", excl.toPlainString()).put("totalVat", vat.toPlainString())
                .put("totalInclVat", excl.add(vat).toPlainString());
        return new CrmObjects.Invoice(id, number, owner.id(), owner.home(), excl.add(vat), vat, data.toString());
    }

    /** The same invoice with a VAT total a cent off: the contract's 400 naming the difference. */
    private String broken(String invoice) {
        try {
            ObjectNode data = (ObjectNode) json.readTree(invoice);
            BigDecimal vat = new BigDecimal(data.get("totalVat").asText()).add(new BigDecimal("0.01"));
            data.put("id", "bad-" + data.get("id").asText()).put("totalVat", vat.toPlainString());
            return data.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String envelope(String eventId, String type, String occurredAt, List<Integer> divisions, String data) {
        try {
            ObjectNode envelope = json.createObjectNode().put("eventId", eventId).put("type", type)
                    .put("occurredAt", occurredAt).put("tenant", TENANT);
            ArrayNode targets = envelope.putArray("divisions");
            divisions.forEach(targets::add);
            envelope.set("data", json.readTree(data));
            return envelope.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
