package org.exactsync.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The {@code data} of a {@code relation.upserted} event (crm-contract.md), bound only after
 * {@link RelationValidator} found no problems. Names, e-mails and phones are personal data: log {@code id} only.
 *
 * @param id                the CRM's relation id
 * @param roles             {@code customer} and/or {@code supplier}
 * @param name              legal name
 * @param address           visit address, or null
 * @param email             general e-mail, or null
 * @param phone             general phone, or null
 * @param vatNumber         VAT number as the CRM holds it (spaces and dots allowed), or null
 * @param chamberOfCommerce Chamber of Commerce (KvK) number, or null
 * @param paymentTermDays   payment term in days, or null (Exact's default then applies)
 * @param contacts          contact persons (empty when none)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelationUpserted(String id, List<String> roles, String name, RelationAddress address, String email,
        String phone, String vatNumber, String chamberOfCommerce, Integer paymentTermDays,
        List<RelationContact> contacts) {

    public RelationUpserted {
        roles = roles == null ? List.of() : List.copyOf(roles);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public boolean isCustomer() {
        return roles.contains("customer");
    }

    public boolean isSupplier() {
        return roles.contains("supplier");
    }

    @Override
    public String toString() {
        return "RelationUpserted[id=" + id + ", roles=" + roles + ", contacts=" + contacts.size() + "]";
    }
}
