package org.exactsync.local;

import io.quarkus.arc.profile.IfBuildProfile;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.sandbox.master.MasterDataSeed;

/**
 * What a bookkeeper would do in Exact, for the local run's sample cycle (infra/sample): register a customer's
 * payment against a booked invoice, and book a supplier's invoice on a project's cost center. Served on the local
 * gateway only while the bundled sandbox runs; never part of the deployed functions.
 * <ul>
 * <li>{@code POST /local/sandbox/payment?division=&yourRef=&amount=&date=}</li>
 * <li>{@code POST /local/sandbox/purchase?division=&costCenter=&amount=&description=&date=}</li>
 * </ul>
 */
// Built into dev mode only (./run-local): a deployed function must not create or even know these beans.
@IfBuildProfile("dev")
@ApplicationScoped
public class SandboxDemoRoutes {

    /** The seeded purchase journal and a cost account of the sandbox's standard chart (docs/sandbox-finance.md). */
    private static final String PURCHASE_JOURNAL = "60";
    private static final String COSTS_GL = "4010";
    private static final String VAT_HIGH = "2";

    private final ObjectMapper json;
    private final Clock clock;

    public SandboxDemoRoutes(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    @Produces
    LocalHttpRoute payment(LocalRuntime runtime) {
        return route("/local/sandbox/payment", runtime, (finance, query) -> {
            int division = Integer.parseInt(required(query, "division"));
            var result = finance.registerPaymentByYourRef(division, required(query, "yourRef"),
                    new BigDecimal(required(query, "amount")), date(query));
            return json.writeValueAsString(result);
        });
    }

    @Produces
    LocalHttpRoute purchase(LocalRuntime runtime) {
        return route("/local/sandbox/purchase", runtime, (finance, query) -> {
            int division = Integer.parseInt(required(query, "division"));
            String description = query.getOrDefault("description", "Inkoop");
            Map<String, Object> line = new HashMap<>();
            line.put("GLAccount", MasterDataSeed.id(division, "gl", COSTS_GL));
            line.put("AmountFC", new BigDecimal(required(query, "amount")));
            line.put("VATCode", VAT_HIGH);
            line.put("CostCenter", required(query, "costCenter"));
            line.put("Description", description);
            Map<String, Object> body = new HashMap<>();
            body.put("Journal", PURCHASE_JOURNAL);
            body.put("Supplier", supplier(runtime.sandbox().orElseThrow(), division));
            body.put("EntryDate", date(query).toString());
            body.put("YourRef", description);
            body.put("PurchaseEntryLines", List.of(line));
            Map<String, Object> entry = finance.bookPurchaseEntry(division, body);
            return json.writeValueAsString(Map.of("entryId", String.valueOf(entry.get("EntryID")),
                    "entryNumber", String.valueOf(entry.get("EntryNumber"))));
        });
    }

    /** The division's demo supplier, created in the sandbox the first time. */
    private static UUID supplier(ExactSandbox sandbox, int division) {
        Optional<Map<String, Object>> existing = sandbox.rows(division, "crm/Accounts").stream()
                .filter(row -> Boolean.TRUE.equals(row.get("IsSupplier"))).findFirst();
        if (existing.isPresent()) {
            return UUID.fromString(String.valueOf(existing.get().get("ID")));
        }
        Map<String, Object> created = sandbox.inDivision(division, (data, context) -> sandbox
                .entitySet("crm/Accounts").orElseThrow().create(data, new HashMap<>(Map.of("Name",
                        "Voorbeeld Leverancier B.V.", "IsSupplier", true)), context));
        return UUID.fromString(String.valueOf(created.get("ID")));
    }

    private LocalDate date(Map<String, String> query) {
        return Optional.ofNullable(query.get("date")).map(LocalDate::parse).orElse(LocalDate.now(clock));
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("query parameter " + name + " is required");
        }
        return value;
    }

    private static LocalHttpRoute route(String path, LocalRuntime runtime, Action action) {
        return new LocalHttpRoute() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public HttpResponseEvent handle(String method, HttpRequestEvent request, Map<String, String> query) {
                if (!"POST".equals(method)) {
                    return HttpResponseEvent.json(405, "{\"error\":\"method\",\"message\":\"use POST\"}");
                }
                Optional<ExactSandbox> sandbox = runtime.sandbox();
                if (sandbox.isEmpty()) {
                    return HttpResponseEvent.json(404, "{\"error\":\"not-found\",\"message\":\"only with the "
                            + "bundled sandbox\"}");
                }
                try {
                    return HttpResponseEvent.json(200, action.run(SandboxFinance.of(sandbox.get()), query));
                } catch (IllegalArgumentException | ExactFault refused) {
                    return HttpResponseEvent.json(400, "{\"error\":\"validation\",\"message\":"
                            + quote(refused.getMessage()) + "}");
                } catch (Exception failed) {
                    return HttpResponseEvent.json(500, "{\"error\":\"internal\",\"message\":"
                            + quote(failed.getClass().getSimpleName()) + "}");
                }
            }
        };
    }

    private static String quote(String text) {
        return "\"" + String.valueOf(text).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @FunctionalInterface
    private interface Action {
        String run(SandboxFinance finance, Map<String, String> query) throws Exception;
    }
}
