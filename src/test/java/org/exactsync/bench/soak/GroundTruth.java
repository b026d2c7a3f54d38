package org.exactsync.bench.soak;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.sandbox.oauth.TokenChainState;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;

/**
 * The soak's verdict, counted from the sandbox's own data (accounts, cost centers, sales entries, token chains) and
 * the CRM's side, not from the connector's bookkeeping: the event records are read only to see that every valid
 * event ended {@code done} and no invalid one was stored.
 */
final class GroundTruth {

    private static final String ACCOUNTS = "crm/Accounts";
    private static final String COST_CENTERS = "hrm/Costcenters";
    private static final String ENTRIES = "salesentry/SalesEntries";

    int lost;
    int duplicates;
    int mismatched;
    int brokenTokenChains;
    int staleAfterReorder;
    int tokenRotations;
    BigDecimal crmTotal = BigDecimal.ZERO;
    BigDecimal exactTotal = BigDecimal.ZERO;
    final List<String> findings = new ArrayList<>();

    private final ObjectMapper json = new ObjectMapper();

    GroundTruth(SoakWorld world, SoakPlan plan) {
        Map<Integer, List<Map<String, Object>>> accounts = new HashMap<>();
        Map<Integer, List<Map<String, Object>>> costCenters = new HashMap<>();
        Map<Integer, List<Map<String, Object>>> entries = new HashMap<>();
        for (int d : world.divisions) {
            accounts.put(d, world.sandbox.rows(d, ACCOUNTS));
            costCenters.put(d, world.sandbox.rows(d, COST_CENTERS));
            entries.put(d, world.sandbox.rows(d, ENTRIES));
        }
        Map<String, Object> accountIds = new HashMap<>();
        for (CrmObjects.Relation relation : plan.relations) {
            JsonNode last = read(relation.versions().get(relation.versions().size() - 1).data());
            for (int d : world.divisions) {
                List<Map<String, Object>> found = accounts.get(d).stream()
                        .filter(a -> relation.name().equals(a.get("Name"))).toList();
                check(relation.id() + " accounts in " + d, relation.divisions().contains(d) ? 1 : 0, found.size());
                if (found.size() == 1) {
                    accountIds.put(relation.id() + "@" + d, found.get(0).get("ID"));
                    if (!last.path("address").path("city").asText().equals(found.get(0).get("City"))) {
                        staleAfterReorder++;
                        finding("older version: " + relation.id() + " in " + d + " has city " + found.get(0).get("City")
                                + ", the last version " + last.path("address").path("city").asText());
                    }
                }
            }
        }
        for (CrmObjects.Project project : plan.projects) {
            JsonNode last = read(project.versions().get(project.versions().size() - 1).data());
            for (int d : world.divisions) {
                List<Map<String, Object>> found = costCenters.get(d).stream().filter(c ->
                        String.valueOf(c.get("Description")).startsWith(project.descriptionKey())).toList();
                check(project.id() + " cost centers in " + d, project.divisions().contains(d) ? 1 : 0, found.size());
                if (found.size() == 1 && !last.path("description").asText().equals(found.get(0).get("Description"))) {
                    staleAfterReorder++;
                    finding("older version: " + project.id() + " in " + d + " has description "
                            + found.get(0).get("Description") + ", the last version "
                            + last.path("description").asText());
                }
            }
        }
        for (CrmObjects.Invoice invoice : plan.invoices) {
            crmTotal = crmTotal.add(invoice.totalInclVat());
            for (int d : world.divisions) {
                List<Map<String, Object>> found = entries.get(d).stream()
                        .filter(e -> invoice.number().equals(e.get("YourRef"))).toList();
                check(invoice.id() + " sales entries in " + d, d == invoice.division() ? 1 : 0, found.size());
                if (d != invoice.division() || found.size() != 1) {
                    continue;
                }
                Map<String, Object> entry = found.get(0);
                BigDecimal amount = new BigDecimal(entry.get("AmountFC").toString());
                exactTotal = exactTotal.add(amount);
                boolean sameAmount = amount.compareTo(invoice.totalInclVat()) == 0;
                boolean sameVat = new BigDecimal(entry.get("VATAmountFC").toString())
                        .compareTo(invoice.totalVat()) == 0;
                boolean sameCustomer = Objects.equals(String.valueOf(entry.get("Customer")),
                        String.valueOf(accountIds.get(invoice.relationId() + "@" + d)));
                if (!sameAmount || !sameVat || !sameCustomer) {
                    mismatched++;
                    finding("mismatch " + invoice.id() + ": amount " + sameAmount + ", VAT " + sameVat + ", customer "
                            + sameCustomer);
                }
            }
        }
        if (crmTotal.compareTo(exactTotal) != 0) {
            mismatched++;
            finding("sum over all invoices: CRM " + crmTotal + ", Exact " + exactTotal);
        }
        countEvents(world, plan);
        countTokens(world);
    }

    private void countEvents(SoakWorld world, SoakPlan plan) {
        Set<String> valid = new LinkedHashSet<>();
        Set<String> invalid = new LinkedHashSet<>();
        plan.deliveries.forEach(d -> (d.kind() == Delivery.Kind.INVALID ? invalid : valid).add(d.eventId()));
        for (String eventId : valid) {
            EventRecord record = world.events.find(SoakPlan.TENANT, eventId).orElse(null);
            if (record == null || record.status() != EventStatus.DONE) {
                lost++;
                finding("event " + eventId + " ended " + (record == null ? "unknown" : record.status() + " "
                        + record.reason()));
            }
        }
        for (String eventId : invalid) {
            if (world.events.find(SoakPlan.TENANT, eventId).isPresent()) {
                lost++;
                finding("invalid event " + eventId + " was stored");
            }
        }
    }

    private void countTokens(SoakWorld world) {
        for (TokenChainState chain : world.sandbox.oauth().chains()) {
            tokenRotations += chain.rotations();
            if (chain.broken()) {
                brokenTokenChains++;
                finding("token chain " + chain.chainId() + " broken (a rotated refresh token was used again)");
            }
        }
        boolean tokenActive = world.tokens.find(world.connection).map(t -> t.status() == ConnectionStatus.ACTIVE)
                .orElse(false);
        boolean connectionActive = world.connections.find(SoakPlan.TENANT)
                .map(c -> c.status() == ConnectionStatus.ACTIVE).orElse(false);
        if (!tokenActive || !connectionActive) {
            brokenTokenChains++;
            finding("connection needs consent (token " + tokenActive + ", connection " + connectionActive + ")");
        }
    }

    private void check(String what, int expected, int found) {
        if (found < expected) {
            lost += expected - found;
            finding("lost: " + what + " = " + found);
        } else if (found > expected) {
            duplicates += found - expected;
            finding("duplicate: " + what + " = " + found);
        }
    }

    private void finding(String text) {
        if (findings.size() < 30) {
            findings.add(text);
        }
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
