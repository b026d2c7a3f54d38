package org.exactsync.flow.payment;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.ExactSettings;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.exact.odata.ExactFields;
import org.exactsync.exact.odata.ExactRow;
import org.exactsync.flow.payment.webhook.ExactWebhookHandler;
import org.exactsync.flow.payment.webhook.WebhookSubscriptions;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.sandbox.master.MasterDataSeed;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.CursorKey;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.SyncMode;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.store.dynamodb.DynamoDbCallBudgetStore;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionWatchStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbPaymentStateStore;
import org.exactsync.store.dynamodb.DynamoDbTokenStore;
import org.exactsync.store.dynamodb.DynamoDbWebhookReceipts;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The payment flow wired by hand against the Exact sandbox over HTTP and DynamoDB (dynalite): the real client and
 * stores, a recording callback port. One tenant connected to division 100001. Booked invoices are made the way the
 * invoice flow leaves them: a sales entry POSTed to Exact and an INVOICE mapping per its convention.
 */
final class PaymentFlowFixture implements AutoCloseable {

    static final int DIVISION = 100001;
    static final String TENANT = "default";
    static final LocalDate ENTRY_DATE = LocalDate.of(2026, 11, 20);
    /** The defaults: sweep every 5 minutes, webhook checks 5 s after the first notification, at most once a minute. */
    static final OpenItemPoll.Timing TIMING = OpenItemPoll.Timing.defaults();

    final AdjustableClock clock = AdjustableClock.frozenAt(Instant.parse("2026-11-26T10:00:00Z"));
    final TestDynamo dynamo = TestDynamo.shared();
    final String table = dynamo.newTable("payment-flow");
    final ExactSandbox sandbox;
    final SandboxFinance finance;
    final ExactOnlineClient client;
    final RecordingCallbacks callbacks = new RecordingCallbacks();
    final DynamoDbMappingStore mappings;
    final DynamoDbCursorStore cursors;
    final DynamoDbPaymentStateStore states;
    final DynamoDbDivisionWatchStore watches;
    final PaymentStatusUpdater updater;
    final ExactTarget target;
    final OpenItemPoll poll;
    final ExactWebhookHandler webhooks;
    final UUID customer;

    PaymentFlowFixture() {
        this(RateLimits.exactDefaults());
    }

    PaymentFlowFixture(RateLimits limits) {
        sandbox = ExactSandbox.builder().clock(clock).sleeper(clock.sleeper()).rateLimits(limits)
                .webhookTls(org.exactsync.sandbox.finance.LocalReceiverTls.clientContext()).build().start();
        finance = SandboxFinance.of(sandbox);
        ExactSettings settings = ExactSettings.defaults(sandbox.baseUrl(), sandbox.clientId(), sandbox.clientSecret(),
                sandbox.redirectUri()).withRetry(new ExactSettings.Retry(3, Duration.ofMillis(100),
                        Duration.ofSeconds(1)));
        client = ExactOnlineClient.create(settings, new DynamoDbTokenStore(dynamo.client(), table),
                new DynamoDbCallBudgetStore(dynamo.client(), table), clock, clock.sleeper());
        mappings = new DynamoDbMappingStore(dynamo.client(), table, clock);
        cursors = new DynamoDbCursorStore(dynamo.client(), table, clock);
        states = new DynamoDbPaymentStateStore(dynamo.client(), table, clock);
        String location = sandbox.oauth().authorize(sandbox.clientId(), sandbox.redirectUri(), "code", "st", null);
        String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        TokenKey key = client.connect(TENANT, code);
        DynamoDbConnectionStore connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        connections.save(new ConnectionRecord(TENANT, key.site(), key.exactUser(), sandbox.clientId(),
                List.of(DIVISION), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                .orElseThrow();
        target = new ExactTarget(key, DIVISION);
        watches = new DynamoDbDivisionWatchStore(dynamo.client(), table);
        updater = new PaymentStatusUpdater(mappings, states, callbacks);
        poll = new OpenItemPoll(connections, cursors, new DivisionMoves(client), new PaymentTermFeed(client),
                new DeletedTermFeed(client), updater, watches, clock, TIMING);
        webhooks = new ExactWebhookHandler(sandbox.webhookSecret(), new DynamoDbWebhookReceipts(dynamo.client(),
                table), poll, updater, clock, new ObjectMapper());
        customer = client.createAccount(target, AccountFields.none().name("Betaler B.V.").status("C")).id();
    }

    WebhookSubscriptions subscriptions(String callbackUrl) {
        return new WebhookSubscriptions(client, poll, java.util.Optional.of(callbackUrl));
    }

    /** Books an invoice of {@code exVat} + 21% VAT in Exact and maps it as the invoice flow does. */
    String bookInvoice(String invoiceId, String exVat) {
        return book(invoiceId, new BigDecimal(exVat), null);
    }

    /** Books a credit note of {@code exVat} (positive; booked negative) crediting {@code creditedInvoiceId}. */
    String bookCreditNote(String creditNoteId, String exVat, String creditedInvoiceId) {
        return book(creditNoteId, new BigDecimal(exVat).negate(), creditedInvoiceId);
    }

    private String book(String invoiceId, BigDecimal exVat, String creditedInvoiceId) {
        String revenue = MasterDataSeed.id(DIVISION, "gl", "8000").toString();
        ExactRow entry = client.create(target, "salesentry/SalesEntries", ExactFields.empty()
                .with("Journal", "70").with("Customer", customer).with("EntryDate", ENTRY_DATE)
                .with("YourRef", invoiceId)
                .withLines("SalesEntryLines", List.of(ExactFields.empty().with("GLAccount", revenue)
                        .with("AmountFC", exVat).with("VATCode", "2"))));
        BigDecimal total = entry.decimal("AmountDC");
        map(invoiceId, entry.string("EntryID"), String.valueOf(entry.integer("EntryNumber")), total,
                creditedInvoiceId, entry.localDate("DueDate"));
        return entry.string("EntryID");
    }

    /** Writes a booked INVOICE mapping per the invoice flow's convention. */
    void map(String invoiceId, String entryId, String entryNumber, BigDecimal totalInclVat,
            String creditedInvoiceId) {
        map(invoiceId, entryId, entryNumber, totalInclVat, creditedInvoiceId, null);
    }

    /** Like the invoice flow, with Exact's due date as the booking answered it (null: not kept). */
    void map(String invoiceId, String entryId, String entryNumber, BigDecimal totalInclVat,
            String creditedInvoiceId, LocalDate dueDate) {
        Map<String, String> sent = new HashMap<>();
        sent.put("state", "booked");
        sent.put("invoiceNumber", invoiceId);
        sent.put("journal", "70");
        sent.put("kind", totalInclVat.signum() < 0 ? "credit-note" : "invoice");
        if (creditedInvoiceId != null) {
            sent.put("creditedInvoiceId", creditedInvoiceId);
        }
        sent.put("relationId", "rel-pay");
        sent.put("accountId", customer.toString());
        sent.put("currency", "EUR");
        sent.put("totalInclVat", totalInclVat.toPlainString());
        sent.put("entryDate", ENTRY_DATE.toString());
        if (dueDate != null) {
            sent.put("dueDate", dueDate.toString());
        }
        mappings.createIfAbsent(new MappingKey(TENANT, DIVISION, EntityKind.INVOICE, invoiceId),
                new MappingChange(entryId, entryNumber, null, sent));
    }

    CursorKey cursorKey() {
        return new CursorKey(TENANT, DIVISION, PaymentTermFeed.FEED);
    }

    int calls() {
        return sandbox.calls().totalCalls(DIVISION);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
