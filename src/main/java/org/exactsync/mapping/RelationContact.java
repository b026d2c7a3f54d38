package org.exactsync.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A contact person of a relation; {@code main} marks the one set as the account's main contact. Personal data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelationContact(String id, String firstName, String lastName, String email, String phone,
        Boolean main) {

    public boolean isMain() {
        return Boolean.TRUE.equals(main);
    }

    @Override
    public String toString() {
        return "RelationContact[id=" + id + ", main=" + isMain() + "]";
    }
}
