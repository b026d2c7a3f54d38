package org.exactsync.sandbox.finance;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.exactsync.sandbox.ChangeEvent;
import org.exactsync.sandbox.ChangeListener;
import org.exactsync.sandbox.DivisionData;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxContext;

/**
 * {@code webhooks/WebhookSubscriptions}: per division and per app (an app sees only its own), POST with mandatory
 * {@code CallbackURL} (https only) and {@code Topic}, DELETE, no PUT (Exact refuses updates, §6.1); a subscription
 * whose validation POST gets no 2xx answer is removed again. As a {@link ChangeListener} it
 * turns every published change into notifications for the matching subscriptions of that division.
 */
public final class WebhookSubscriptionSet implements EntitySet, ChangeListener {

    /** Topics named in Exact's docs or used by integrators (§6.2). */
    static final Set<String> TOPICS = Set.of("Accounts", "Contacts", "Items", "StockPositions", "SalesEntries",
            "PurchaseEntries", "BankEntries", "CashEntries", "GeneralJournalEntries", "Subscriptions",
            "FinancialTransactions", "SalesOrders", "SalesInvoices", "PurchaseOrders", "GoodsDeliveries",
            "CostTransactions", "TimeTransactions", "Documents", "Quotations", "BankAccounts", "GLAccounts");

    /** Where a receiver GETs the changed record; FinancialTransactions keys are entry ids. */
    private static final Map<String, String> ENDPOINTS = Map.of(
            "Accounts", "crm/Accounts",
            "Contacts", "crm/Contacts",
            "GLAccounts", "financial/GLAccounts",
            "SalesEntries", FinanceTables.SALES_ENTRIES,
            "PurchaseEntries", FinanceTables.PURCHASE_ENTRIES,
            "FinancialTransactions", "financialtransaction/Transactions");

    private final EndpointSpec spec = new EndpointSpec(FinanceTables.WEBHOOK_SUBSCRIPTIONS, "ID", KeyKind.GUID,
            EndpointSpec.SINGLE_PAGE, false, Set.of(), false, Set.of(), Set.of("GET", "POST", "DELETE"),
            "Exact.Web.Api.Models.Webhooks.WebhookSubscription");
    private final String clientId;
    private final WebhookDispatcher dispatcher;
    private final Supplier<String> baseUrl;
    private final Clock clock;
    /** Divisions that ever had a subscription, so a change can find its division's subscriptions. */
    private final Map<Integer, DivisionData> divisions = new ConcurrentHashMap<>();

    /**
     * @param clientId     the app whose subscriptions these are (notifications carry it as ClientId)
     * @param baseUrl      the sandbox's base URL, for {@code ExactOnlineEndpoint}
     */
    public WebhookSubscriptionSet(String clientId, WebhookDispatcher dispatcher, Supplier<String> baseUrl,
            Clock clock) {
        this.clientId = clientId;
        this.dispatcher = dispatcher;
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    public WebhookDispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public EndpointSpec spec() {
        return spec;
    }

    @Override
    public Set<String> properties() {
        return FinanceProperties.WEBHOOK_SUBSCRIPTION;
    }

    @Override
    public List<Map<String, Object>> list(DivisionData division, SandboxContext context) {
        return Rows.copies(FinanceTables.webhookSubscriptions(division)
                .where(r -> clientId.equals(r.get("ClientID"))));
    }

    @Override
    public Map<String, Object> create(DivisionData division, Map<String, Object> body, SandboxContext context) {
        String callback = BodyValues.trimmed(body.get("CallbackURL"));
        if (callback == null || callback.isEmpty()) {
            throw ExactFault.badRequest("Verplicht: CallbackURL");
        }
        String topic = BodyValues.trimmed(body.get("Topic"));
        if (topic == null || topic.isEmpty()) {
            throw ExactFault.badRequest("Verplicht: Topic");
        }
        if (!TOPICS.contains(topic)) {
            throw ExactFault.badRequest("Ongeldig: Topic");
        }
        if (MasterData.bool(body.get("IsInstant")) && !"GoodsDeliveries".equals(topic)) {
            throw ExactFault.badRequest("IsInstant is only allowed for topic GoodsDeliveries");
        }
        URI uri;
        try {
            uri = URI.create(callback);
        } catch (IllegalArgumentException e) {
            throw ExactFault.badRequest("Ongeldig: CallbackURL");
        }
        // Exact calls https callbacks only (§6.1); it has no plain-http setting, so neither has the sandbox.
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw ExactFault.badRequest("Ongeldig: CallbackURL");
        }
        Instant now = context.clock().instant();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", UUID.randomUUID());
        row.put("CallbackURL", callback);
        row.put("Topic", topic);
        row.put("ClientID", clientId);
        row.put("UserID", null);
        row.put("Division", division.code());
        row.put("Description", "Sandbox app");
        row.put("IsInstant", MasterData.bool(body.get("IsInstant")));
        row.put("Created", now);
        row.put("Creator", null);
        row.put("CreatorFullName", null);
        FinanceTables.webhookSubscriptions(division).put(row);
        divisions.put(division.code(), division);
        Object id = row.get("ID");
        // What Exact does when validation fails is UNCONFIRMED (§6.1); the sandbox drops the subscription, so a
        // client must repair it rather than trust a subscription that never reached its receiver.
        dispatcher.sendValidation(callback, () -> {
            synchronized (division.lock()) {
                FinanceTables.webhookSubscriptions(division).remove(id);
            }
        });
        return Rows.copy(row);
    }

    @Override
    public void delete(DivisionData division, Object key, SandboxContext context) {
        UUID id = BodyValues.guid(key);
        Map<String, Object> row = FinanceTables.webhookSubscriptions(division).get(id)
                .filter(r -> clientId.equals(r.get("ClientID")))
                .orElseThrow(ExactFault::notFound);
        FinanceTables.webhookSubscriptions(division).remove(row.get("ID"));
    }

    @Override
    public void onChange(ChangeEvent event) {
        DivisionData division = divisions.get(event.division());
        if (division == null) {
            return;
        }
        List<Map<String, Object>> subscriptions;
        synchronized (division.lock()) {
            subscriptions = FinanceTables.webhookSubscriptions(division)
                    .where(r -> event.topic().equals(r.get("Topic")) && clientId.equals(r.get("ClientID")));
        }
        for (Map<String, Object> subscription : subscriptions) {
            dispatcher.notify((String) subscription.get("CallbackURL"), notification(event));
        }
    }

    private WebhookNotification notification(ChangeEvent event) {
        String path = ENDPOINTS.getOrDefault(event.topic(), event.endpointPath());
        String key = String.valueOf(event.key());
        String literal = event.key() instanceof UUID ? "guid'" + key + "'" : "'" + key + "'";
        String endpoint = baseUrl.get() + "/api/v1/" + event.division() + "/" + path + "(" + literal + ")";
        Instant at = event.at() != null ? event.at() : clock.instant();
        return new WebhookNotification(event.topic(), clientId, event.division(), event.action(), key, endpoint, at);
    }
}
