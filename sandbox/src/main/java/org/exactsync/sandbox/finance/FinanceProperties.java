package org.exactsync.sandbox.finance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The property names each finance endpoint accepts in {@code $select}/{@code $filter} (docs/exact-reference.md §5.4,
 * §5.6, §5.12, §5.13, §5.15, §5.17). Listed rather than derived from stored rows, so that a documented field the
 * sandbox leaves null (e.g. {@code ProjectCode}) can still be selected, and an empty division checks names too.
 */
final class FinanceProperties {

    static final Set<String> TRANSACTION_LINE = names("ID", "Division", "EntryID", "EntryNumber", "LineNumber",
            "LineType", "Date", "FinancialYear", "FinancialPeriod", "JournalCode", "JournalDescription", "Type",
            "Status", "Account", "AccountCode", "AccountName", "GLAccount", "GLAccountCode", "GLAccountDescription",
            "AmountDC", "AmountFC", "AmountVATFC", "AmountVATBaseFC", "Currency", "ExchangeRate", "VATCode",
            "VATPercentage", "VATType", "CostCenter", "CostCenterDescription", "CostUnit", "CostUnitDescription",
            "Project", "ProjectCode", "ProjectDescription", "InvoiceNumber", "YourRef", "DueDate", "Description",
            "Notes", "Document", "PaymentReference", "OrderNumber", "OffsetID", "Item", "Quantity", "Asset",
            "Subscription", "Created", "Modified");

    static final Set<String> SYNC_TRANSACTION_LINE = plus(TRANSACTION_LINE, "Timestamp");

    static final Set<String> RECEIVABLE = names("ID", "HID", "Division", "Account", "AccountCode", "AccountName",
            "AmountDC", "AmountFC", "TransactionAmountDC", "TransactionAmountFC", "IsFullyPaid", "Status",
            "DueDate", "InvoiceDate", "InvoiceNumber", "EntryNumber", "Journal", "JournalDescription",
            "LastPaymentDate", "EndDate", "EndYear", "EndPeriod", "TransactionEntryID", "TransactionID",
            "TransactionType", "TransactionIsReversal", "YourRef", "PaymentReference", "PaymentMethod",
            "PaymentCondition", "GLAccount", "GLAccountCode", "Description", "Currency", "Created", "Modified");

    static final Set<String> SYNC_PAYMENT_TERM = plus(minus(RECEIVABLE, "HID"), "LineType", "Timestamp");

    static final Set<String> OPEN_ITEM = names("HID", "AccountId", "AccountCode", "AccountName", "Amount",
            "AmountInTransit", "CurrencyCode", "Description", "DueDate", "EntryNumber", "InvoiceDate",
            "InvoiceNumber", "JournalCode", "JournalDescription", "Notes", "YourRef");

    static final Set<String> DELETED = names("Timestamp", "ID", "Division", "EntityKey", "EntityType", "DeletedBy",
            "DeletedDate");

    static final Set<String> ENTRY_LINE = names("ID", "EntryID", "Division", "LineNumber", "GLAccount",
            "GLAccountCode", "GLAccountDescription", "AmountFC", "AmountDC", "VATCode", "VATCodeDescription",
            "VATPercentage", "VATAmountFC", "VATAmountDC", "VATBaseAmountFC", "VATBaseAmountDC", "CostCenter",
            "CostCenterDescription", "CostUnit", "CostUnitDescription", "Project", "ProjectDescription",
            "Description", "Notes", "Quantity", "From", "To", "Type");

    static final Set<String> WEBHOOK_SUBSCRIPTION = names("ID", "CallbackURL", "Topic", "ClientID", "UserID",
            "Division", "Description", "IsInstant", "Created", "Creator", "CreatorFullName");

    private FinanceProperties() {
    }

    static Set<String> entry(EntryKind kind) {
        return plus(names("EntryID", "Division", "Journal", "JournalDescription", "EntryDate", "DueDate",
                "EntryNumber", "InvoiceNumber", "YourRef", "Description", "PaymentCondition", "PaymentReference",
                "Currency", "Rate", "ReportingYear", "ReportingPeriod", "Status", "StatusDescription", "Type",
                "TypeDescription", "AmountFC", "AmountDC", "VATAmountFC", "VATAmountDC", "OrderNumber",
                "Document", "ExternalLinkReference", "Reversal", "Created", "Modified"),
                kind.relationField, kind.relationNameField, kind.linesField);
    }

    private static Set<String> names(String... names) {
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(List.of(names)));
    }

    private static Set<String> plus(Set<String> base, String... more) {
        Set<String> out = new LinkedHashSet<>(base);
        out.addAll(List.of(more));
        return java.util.Collections.unmodifiableSet(out);
    }

    private static Set<String> minus(Set<String> base, String... less) {
        Set<String> out = new LinkedHashSet<>(base);
        List.of(less).forEach(out::remove);
        return java.util.Collections.unmodifiableSet(out);
    }
}
