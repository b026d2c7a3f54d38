package org.exactsync.mapping;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A relation's visit address as the CRM sends it; {@code country} is ISO 3166-1 alpha-2. Personal data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RelationAddress(String line1, String line2, String postcode, String city, String country) {

    @Override
    public String toString() {
        return "RelationAddress[country=" + country + "]";
    }
}
