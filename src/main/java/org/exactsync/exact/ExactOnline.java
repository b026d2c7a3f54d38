package org.exactsync.exact;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
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
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.exact.port.TokenKey;

/**
 * Exact Online as the rest of the connector sees it: domain calls, each naming the connection (tenant's token chain)
 * and the division. Behind every method: the shared call budget (waits within a minute, throws
 * {@link ExactRateLimitedException} when the day is spent), token custody (refresh only in Exact's window, one
 * refresher across all processes), paging over {@code __next}, and retries of what is safe to retry.
 *
 * <p>Failures are {@link ExactException}s: {@link ExactValidationException} (never retried; fix the data),
 * {@link ExactNotFoundException}, {@link ExactForbiddenException} (rights or division scope in Exact),
 * {@link ExactConsentRequiredException} (a person must reconnect),
 * {@link ExactAuthException}, {@link ExactRateLimitedException}, {@link ExactTransientException} (check
 * {@code outcomeUnknown()} before re-posting).
 */
public interface ExactOnline {

    /** The URL to send a person to for consent on the configured site; {@code state} comes back on the redirect. */
    String authorizationUrl(String state);

    /**
     * Completes a consent: redeems the authorization code, asks Exact who consented ({@code current/Me}) and stores
     * the token chain under (tenant, site, Exact user). Returns the key for all later calls.
     */
    TokenKey connect(String tenant, String authorizationCode);

    /**
     * Refreshes the chain if it has been idle longer than the keep-alive period (default 7 days), so the refresh
     * token never reaches Exact's ~30-day expiry. Returns true when it refreshed.
     */
    boolean keepAlive(TokenKey connection);

    /** The consenting user and the division open in their Exact UI ({@code current/Me}; not charged to a division). */
    CurrentUser currentUser(TokenKey connection);

    /**
     * Every division the user may open ({@code system/Divisions}), listed through {@code via} (any division the app
     * may use, e.g. {@link CurrentUser#currentDivision()} during setup).
     */
    List<Division> divisions(ExactTarget via);

    /** All general-ledger accounts of the division, codes trimmed. */
    List<GlAccount> glAccounts(ExactTarget target);

    /** All VAT codes of the division, codes trimmed. */
    List<VatCode> vatCodes(ExactTarget target);

    /** All journals of the division. */
    List<Journal> journals(ExactTarget target);

    /** All payment conditions of the division. */
    List<PaymentCondition> paymentConditions(ExactTarget target);

    /** All cost centers of the division. */
    List<CostCenter> costCenters(ExactTarget target);

    /** The division's cost centers whose code is one of {@code codes} (one GET), codes trimmed. */
    List<CostCenter> costCentersByCode(ExactTarget target, List<String> codes);

    /** Creates a cost center and returns it as Exact stored it. */
    CostCenter createCostCenter(ExactTarget target, CostCenterFields fields);

    /** Sends only the changed fields of a cost center (partial PUT; nothing when none changed). */
    void updateCostCenter(ExactTarget target, UUID id, CostCenterFields changedFields);

    /** The periods of one financial year that exist in the division (empty: the year is not set up). */
    List<FinancialPeriod> financialPeriods(ExactTarget target, int year);

    /** The periods of every financial year set up in the division. */
    List<FinancialPeriod> financialPeriods(ExactTarget target);

    /** The periods closed per journal ({@code read/financial/JournalStatusList}); a period not listed is open. */
    List<ClosedJournalPeriod> closedJournalPeriods(ExactTarget target);

    /**
     * Creates a sales entry ({@code salesentry/SalesEntries}) and returns its header as booked. May throw
     * {@link ExactTransientException} with outcome unknown: look it up by reference before posting again.
     */
    SalesEntry createSalesEntry(ExactTarget target, SalesEntryFields fields);

    /** The sales entries of {@code journal} whose {@code YourRef} is {@code yourRef}: one GET. */
    List<SalesEntry> salesEntriesByReference(ExactTarget target, String journal, String yourRef);

    /** Relations matching the query (code, VAT number, KvK number, or name + postcode). */
    List<ExactAccount> findAccounts(ExactTarget target, AccountQuery query);

    /**
     * The relations matching an OData {@code filter}, each with the named {@code properties} only: for flows that
     * compare Exact's values field by field. Read lazily, page by page.
     */
    Stream<ExactRow> accountRecords(ExactTarget target, List<String> properties, String filter);

    /** One relation by id, or empty. Uses a filter with {@code $top=1}, not a key segment (404s count as errors). */
    Optional<ExactAccount> account(ExactTarget target, UUID id);

    /** Creates a relation and returns it as Exact stored it. */
    ExactAccount createAccount(ExactTarget target, AccountFields fields);

    /** Sends only the changed fields of a relation (partial PUT). */
    void updateAccount(ExactTarget target, UUID id, AccountFields changedFields);

    /** The contact persons of one relation. */
    List<ExactContact> contacts(ExactTarget target, UUID accountId);

    /** Creates a contact person; {@code fields} must name the account (it cannot be changed later). */
    ExactContact createContact(ExactTarget target, ContactFields fields);

    /** Sends only the changed fields of a contact (partial PUT; the account cannot change). */
    void updateContact(ExactTarget target, UUID id, ContactFields changedFields);

    /** The app's webhook subscriptions in the division ({@code webhooks/WebhookSubscriptions}). */
    List<WebhookSubscription> webhookSubscriptions(ExactTarget target);

    /** Subscribes the app to {@code topic}, delivered to {@code callbackUrl} (Exact cannot update one). */
    void subscribeWebhook(ExactTarget target, String topic, String callbackUrl);

    /** Deletes one of the app's webhook subscriptions. */
    void deleteWebhookSubscription(ExactTarget target, UUID id);

    /**
     * When Exact last moved the division to another database ({@code system/Divisions.DivisionMoveDate}), or empty
     * when it never did. One call.
     */
    Optional<Instant> divisionMoveDate(ExactTarget target);

    /**
     * Payment terms changed after {@code timestamp} ({@link ExactFeeds#PAYMENT_TERMS}, 1 = from the start),
     * receivable and payable alike; pages are read as the stream is consumed.
     */
    Stream<PaymentTerm> paymentTermsSince(ExactTarget target, long timestamp);

    /**
     * Transaction lines changed after {@code timestamp} ({@link ExactFeeds#TRANSACTION_LINES}), read lazily; every
     * property, as whether the sync feeds accept {@code $select} is not confirmed.
     */
    Stream<TransactionLine> transactionLinesSince(ExactTarget target, long timestamp);

    /**
     * Relations inserted or changed after {@code timestamp} ({@link ExactFeeds#ACCOUNTS}; 1 = every relation), each
     * with {@code Timestamp} and the named properties only, read lazily at 1,000 per page in rowversion order.
     */
    Stream<ExactRow> accountsChangedSince(ExactTarget target, long timestamp, List<String> properties);

    /** Records of any entity type deleted after {@code timestamp} ({@link ExactFeeds#DELETED}), read lazily. */
    Stream<DeletedRecord> deletedSince(ExactTarget target, long timestamp);

    /** The relation's receivables not yet fully paid ({@code cashflow/Receivables}). */
    List<Receivable> openReceivables(ExactTarget target, UUID account);

    /** The relation's receivables fully paid on or after {@code since} ({@code cashflow/Receivables}). */
    List<Receivable> receivablesPaidSince(ExactTarget target, UUID account, LocalDate since);

    /**
     * Any GET: the transport under the typed operations above, for code inside {@code exact/} and tests (flows call
     * the typed operations; FlowVocabularyRuleTest keeps it so). Pages are fetched lazily as the stream is consumed
     * (each page is one budgeted call); {@code entityPath} is e.g. {@code salesentry/SalesEntries}.
     */
    Stream<ExactRow> query(ExactTarget target, String entityPath, ODataQuery query);

    /** Any POST; returns the created entity. May throw {@link ExactTransientException} with outcome unknown. */
    ExactRow create(ExactTarget target, String entityPath, ExactFields body);

    /** Any partial PUT to {@code entityPath(keyLiteral)}, e.g. key {@code OData.guid(id)}. */
    void update(ExactTarget target, String entityPath, String keyLiteral, ExactFields changes);

    /** Any DELETE of {@code entityPath(keyLiteral)}. */
    void delete(ExactTarget target, String entityPath, String keyLiteral);
}
