package org.exactsync.store.dynamodb;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.mapping.EntryFigures;
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
 * PutItem on the version; beside them one pointer per payment term ({@code PAYTERM#<termId>} → CRM id) for deletions. Amounts are stored as decimal strings so no rounding happens in the store.
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
    private static final String OBSERVED_TOTAL = "observedTotal";
    private static final String TERM_ID = "termId";
    private static final String SENT_TOTAL = "sentTotal";
    private static final String REPORTED_TOTAL = "reportedTotal";
    private static final String REPORTED_DUE_DATE = "reportedDueDate";
    private static final String REPORTED_REVERSED = "reportedReversed";
    private static final String REPORTED_DELETED = "reportedDeleted";
    private static final String UPDATED_AT = "updatedAt";
    private static final String VERSION = "version";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoDbPaymentStateStore(DynamoDbClient dynamo,
            @TableName String table,
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
        putText(item, OBSERVED_TOTAL, record.observedTotal() == null ? null : Money.text(record.observedTotal()));
        putText(item, LAST_PAYMENT_DATE, text(record.lastPaymentDate()));
        putText(item, TERM_ID, record.termId());
        putText(item, SENT_TOTAL, record.sentTotal() == null ? null : Money.text(record.sentTotal()));
        EntryFigures reported = record.reported();
        if (reported != null) {
            item.put(REPORTED_TOTAL, Items.s(Money.text(reported.total())));
            putText(item, REPORTED_DUE_DATE, text(reported.dueDate()));
            item.put(REPORTED_REVERSED, Items.bool(reported.reversed()));
            item.put(REPORTED_DELETED, Items.bool(reported.deleted()));
        }
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
        return Optional.of(record.stored(now, record.version() + 1));
    }

    private static PaymentStateRecord toRecord(PaymentStateKey key, Map<String, AttributeValue> item) {
        Map<String, BigDecimal> credits = new HashMap<>();
        Items.strMap(item, CREDITS).forEach((id, amount) -> credits.put(id, new BigDecimal(amount)));
        String observed = Items.str(item, OBSERVED_OPEN);
        String sentStatus = Items.str(item, SENT_STATUS);
        PaymentStatus sent = sentStatus == null ? null : new PaymentStatus(InvoicePaymentStatus.fromWireName(
                sentStatus), new BigDecimal(Items.str(item, SENT_OPEN)), new BigDecimal(Items.str(item, SENT_PAID)),
                date(Items.str(item, SENT_LAST_PAYMENT_DATE)));
        String reportedTotal = Items.str(item, REPORTED_TOTAL);
        EntryFigures reported = reportedTotal == null ? null : new EntryFigures(new BigDecimal(reportedTotal),
                date(Items.str(item, REPORTED_DUE_DATE)), Items.flag(item, REPORTED_REVERSED),
                Items.flag(item, REPORTED_DELETED));
        return new PaymentStateRecord(key, decimal(observed), decimal(Items.str(item, OBSERVED_TOTAL)),
                date(Items.str(item, LAST_PAYMENT_DATE)), credits, Items.str(item, TERM_ID), sent,
                decimal(Items.str(item, SENT_TOTAL)), reported, Items.instant(item, UPDATED_AT),
                Items.num(item, VERSION, 0));
    }

    @Override
    public void linkTerm(String tenant, int division, String termId, String documentId) {
        Map<String, AttributeValue> item = new HashMap<>(termKey(tenant, division, termId));
        item.put("kind", Items.s("PAYMENT_TERM"));
        item.put(TENANT, Items.s(tenant));
        item.put(DIVISION, Items.n(division));
        item.put(INVOICE_ID, Items.s(documentId));
        // A term belongs to one entry for good: rewriting the same pointer is harmless, so no condition.
        dynamo.putItem(PutItemRequest.builder().tableName(table).item(item).build());
    }

    @Override
    public Optional<String> documentOfTerm(String tenant, int division, String termId) {
        Map<String, AttributeValue> item = dynamo.getItem(GetItemRequest.builder()
                .tableName(table).key(termKey(tenant, division, termId)).consistentRead(true).build()).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.ofNullable(Items.str(item, INVOICE_ID));
    }

    private static Map<String, AttributeValue> termKey(String tenant, int division, String termId) {
        return Items.key(Keys.division(tenant, division), "PAYTERM#" + Keys.part(termId.toLowerCase()));
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text);
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
