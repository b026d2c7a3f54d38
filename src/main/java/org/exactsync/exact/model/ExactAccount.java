package org.exactsync.exact.model;

import java.util.UUID;

/**
 * A relation ({@code crm/Accounts}) with {@code code} trimmed and {@code country} trimmed. Names and e-mails are
 * personal data: never log them, log {@code id}.
 *
 * @param status A none, S suspect, P prospect, C customer (only C can be invoiced)
 */
public record ExactAccount(UUID id, String code, String name, String status, String vatNumber,
        String chamberOfCommerce, String email, String postcode, String city, String country, boolean blocked,
        UUID mainContact) {

    @Override
    public String toString() {
        return "ExactAccount[id=" + id + ", code=" + code + ", status=" + status + "]";
    }
}
