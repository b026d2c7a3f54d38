package org.exactsync.exact.model;

/**
 * One administration the user may open ({@code system/Divisions}). {@code status}: 0 inactive, 1 active, 2 archived.
 */
public record Division(int code, String description, int status, String currency, String country,
        String legislation) {

    public boolean active() {
        return status == 1;
    }
}
