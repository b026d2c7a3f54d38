package org.exactsync.exact;

import org.exactsync.exact.model.ClosedJournalPeriod;
import org.exactsync.exact.model.CostCenter;
import org.exactsync.exact.model.DeletedRecord;
import org.exactsync.exact.model.CurrentUser;
import org.exactsync.exact.model.Division;
import org.exactsync.exact.model.ExactAccount;
import org.exactsync.exact.model.ExactContact;
import org.exactsync.exact.model.FinancialPeriod;
import org.exactsync.exact.model.GlAccount;
import org.exactsync.exact.model.Journal;
import org.exactsync.exact.model.PaymentCondition;
import org.exactsync.exact.model.PaymentTerm;
import org.exactsync.exact.model.Receivable;
import org.exactsync.exact.model.SalesEntry;
import org.exactsync.exact.model.TransactionLine;
import org.exactsync.exact.model.VatCode;
import org.exactsync.exact.model.WebhookSubscription;
import org.exactsync.exact.odata.ExactRow;

/**
 * Exact rows to domain records, with the {@code $select} list each needs next to it (Exact demands {@code $select}
 * on many endpoints and rejects unknown names, so the two must agree). Codes are trimmed here.
 */
final class ExactMapping {

    static final String[] CURRENT_USER = {"UserID", "CurrentDivision", "FullName"};
    static final String[] DIVISION = {"Code", "Description", "Status", "Currency", "Country", "Legislation"};
    static final String[] GL_ACCOUNT = {"ID", "Code", "Description", "Type", "BalanceType", "UseCostcenter",
        "IsBlocked"};
    static final String[] VAT_CODE = {"ID", "Code", "Description", "Type", "VATTransactionType", "Percentage",
        "IsBlocked"};
    static final String[] JOURNAL = {"ID", "Code", "Description", "Type", "IsBlocked"};
    static final String[] PAYMENT_CONDITION = {"Code", "Description", "PaymentDays"};
    static final String[] COST_CENTER = {"ID", "Code", "Description", "EndDate"};
    static final String[] FINANCIAL_PERIOD = {"FinYear", "FinPeriod", "StartDate", "EndDate"};
    static final String[] ACCOUNT = {"ID", "Code", "Name", "Status", "VATNumber", "ChamberOfCommerce", "Email",
        "Postcode", "City", "Country", "Blocked", "MainContact", "AddressLine1", "Phone", "IsSupplier",
        "PaymentConditionSales", "PaymentConditionPurchase", "SalesVATCode"};
    static final String[] CONTACT = {"ID", "Account", "FirstName", "LastName", "Email", "Phone"};
    static final String[] SALES_ENTRY = {"EntryID", "EntryNumber", "DueDate", "Customer"};
    static final String[] JOURNAL_STATUS = {"Journal", "Year", "Period", "Status"};
    static final String[] WEBHOOK_SUBSCRIPTION = {"ID", "CallbackURL", "Topic"};
    static final String[] DIVISION_MOVE = {"Code", "DivisionMoveDate"};
    static final String[] DELETED_RECORD = {"Timestamp", "EntityKey", "EntityType"};
    /** Exact demands {@code $select} on several finance endpoints. */
    static final String[] PAYMENT_TERM = {"Timestamp", "ID", "TransactionEntryID", "LineType", "AmountDC",
        "TransactionAmountDC", "TransactionIsReversal", "DueDate", "IsFullyPaid", "LastPaymentDate"};
    static final String[] OPEN_RECEIVABLE = {"AmountDC", "TransactionAmountDC", "InvoiceDate", "DueDate",
        "IsFullyPaid"};
    static final String[] SETTLED_RECEIVABLE = {"InvoiceDate", "LastPaymentDate", "TransactionAmountDC"};

    private ExactMapping() {
    }

    static CurrentUser currentUser(ExactRow r) {
        return new CurrentUser(r.uuid("UserID"), orZero(r.integer("CurrentDivision")), r.string("FullName"));
    }

    static Division division(ExactRow r) {
        return new Division(orZero(r.integer("Code")), r.string("Description"), orZero(r.integer("Status")),
                r.trimmed("Currency"), r.trimmed("Country"), r.trimmed("Legislation"));
    }

    static GlAccount glAccount(ExactRow r) {
        return new GlAccount(r.uuid("ID"), r.trimmed("Code"), r.string("Description"), orZero(r.integer("Type")),
                r.trimmed("BalanceType"), r.integer("UseCostcenter"), isTrue(r.bool("IsBlocked")));
    }

    static VatCode vatCode(ExactRow r) {
        return new VatCode(r.uuid("ID"), r.trimmed("Code"), r.string("Description"), r.trimmed("Type"),
                r.trimmed("VATTransactionType"), r.decimal("Percentage"), isTrue(r.bool("IsBlocked")));
    }

    static Journal journal(ExactRow r) {
        return new Journal(r.uuid("ID"), r.trimmed("Code"), r.string("Description"), orZero(r.integer("Type")),
                isTrue(r.bool("IsBlocked")));
    }

    static PaymentCondition paymentCondition(ExactRow r) {
        return new PaymentCondition(r.trimmed("Code"), r.string("Description"), r.integer("PaymentDays"));
    }

    static CostCenter costCenter(ExactRow r) {
        return new CostCenter(r.uuid("ID"), r.trimmed("Code"), r.string("Description"), r.localDate("EndDate"));
    }

    static FinancialPeriod financialPeriod(ExactRow r) {
        return new FinancialPeriod(orZero(r.integer("FinYear")), orZero(r.integer("FinPeriod")),
                r.localDate("StartDate"), r.localDate("EndDate"));
    }

    static ExactAccount account(ExactRow r) {
        return new ExactAccount(r.uuid("ID"), r.trimmed("Code"), r.string("Name"), r.trimmed("Status"),
                r.string("VATNumber"), r.string("ChamberOfCommerce"), r.string("Email"), r.string("Postcode"),
                r.string("City"), r.trimmed("Country"), isTrue(r.bool("Blocked")), r.uuid("MainContact"),
                r.string("AddressLine1"), r.string("Phone"), isTrue(r.bool("IsSupplier")),
                r.trimmed("PaymentConditionSales"), r.trimmed("PaymentConditionPurchase"), r.trimmed("SalesVATCode"));
    }

    static ExactContact contact(ExactRow r) {
        return new ExactContact(r.uuid("ID"), r.uuid("Account"), r.string("FirstName"), r.string("LastName"),
                r.string("Email"), r.string("Phone"));
    }

    static WebhookSubscription webhookSubscription(ExactRow r) {
        return new WebhookSubscription(r.uuid("ID"), r.string("CallbackURL"), r.string("Topic"));
    }

    static DeletedRecord deletedRecord(ExactRow r) {
        return new DeletedRecord(r.has("Timestamp") ? r.int64("Timestamp") : 0, r.integer("EntityType"),
                r.has("EntityKey") ? r.uuid("EntityKey") : null);
    }

    static PaymentTerm paymentTerm(ExactRow row) {
        String entry = row.string("TransactionEntryID");
        String id = row.string("ID");
        Integer lineType = row.integer("LineType");
        Long timestamp = row.has("Timestamp") ? row.int64("Timestamp") : null;
        return new PaymentTerm(id == null ? null : id.toLowerCase(), entry == null ? null : entry.toLowerCase(),
                lineType == null ? PaymentTerm.RECEIVABLE : lineType, row.decimal("AmountDC"),
                row.has("TransactionAmountDC") ? row.decimal("TransactionAmountDC") : null,
                Boolean.TRUE.equals(row.bool("TransactionIsReversal")), row.localDate("DueDate"),
                Boolean.TRUE.equals(row.bool("IsFullyPaid")), row.localDate("LastPaymentDate"),
                timestamp == null ? 0 : timestamp);
    }

    static TransactionLine transactionLine(ExactRow r) {
        return new TransactionLine(r.int64("Timestamp"), r.string("ID"), r.string("EntryID"), r.integer("EntryNumber"),
                r.integer("LineNumber"), r.integer("Type"), r.trimmed("CostCenter"), r.localDate("Date"),
                r.string("AccountName"), r.trimmed("AccountCode"), r.trimmed("GLAccountCode"), r.decimal("AmountDC"),
                r.string("Description"));
    }

    static SalesEntry salesEntry(ExactRow r) {
        return new SalesEntry(r.uuid("EntryID"), r.integer("EntryNumber"), r.localDate("DueDate"), r.uuid("Customer"));
    }

    static ClosedJournalPeriod closedJournalPeriod(ExactRow r) {
        return new ClosedJournalPeriod(r.trimmed("Journal"), orZero(r.integer("Year")), orZero(r.integer("Period")));
    }

    static Receivable receivable(ExactRow r) {
        return new Receivable(r.decimal("AmountDC"), r.decimal("TransactionAmountDC"), r.localDate("InvoiceDate"),
                r.localDate("DueDate"), r.bool("IsFullyPaid"), r.localDate("LastPaymentDate"));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
