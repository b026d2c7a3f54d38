package org.exactsync.store.dynamodb;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.exactsync.mapping.InvoicePaymentStatus;
import org.exactsync.mapping.Money;
import org.exactsync.mapping.PaymentStatus;
import org.exactsync.store.PaymentStateKey;
import org.exactsync.store.PaymentStateRecord;
import org.exactsync.store.PaymentStateStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Payment positions under the tenant's division partition ({@code PAY#<invoiceId>}), written whole by one conditional
 * PutItem on the version. Amounts are stored as decimal strings so no rounding happens in the store.
 */
@ApplicationScoped
public class DynamoDbPaymentStateStore implements PaymentStateStore {

    private static final String TENANT = "tenant";
    private static final String DIVISION = "division";
    private static final String INVOICE_ID = "crmId";
    private static final String OBSERVED_OPEN = "observedOpen";
    private static final String LAST_PAYMENT_DATE = "lastPaymentDate";
    private static final String CREDITS = "creditsApplied";
    private static final String SENT_STATUS = "sentStatus";
    private static final String SENT_OPEN = "sentOpen";
    private static final String SENT_PAID = "sentPaid";
    private static final String SENT_LAST_PAYMENT_DATE = "sentLastPaymentDate";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbPaymentStateStore(DynamoDbClient dynamo,
            @ConfigProperty(name = TableLayout.TABLE_NAME_KEY, defaultValue = TableLayout.DEFAULT_TABLE_NAME) String table,
            Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public Optional<PaymentStateRecord> find(PaymentStateKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(key(key)).consistentRead(true).build()).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toRecord(key, item));
    }

    @Override
    public Optional<PaymentStateRecord> save(PaymentStateRecord record) {
        Map<String, AttributeValue> item = new HashMap<>(key(record.key()));
        item.put("kind", Items.s("PAYMENT"));
        item.put(TENANT, Items.s(record.key().tenant()));
        item.put(DIVISION, Items.n(record.key().division()));
        item.put(INVOICE_ID, Items.s(record.key().invoiceId()));
        putText(item, OBSERVED_OPEN, record.observedOpen() == null ? null : Money.text(record.observedOpen()));
        putText(item, LAST_PAYMENT_DATE, text(record.lastPaymentDate()));
        if (!record.creditsApplied().isEmpty()) {
            Map<String, String> credits = new HashMap<>();
            record.creditsApplied().forEach((id, amount) -> credits.put(id, Money.text(amount)));
            item.put(CREDITS, Items.stringMap(credits));
        }
        PaymentStatus sent = record.lastSent();
        if (sent != null) {
            item.put(SENT_STATUS, Items.s(sent.status().wireName()));
            item.put(SENT_OPEN, Items.s(Money.text(sent.openAmount())));
            item.put(SENT_PAID, Items.s(Money.text(sent.paidAmount())));
            putText(item, SENT_LAST_PAYMENT_DATE, text(sent.lastPaymentDate()));
        }
        java.time.Instant now = clock.instant();
        item.put(UPDATED_AT, Items.millis(now));
        item.put(VERSION, Items.n(record.version() + 1));
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item)
                .expressionAttributeNames(Map.of(record.version() == 0 ? "#pk" : "#version",
                        record.version() == 0 ? TableLayout.PK : VERSION));
        if (record.version() == 0) {
            put.conditionExpression("attribute_not_exists(#pk)");
        } else {
            put.conditionExpression("#version = :expected")
                    .expressionAttributeValues(Map.of(":expected", Items.n(record.version())));
        }
        try {
            dynamo.putItem(put.build());
        } catch (ConditionalCheckFailedException lost) {
            return Optional.empty();
        }
        return Optional.of(new PaymentStateRecord(record.key(), record.observedOpen(), record.lastPaymentDate(),
                record.creditsApplied(), record.lastSent(), now, record.version() + 1));
    }

    private static PaymentStateRecord toRecord(PaymentStateKey key, Map<String, AttributeValue> item) {
        Map<String, BigDecimal> credits = new HashMap<>();
        Items.strMap(item, CREDITS).forEach((id, amount) -> credits.put(id, new BigDecimal(amount)));
        String observed = Items.str(item, OBSERVED_OPEN);
        String sentStatus = Items.str(item, SENT_STATUS);
        PaymentStatus sent = sentStatus == null ? null : new PaymentStatus(InvoicePaymentStatus.fromWireName(
                sentStatus), new BigDecimal(Items.str(item, SENT_OPEN)), new BigDecimal(Items.str(item, SENT_PAID)),
                date(Items.str(item, SENT_LAST_PAYMENT_DATE)));
        return new PaymentStateRecord(key, observed == null ? null : new BigDecimal(observed),
                date(Items.str(item, LAST_PAYMENT_DATE)), credits, sent, Items.instant(item, UPDATED_AT),
                Items.num(item, VERSION, 0));
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, Items.s(value));
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Map<String, AttributeValue> key(PaymentStateKey key) {
        return Items.key(Keys.division(key.tenant(), key.division()), "PAY#" + Keys.part(key.invoiceId()));
    }
}
