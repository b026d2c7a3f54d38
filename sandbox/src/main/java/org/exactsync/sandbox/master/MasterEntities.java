package org.exactsync.sandbox.master;

import java.util.List;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxSetup;

/** The master-data endpoints of the sandbox (helper A's part of {@link org.exactsync.sandbox.SandboxEntities}). */
public final class MasterEntities {

    public static final String VAT_CODES = "vat/VATCodes";
    public static final String JOURNALS = "financial/Journals";
    public static final String FINANCIAL_PERIODS = "financial/FinancialPeriods";
    public static final String JOURNAL_STATUS_LIST = "read/financial/JournalStatusList";

    private MasterEntities() {
    }

    /** Every master-data set, ready to register. */
    public static List<EntitySet> all(SandboxSetup setup) {
        AccountsSet accounts = new AccountsSet();
        ContactsSet contacts = new ContactsSet();
        return List.of(
                new DivisionsSet(setup.divisions()),
                accounts,
                contacts,
                new BulkViewSet("bulk/CRM/Accounts", accounts, "Exact.Web.Api.Models.Bulk.CRM.Account",
                        java.util.Set.of("Classification1")),
                new BulkViewSet("bulk/CRM/Contacts", contacts, "Exact.Web.Api.Models.Bulk.CRM.Contact",
                        java.util.Set.of()),
                new SyncViewSet("sync/CRM/Accounts", accounts, "Exact.Web.Api.Models.Sync.CRM.Account"),
                new SyncViewSet("sync/CRM/Contacts", contacts, "Exact.Web.Api.Models.Sync.CRM.Contact"),
                new GLAccountsSet(),
                new ReadOnlySet(VAT_CODES, "ID", KeyKind.GUID, "Exact.Web.Api.Models.VATCode",
                        List.of("ID", "Code", "Description", "Percentage", "VATPercentages", "Type",
                                "VATTransactionType", "Charged", "GLToPay", "GLToClaim", "IsBlocked",
                                "EUSalesListing", "Division", "Created", "Modified")),
                new ReadOnlySet(JOURNALS, "ID", KeyKind.GUID, "Exact.Web.Api.Models.Journal",
                        List.of("ID", "Code", "Description", "Type", "GLAccount", "Currency",
                                "AllowVariableCurrency", "AllowVAT", "AutoSave", "IsBlocked", "Division", "Created",
                                "Modified")),
                new CostcentersSet(),
                new PaymentConditionsSet(),
                new ReadOnlySet(FINANCIAL_PERIODS, "ID", KeyKind.GUID, "Exact.Web.Api.Models.FinancialPeriod",
                        List.of("ID", "FinYear", "FinPeriod", "StartDate", "EndDate", "Division", "Created",
                                "Modified")),
                new ReadOnlySet(JOURNAL_STATUS_LIST, "ID", KeyKind.GUID,
                        "Exact.Web.Api.Models.Financial.JournalStatusList",
                        List.of("ID", "Journal", "JournalDescription", "JournalType", "Year", "Period", "Status",
                                "StatusDescription", "Division")));
    }
}
