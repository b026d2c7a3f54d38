package org.exactsync.sandbox;

import java.util.List;
import java.util.Optional;

/** The divisions a sandbox serves, for entity sets that list companies ({@code system/Divisions}). */
public interface DivisionDirectory {

    /** Every division, in code order. */
    List<DivisionProfile> profiles();

    /** One division's profile. */
    Optional<DivisionProfile> profile(int code);
}
