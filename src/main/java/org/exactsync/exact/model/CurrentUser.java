package org.exactsync.exact.model;

import java.util.UUID;

/**
 * {@code current/Me}. {@code currentDivision} follows whatever company the user last opened in Exact's UI: use it
 * only to reach {@code system/Divisions} during setup, never as the target of a sync (docs/exact-reference.md §2.9).
 * {@code fullName} is personal data: never log it.
 */
public record CurrentUser(UUID userId, int currentDivision, String fullName) {
}
