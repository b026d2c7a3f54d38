package org.exactsync.sandbox.finance;

/**
 * What differs between a sales and a purchase entry. Signs follow Exact's transaction lines (debit positive): a sale
 * credits revenue (negative) and debits the receivable (positive); a purchase debits costs (positive) and credits
 * the payable (negative). Credit notes are sent with negative amounts and so flip both.
 */
enum EntryKind {
    SALES(FinanceTables.SALES_ENTRIES, "SalesEntryLines", "Customer", "CustomerName", "Klant", 20, 21, 20, 21,
            GlAccountRef.RECEIVABLE, -1, "SalesEntries", "Exact.Web.Api.Models.SalesEntry"),
    PURCHASE(FinanceTables.PURCHASE_ENTRIES, "PurchaseEntryLines", "Supplier", "SupplierName", "Leverancier", 22, 23,
            30, 31, GlAccountRef.PAYABLE, 1, "PurchaseEntries", "Exact.Web.Api.Models.PurchaseEntry");

    final String path;
    final String linesField;
    final String relationField;
    final String relationNameField;
    final String relationLabel;
    final int journalType;
    final int returnJournalType;
    final int entryType;
    final int creditType;
    final int controlGlType;
    /** Sign of a line's AmountFC on its transaction line; the total (line 0) carries the opposite sign. */
    final int lineSign;
    final String topic;
    final String metadataType;

    EntryKind(String path, String linesField, String relationField, String relationNameField, String relationLabel,
            int journalType, int returnJournalType, int entryType, int creditType, int controlGlType, int lineSign,
            String topic, String metadataType) {
        this.path = path;
        this.linesField = linesField;
        this.relationField = relationField;
        this.relationNameField = relationNameField;
        this.relationLabel = relationLabel;
        this.journalType = journalType;
        this.returnJournalType = returnJournalType;
        this.entryType = entryType;
        this.creditType = creditType;
        this.controlGlType = controlGlType;
        this.lineSign = lineSign;
        this.topic = topic;
        this.metadataType = metadataType;
    }

    /** LineType of the payment term the entry creates: 20 receivable, 22 payable (§5.17). */
    int paymentTermLineType() {
        return this == SALES ? 20 : 22;
    }

    boolean acceptsJournalType(int type) {
        return type == journalType || type == returnJournalType;
    }
}
