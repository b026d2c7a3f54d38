package org.exactsync.flow.onboarding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exactsync.mapping.RelationAddress;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.store.IndexedAccount;

/** Small builders for index entries and CRM relations in the onboarding tests. */
final class Accounts {

    private Accounts() {
    }

    /** An indexed account with a full Dutch address; {@code more} overrides or adds fields (Exact names). */
    static IndexedAccount account(String code, String name, String... more) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ID", "00000000-0000-0000-0000-" + String.format("%012d", Long.parseLong(code)));
        values.put("Code", code);
        values.put("Name", name);
        values.put("AddressLine1", "Straat " + code);
        values.put("Postcode", "3512 AB");
        values.put("City", "Utrecht");
        values.put("Country", "NL");
        values.put("Email", "");
        values.put("VATNumber", "");
        values.put("ChamberOfCommerce", "");
        values.put("Blocked", "false");
        for (int i = 0; i < more.length; i += 2) {
            values.put(more[i], more[i + 1]);
        }
        return new IndexedAccount(values.get("ID"), Long.parseLong(code), values);
    }

    static RelationUpserted relation(String id, String name, String vat, String kvk, String email, String postcode) {
        return new RelationUpserted(id, List.of("customer"), name, new RelationAddress("Straat 1", null, postcode,
                "Utrecht", "NL"), email, null, vat, kvk, null, List.of());
    }
}
