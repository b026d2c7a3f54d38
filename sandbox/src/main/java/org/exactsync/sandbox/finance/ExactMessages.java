package org.exactsync.sandbox.finance;

import java.math.BigDecimal;

/**
 * Exact's validation texts (docs/exact-reference.md §4.3). Where a source gave the text in one language only, that
 * text is used whatever the language; texts marked "sandbox wording" were not found in any source and follow
 * Exact's "Kind: Field" pattern.
 */
final class ExactMessages {

    private final boolean english;

    ExactMessages(boolean english) {
        this.english = english;
    }

    String journalMissing() {
        return english ? "Mandatory: Journal" : "Verplicht: Dagboek";
    }

    String journalUnknown() {
        return "Ongeldige referentie: Journals";
    }

    /** Sandbox wording. */
    String journalWrongType() {
        return english ? "Invalid: Journal (Type)" : "Ongeldig: Dagboek (Type)";
    }

    /** Sandbox wording ("Verplicht: Klant" / "Verplicht: Leverancier"). */
    String relationMissing(EntryKind kind) {
        if (english) {
            return "Mandatory: " + (kind == EntryKind.SALES ? "Customer" : "Supplier");
        }
        return "Verplicht: " + kind.relationLabel;
    }

    /** Sandbox wording. */
    String relationUnknown(EntryKind kind) {
        if (english) {
            return "Invalid reference: " + (kind == EntryKind.SALES ? "Customer" : "Supplier");
        }
        return "Ongeldige referentie: " + kind.relationLabel;
    }

    String relationWrongType(EntryKind kind) {
        if (english) {
            return "Invalid: " + (kind == EntryKind.SALES ? "Customer" : "Supplier") + " (Type)";
        }
        return "Ongeldig: " + kind.relationLabel + " (Type)";
    }

    /** Sandbox wording. */
    String linesMissing(EntryKind kind) {
        return (english ? "Mandatory: " : "Verplicht: ") + kind.linesField;
    }

    /** Sandbox wording: lines travel in a header POST only, never in a header PUT (§1.7). */
    String linesOnHeaderPut(EntryKind kind) {
        return (english ? "Not allowed: " : "Niet toegestaan: ") + kind.linesField;
    }

    /** Sandbox wording. */
    String glAccountMissing() {
        return english ? "Mandatory: G/L account" : "Verplicht: Grootboekrekening";
    }

    /** Sandbox wording. */
    String glAccountUnknown() {
        return english ? "Invalid reference: G/L account" : "Ongeldige referentie: Grootboekrekening";
    }

    String glAccountWrongType(GlAccountRef gl) {
        return "Ledger account '" + gl.code() + "' is of a wrong type: '" + gl.typeLabel() + "'";
    }

    String glAccountBlocked() {
        return english ? "Blocked: Ledger account" : "Geblokkeerd: Grootboekrekening";
    }

    /** Sandbox wording. */
    String amountMissing() {
        return english ? "Mandatory: Amount" : "Verplicht: Bedrag";
    }

    /** Sandbox wording. */
    String vatCodeBlocked() {
        return english ? "Blocked: VAT code" : "Geblokkeerd: Btw-code";
    }

    /** The source quotes only the start of this text; the rest is sandbox wording. */
    String inclusiveVatMismatch(int lineNumber, String vatCode) {
        return "Invoer " + lineNumber + ": Het bedrag van de BTW regel met BTW code " + vatCode
                + " komt niet overeen met het berekende btw-bedrag";
    }

    /** Sales text per §4.3; the purchase twin is sandbox wording. */
    String controlAccountMismatch(EntryKind kind) {
        return kind == EntryKind.SALES
                ? "De klantenrekening van deze relatie is niet gelijk aan de rekening van het gebruikte verkoopdagboek"
                : "De leveranciersrekening van deze relatie is niet gelijk aan de rekening van het gebruikte "
                        + "inkoopdagboek";
    }

    String vatCodeUnknown() {
        return "Ongeldige referentie: Btw-code";
    }

    /** HTTP 500 in Exact (§4.2). */
    String vatPercentageInvalid() {
        return "Ongeldig: Btw-percentage []";
    }

    /** Sandbox wording. */
    String costCenterMandatory() {
        return english ? "Mandatory: Cost center" : "Verplicht: Kostenplaats";
    }

    /** Sandbox wording. */
    String costCenterNotAllowed() {
        return english ? "Not allowed: Cost center" : "Niet toegestaan: Kostenplaats";
    }

    /** Sandbox wording. */
    String costCenterUnknown() {
        return english ? "Invalid reference: Cost center" : "Ongeldige referentie: Kostenplaats";
    }

    String financialYearUnknown() {
        return "Unknown: Financial year (Period-date table)";
    }

    String periodClosed(int year, int period) {
        return english ? "Period is closed: " + year + " – " + period
                : "Periode is afgesloten: " + year + " – " + period;
    }

    String entryNumberExists(int entryNumber, String journal) {
        return "Already exists - Entry number: " + entryNumber + ", Journal: " + journal;
    }

    String notInBalance(int year, int period, BigDecimal difference) {
        return "De boeking is niet in evenwicht op: " + year + " / " + period + ". Verschil: EUR "
                + difference.toPlainString().replace('.', ',');
    }

    /** HTTP 500 in Exact (§4.3, picqer #515). */
    String financialYearCannotChange() {
        return "The financial year cannot be changed.";
    }

    /** No condition on the entry, its customer or the division (§4.3; reported in Dutch only). */
    String paymentConditionMissing() {
        return "Verplicht: Betalingsconditie";
    }

    String paymentConditionUnknown() {
        return "Ongeldige referentie: Betalingsconditie";
    }
}
