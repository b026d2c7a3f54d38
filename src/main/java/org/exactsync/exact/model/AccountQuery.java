package org.exactsync.exact.model;

import org.exactsync.exact.odata.AccountCode;
import org.exactsync.exact.odata.OData;

/**
 * The ways to look a relation up. Each uses a field on Exact's mandatory-filter whitelist for {@code crm/Accounts}
 * (docs/exact-reference.md §1.5), so none of them is rejected for filtering on the wrong field.
 */
public sealed interface AccountQuery {

    /** The {@code $filter} expression. */
    String filter();

    static AccountQuery byCode(String code) {
        return new ByCode(code);
    }

    static AccountQuery byVatNumber(String vatNumber) {
        return new ByVatNumber(vatNumber);
    }

    static AccountQuery byChamberOfCommerce(String kvk) {
        return new ByChamberOfCommerce(kvk);
    }

    static AccountQuery byNameAndPostcode(String name, String postcode) {
        return new ByNameAndPostcode(name, postcode);
    }

    /** Code filters need Exact's 18-character padding, or they find nothing. */
    record ByCode(String code) implements AccountQuery {
        public String filter() {
            return OData.eq("Code", OData.string(AccountCode.padded(code)));
        }
    }

    record ByVatNumber(String vatNumber) implements AccountQuery {
        public String filter() {
            return OData.eq("VATNumber", OData.string(vatNumber));
        }
    }

    record ByChamberOfCommerce(String chamberOfCommerce) implements AccountQuery {
        public String filter() {
            return OData.eq("ChamberOfCommerce", OData.string(chamberOfCommerce));
        }
    }

    record ByNameAndPostcode(String name, String postcode) implements AccountQuery {
        public String filter() {
            return OData.eq("Name", OData.string(name)) + " and " + OData.eq("Postcode", OData.string(postcode));
        }

        @Override
        public String toString() {
            return "ByNameAndPostcode[redacted]";
        }
    }
}
