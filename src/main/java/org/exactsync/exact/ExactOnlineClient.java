package org.exactsync.exact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.AccountQuery;
import org.exactsync.exact.model.ContactFields;
import org.exactsync.exact.model.CostCenter;
import org.exactsync.exact.model.CostCenterFields;
import org.exactsync.exact.model.DeletedRecord;
import org.exactsync.exact.model.CurrentUser;
import org.exactsync.exact.model.Division;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactContact;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.model.SalesEntryFields;
import org.exactsync.exact.model.SalesEntry;
import org.exactsync.exact.model.ClosedJournalPeriod;
import org.exactsync.exact.model.FinancialPeriod;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.PaymentTerm;
import org.exactsync.exact.model.Receivable;
import org.exactsync.exact.model.TransactionLine;
import org.exactsync.exact.model.VatCode;
import org.exactsync.exact.model.WebhookSubscription;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.exact.odata.OData;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.exact.port.CallBudgetStore;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenStore;
import org.exactsync.json.JsonSettings;
import org.exactsync.time.InvocationDeadline;
import org.exactsync.time.Sleeper;

/** {@link ExactOnline} over HTTP. Build it with {@link #create} (or the CDI producer); it holds no static state. */
public final class ExactOnlineClient implements ExactOnline {

    private static final String ACCOUNTS = "crm/Accounts";
    private static final String SALES_ENTRIES = "salesentry/SalesEntries";
    private static final String COST_CENTERS = "hrm/Costcenters";
    private static final String WEBHOOKS = "webhooks/WebhookSubscriptions";
    private static final String RECEIVABLES = "cashflow/Receivables";

    private final ExactSettings settings;
    private final ExactCaller caller;
    private final TokenCustodian custodian;
    private final Clock clock;
    private final ObjectMapper json;
    private final URI site;

    ExactOnlineClient(ExactSettings settings, ExactCaller caller, TokenCustodian custodian, Clock clock,
            ObjectMapper json) {
        this.settings = settings;
        this.caller = caller;
        this.custodian = custodian;
        this.clock = clock;
        this.json = json;
        this.site = URI.create(settings.siteUrl() + "/");
    }

    /** A client over the JDK HTTP client, for plain tests and tools; no invocation deadline. */
    public static ExactOnlineClient create(ExactSettings settings, TokenStore tokens, CallBudgetStore budget,
            Clock clock, Sleeper sleeper) {
        return create(settings, new JdkHttpTransport(settings.connectTimeout(), settings.readTimeout()), tokens,
                budget, clock, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Like {@link #create(ExactSettings, TokenStore, CallBudgetStore, Clock, Sleeper)}, counting calls and 429s. */
    public static ExactOnlineClient create(ExactSettings settings, TokenStore tokens, CallBudgetStore budget,
            Clock clock, Sleeper sleeper, org.exactsync.metrics.Metrics metrics) {
        return create(settings, tokens, budget, clock, sleeper, metrics, new InvocationDeadline(),
                JsonSettings.standalone());
    }

    /**
     * The production client: counts calls and 429s, and keeps every call and wait inside the deadline that the entry
     * point set in {@code deadline} for the current invocation; {@code json} is the application's mapper.
     */
    public static ExactOnlineClient create(ExactSettings settings, TokenStore tokens, CallBudgetStore budget,
            Clock clock, Sleeper sleeper, org.exactsync.metrics.Metrics metrics, InvocationDeadline deadline,
            ObjectMapper json) {
        return create(settings, new MeteredTransport(new JdkHttpTransport(settings.connectTimeout(),
                settings.readTimeout()), metrics), tokens, budget, clock, sleeper,
                () -> ThreadLocalRandom.current().nextDouble(), deadline, json);
    }

    static ExactOnlineClient create(ExactSettings settings, ExactTransport transport, TokenStore tokens,
            CallBudgetStore budgetStore, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        return create(settings, transport, tokens, budgetStore, clock, sleeper, random, new InvocationDeadline());
    }

    static ExactOnlineClient create(ExactSettings settings, ExactTransport transport, TokenStore tokens,
            CallBudgetStore budgetStore, Clock clock, Sleeper sleeper, DoubleSupplier random,
            InvocationDeadline invocation) {
        return create(settings, transport, tokens, budgetStore, clock, sleeper, random, invocation,
                JsonSettings.standalone());
    }

    static ExactOnlineClient create(ExactSettings settings, ExactTransport transport, TokenStore tokens,
            CallBudgetStore budgetStore, Clock clock, Sleeper sleeper, DoubleSupplier random,
            InvocationDeadline invocation, ObjectMapper mapper) {
        // Amounts go to Exact as plain decimals: 1E+3 is valid JSON, but not what an amount field should carry.
        ObjectMapper json = mapper.copy().enable(SerializationFeature.WRITE_BIGDECIMAL_AS_PLAIN);
        DeadlineGuard deadline = new DeadlineGuard(invocation, settings.deadlines(), clock);
        TokenCustodian custodian = new TokenCustodian(tokens, new TokenEndpoint(transport, settings, json),
                settings.tokens(), clock, sleeper, deadline);
        CallBudget budget = new CallBudget(budgetStore, settings.budget(), clock, sleeper, random, deadline);
        RetryPolicy policy = new RetryPolicy(settings.retry(), random);
        ExactCaller caller = new ExactCaller(settings, transport, custodian, budget, policy, clock, sleeper, json,
                deadline);
        return new ExactOnlineClient(settings, caller, custodian, clock, json);
    }

    /** The token custodian, for schedulers that keep idle chains alive. */
    public TokenCustodian custodian() {
        return custodian;
    }

    @Override
    public String authorizationUrl(String state) {
        return settings.siteUrl() + "/api/oauth2/auth?client_id=" + enc(settings.clientId()) + "&redirect_uri="
                + enc(settings.redirectUri()) + "&response_type=code&state=" + enc(state);
    }

    @Override
    public TokenKey connect(String tenant, String authorizationCode) {
        TokenGrant grant = custodian.redeemCode(tenant, authorizationCode);
        Instant receivedAt = clock.instant();
        // The chain is keyed by the Exact user, which only current/Me can tell: asked with the new token before
        // anything is stored.
        CurrentUser me = meWith(grant);
        TokenKey key = new TokenKey(tenant, settings.siteUrl(), me.userId().toString());
        custodian.storeConsent(key, grant, receivedAt);
        return key;
    }

    @Override
    public boolean keepAlive(TokenKey connection) {
        return custodian.keepAlive(connection);
    }

    @Override
    public CurrentUser currentUser(TokenKey connection) {
        URI uri = URI.create(settings.siteUrl() + "/api/v1/current/Me?"
                + ODataQuery.select(ExactMapping.CURRENT_USER).toQueryString());
        JsonNode root = caller.parse(caller.execute(connection, null, "GET", uri, null), "current/Me");
        return firstRow(root).map(ExactMapping::currentUser)
                .orElseThrow(() -> new ExactTransientException("current/Me returned no user", false));
    }

    @Override
    public List<Division> divisions(ExactTarget via) {
        return list(via, "system/Divisions", ODataQuery.select(ExactMapping.DIVISION), ExactMapping::division);
    }

    @Override
    public List<GlAccount> glAccounts(ExactTarget target) {
        return list(target, "financial/GLAccounts", ODataQuery.select(ExactMapping.GL_ACCOUNT),
                ExactMapping::glAccount);
    }

    @Override
    public List<VatCode> vatCodes(ExactTarget target) {
        return list(target, "vat/VATCodes", ODataQuery.select(ExactMapping.VAT_CODE), ExactMapping::vatCode);
    }

    @Override
    public List<Journal> journals(ExactTarget target) {
        return list(target, "financial/Journals", ODataQuery.select(ExactMapping.JOURNAL), ExactMapping::journal);
    }

    @Override
    public List<PaymentCondition> paymentConditions(ExactTarget target) {
        return list(target, "cashflow/PaymentConditions", ODataQuery.select(ExactMapping.PAYMENT_CONDITION),
                ExactMapping::paymentCondition);
    }

    @Override
    public List<CostCenter> costCenters(ExactTarget target) {
        return list(target, COST_CENTERS, ODataQuery.select(ExactMapping.COST_CENTER), ExactMapping::costCenter);
    }

    @Override
    public List<CostCenter> costCentersByCode(ExactTarget target, List<String> codes) {
        String anyCode = codes.stream().map(code -> OData.eq(CostCenterFields.CODE, OData.string(code)))
                .collect(Collectors.joining(" or "));
        return list(target, COST_CENTERS, ODataQuery.select(ExactMapping.COST_CENTER).filter(anyCode),
                ExactMapping::costCenter);
    }

    @Override
    public CostCenter createCostCenter(ExactTarget target, CostCenterFields fields) {
        return ExactMapping.costCenter(create(target, COST_CENTERS, fields.toFields()));
    }

    @Override
    public void updateCostCenter(ExactTarget target, UUID id, CostCenterFields changedFields) {
        update(target, COST_CENTERS, OData.guid(id), changedFields.toFields());
    }

    @Override
    public List<FinancialPeriod> financialPeriods(ExactTarget target, int year) {
        return list(target, "financial/FinancialPeriods", ODataQuery.select(ExactMapping.FINANCIAL_PERIOD)
                .filter(OData.eq("FinYear", OData.int32(year))), ExactMapping::financialPeriod);
    }

    @Override
    public List<FinancialPeriod> financialPeriods(ExactTarget target) {
        return list(target, "financial/FinancialPeriods", ODataQuery.select(ExactMapping.FINANCIAL_PERIOD),
                ExactMapping::financialPeriod);
    }

    @Override
    public List<ClosedJournalPeriod> closedJournalPeriods(ExactTarget target) {
        // Only the closed rows: a division has far fewer closed periods than rows.
        return list(target, "read/financial/JournalStatusList", ODataQuery.select(ExactMapping.JOURNAL_STATUS)
                .filter(OData.eq("Status", OData.int32(1))), ExactMapping::closedJournalPeriod);
    }

    @Override
    public SalesEntry createSalesEntry(ExactTarget target, SalesEntryFields fields) {
        return ExactMapping.salesEntry(create(target, SALES_ENTRIES, fields.toFields()));
    }

    @Override
    public List<SalesEntry> salesEntriesByReference(ExactTarget target, String journal, String yourRef) {
        return list(target, SALES_ENTRIES, ODataQuery.select(ExactMapping.SALES_ENTRY)
                .filter(OData.eq("YourRef", OData.string(yourRef)) + " and "
                        + OData.eq("Journal", OData.string(journal))), ExactMapping::salesEntry);
    }

    @Override
    public List<ExactAccount> findAccounts(ExactTarget target, AccountQuery query) {
        return list(target, ACCOUNTS, ODataQuery.select(ExactMapping.ACCOUNT).filter(query.filter()),
                ExactMapping::account);
    }

    @Override
    public Stream<ExactRow> accountRecords(ExactTarget target, List<String> properties, String filter) {
        return query(target, ACCOUNTS, ODataQuery.select(properties.toArray(String[]::new)).filter(filter));
    }

    @Override
    public Optional<ExactAccount> account(ExactTarget target, UUID id) {
        try (Stream<ExactRow> rows = query(target, ACCOUNTS, ODataQuery.select(ExactMapping.ACCOUNT)
                .filter(OData.eq("ID", OData.guid(id))).top(1))) {
            return rows.findFirst().map(ExactMapping::account);
        }
    }

    @Override
    public ExactAccount createAccount(ExactTarget target, AccountFields fields) {
        return ExactMapping.account(create(target, ACCOUNTS, fields.toFields()));
    }

    @Override
    public void updateAccount(ExactTarget target, UUID id, AccountFields changedFields) {
        update(target, ACCOUNTS, OData.guid(id), changedFields.toFields());
    }

    @Override
    public List<ExactContact> contacts(ExactTarget target, UUID accountId) {
        return list(target, "crm/Contacts", ODataQuery.select(ExactMapping.CONTACT)
                .filter(OData.eq("Account", OData.guid(accountId))), ExactMapping::contact);
    }

    @Override
    public ExactContact createContact(ExactTarget target, ContactFields fields) {
        if (!fields.containsAccount()) {
            // Exact accepts Account on POST only; a contact created without it cannot be attached later.
            throw new IllegalArgumentException("a contact must be created with its account");
        }
        return ExactMapping.contact(create(target, "crm/Contacts", fields.toFields()));
    }

    @Override
    public void updateContact(ExactTarget target, UUID id, ContactFields changedFields) {
        if (changedFields.containsAccount()) {
            throw new IllegalArgumentException("Exact does not move a contact to another account");
        }
        update(target, "crm/Contacts", OData.guid(id), changedFields.toFields());
    }

    @Override
    public List<WebhookSubscription> webhookSubscriptions(ExactTarget target) {
        return list(target, WEBHOOKS, ODataQuery.select(ExactMapping.WEBHOOK_SUBSCRIPTION),
                ExactMapping::webhookSubscription);
    }

    @Override
    public void subscribeWebhook(ExactTarget target, String topic, String callbackUrl) {
        create(target, WEBHOOKS, ExactFields.empty().with("CallbackURL", callbackUrl).with("Topic", topic));
    }

    @Override
    public void deleteWebhookSubscription(ExactTarget target, UUID id) {
        delete(target, WEBHOOKS, OData.guid(id));
    }

    @Override
    public Optional<Instant> divisionMoveDate(ExactTarget target) {
        try (Stream<ExactRow> rows = query(target, "system/Divisions", ODataQuery.select(ExactMapping.DIVISION_MOVE)
                .filter(OData.eq("Code", OData.int32(target.division()))))) {
            return rows.filter(row -> Integer.valueOf(target.division()).equals(row.integer("Code")))
                    .findFirst()
                    .filter(row -> row.has("DivisionMoveDate"))
                    .map(row -> row.instant("DivisionMoveDate"));
        }
    }

    @Override
    public Stream<PaymentTerm> paymentTermsSince(ExactTarget target, long timestamp) {
        return query(target, ExactFeeds.PAYMENT_TERMS, ODataQuery.select(ExactMapping.PAYMENT_TERM)
                .filter("Timestamp gt " + OData.int64(timestamp))).map(ExactMapping::paymentTerm);
    }

    @Override
    public Stream<TransactionLine> transactionLinesSince(ExactTarget target, long timestamp) {
        return query(target, ExactFeeds.TRANSACTION_LINES, ODataQuery.select(new String[0])
                .filter("Timestamp gt " + OData.int64(timestamp))).map(ExactMapping::transactionLine);
    }

    @Override
    public Stream<ExactRow> accountsChangedSince(ExactTarget target, long timestamp, List<String> properties) {
        java.util.LinkedHashSet<String> select = new java.util.LinkedHashSet<>(properties);
        select.add("Timestamp");
        return query(target, ExactFeeds.ACCOUNTS, ODataQuery.select(select.toArray(String[]::new))
                .filter("Timestamp gt " + OData.int64(timestamp)));
    }

    @Override
    public Stream<DeletedRecord> deletedSince(ExactTarget target, long timestamp) {
        // Exact allows only the Timestamp filter here; entity types are picked by the caller.
        return query(target, ExactFeeds.DELETED, ODataQuery.select(ExactMapping.DELETED_RECORD)
                .filter("Timestamp gt " + OData.int64(timestamp))).map(ExactMapping::deletedRecord);
    }

    @Override
    public List<Receivable> openReceivables(ExactTarget target, UUID account) {
        return list(target, RECEIVABLES, ODataQuery.select(ExactMapping.OPEN_RECEIVABLE)
                .filter(OData.eq("Account", OData.guid(account)) + " and IsFullyPaid eq false"),
                ExactMapping::receivable);
    }

    @Override
    public List<Receivable> receivablesPaidSince(ExactTarget target, UUID account, LocalDate since) {
        return list(target, RECEIVABLES, ODataQuery.select(ExactMapping.SETTLED_RECEIVABLE)
                .filter(OData.eq("Account", OData.guid(account)) + " and IsFullyPaid eq true and LastPaymentDate ge "
                        + OData.datetime(since)), ExactMapping::receivable);
    }

    @Override
    public Stream<ExactRow> query(ExactTarget target, String entityPath, ODataQuery query) {
        String options = query.toQueryString();
        URI first = URI.create(collectionUrl(target, entityPath) + (options.isEmpty() ? "" : "?" + options));
        Function<URI, JsonNode> fetch = uri -> caller.parse(
                caller.execute(target.connection(), target.division(), "GET", uri, null), "GET " + entityPath);
        PagedRows rows = new PagedRows(fetch, site, first);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(rows, Spliterator.ORDERED), false);
    }

    @Override
    public ExactRow create(ExactTarget target, String entityPath, ExactFields body) {
        URI uri = URI.create(collectionUrl(target, entityPath));
        HttpReply reply = caller.execute(target.connection(), target.division(), "POST", uri, write(body));
        JsonNode root = caller.parse(reply, "POST " + entityPath);
        return ExactEnvelope.single(root).map(ExactRow::new).orElseThrow(() -> new ExactTransientException(
                "POST " + entityPath + " returned no entity; look it up before posting again", true));
    }

    @Override
    public void update(ExactTarget target, String entityPath, String keyLiteral, ExactFields changes) {
        if (changes.isEmpty()) {
            return;
        }
        URI uri = URI.create(collectionUrl(target, entityPath) + "(" + encPath(keyLiteral) + ")");
        caller.execute(target.connection(), target.division(), "PUT", uri, write(changes));
    }

    @Override
    public void delete(ExactTarget target, String entityPath, String keyLiteral) {
        URI uri = URI.create(collectionUrl(target, entityPath) + "(" + encPath(keyLiteral) + ")");
        caller.execute(target.connection(), target.division(), "DELETE", uri, null);
    }

    private <T> List<T> list(ExactTarget target, String entityPath, ODataQuery query, Function<ExactRow, T> map) {
        try (Stream<ExactRow> rows = query(target, entityPath, query)) {
            return rows.map(map).toList();
        }
    }

    private CurrentUser meWith(TokenGrant grant) {
        URI uri = URI.create(settings.siteUrl() + "/api/v1/current/Me?"
                + ODataQuery.select(ExactMapping.CURRENT_USER).toQueryString());
        JsonNode root = caller.parse(caller.executeOnce(grant.accessToken(), "GET", uri), "current/Me");
        return firstRow(root).map(ExactMapping::currentUser)
                .orElseThrow(() -> new ExactTransientException("current/Me returned no user", false));
    }

    private static Optional<ExactRow> firstRow(JsonNode root) {
        List<JsonNode> rows = ExactEnvelope.parse(root).rows();
        return rows.isEmpty() ? Optional.empty() : Optional.of(new ExactRow(rows.get(0)));
    }

    private String collectionUrl(ExactTarget target, String entityPath) {
        return settings.siteUrl() + "/api/v1/" + target.division() + "/" + entityPath;
    }

    private String write(ExactFields fields) {
        try {
            return json.writeValueAsString(fields.asMap());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("fields cannot be written as JSON", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Key literals keep their quotes; only characters a path cannot hold are escaped. */
    private static String encPath(String keyLiteral) {
        return URLEncoder.encode(keyLiteral, StandardCharsets.UTF_8).replace("+", "%20").replace("%27", "'");
    }
}
