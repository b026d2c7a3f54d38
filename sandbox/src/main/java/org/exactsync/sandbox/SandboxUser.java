package org.exactsync.sandbox;

import java.util.Set;
import java.util.UUID;

/**
 * An Exact user who consents to the app. Tokens belong to (app, user); the user's {@code grantedDivisions} are the
 * companies ticked on the consent screen (division scoping, docs/exact-reference.md §7.1).
 *
 * @param userId           {@code current/Me.UserID}
 * @param userName         login name, also the sandbox's {@code user} parameter on {@code /api/oauth2/auth}
 * @param fullName         display name
 * @param email            e-mail address (never logged)
 * @param currentDivision  the division last opened in the UI ({@code current/Me.CurrentDivision})
 * @param grantedDivisions divisions the app may use for this user; others answer 403
 */
public record SandboxUser(
        UUID userId,
        String userName,
        String fullName,
        String email,
        int currentDivision,
        Set<Integer> grantedDivisions) {

    public SandboxUser {
        grantedDivisions = Set.copyOf(grantedDivisions);
    }
}
