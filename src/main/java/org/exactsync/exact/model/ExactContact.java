package org.exactsync.exact.model;

import java.util.UUID;

/** A contact person ({@code crm/Contacts}) of an account. Personal data: never log, log {@code id}. */
public record ExactContact(UUID id, UUID account, String firstName, String lastName, String email, String phone) {

    @Override
    public String toString() {
        return "ExactContact[id=" + id + ", account=" + account + "]";
    }
}
