package org.exactsync.sandbox.http;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.DivisionDirectory;
import org.exactsync.sandbox.DivisionProfile;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactValues;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxUser;

/**
 * {@code /api/v1/current/Me} (docs/exact-reference.md §2.9): the only division-less endpoint; one row describing the
 * token's user, {@code CurrentDivision} being the division last opened in the UI.
 */
public final class MeEndpoint {

    public static final String PATH = "current/Me";

    static final EndpointSpec SPEC = new EndpointSpec(PATH, "UserID", KeyKind.GUID, EndpointSpec.SINGLE_PAGE, false,
            Set.of(), false, Set.of(), Set.of("GET"), "Exact.Web.Api.Models.System.Me");
    static final Set<String> PROPERTIES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of("UserID",
            "UserName", "FullName", "Email", "CurrentDivision", "AccountingDivision", "DivisionCustomer",
            "Legislation", "LanguageCode", "ServerTime", "ServerUtcOffset")));

    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Clock clock;
    private final DivisionDirectory directory;

    public MeEndpoint(Clock clock, DivisionDirectory directory) {
        this.clock = clock;
        this.directory = directory;
    }

    Map<String, Object> row(SandboxUser user) {
        Instant now = clock.instant();
        DivisionProfile current = directory.profile(user.currentDivision()).orElse(null);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("UserID", user.userId());
        row.put("UserName", user.userName());
        row.put("FullName", user.fullName());
        row.put("Email", user.email());
        row.put("CurrentDivision", user.currentDivision());
        row.put("AccountingDivision", user.currentDivision());
        row.put("DivisionCustomer", current == null ? null : current.hid());
        row.put("Legislation", current == null ? null : current.legislation());
        row.put("LanguageCode", "nl-NL");
        // A plain text, not an Edm.DateTime: the server's Dutch wall time without offset (docs/exact-reference.md §1.8).
        row.put("ServerTime", SERVER_TIME.format(LocalDateTime.ofInstant(now, ExactValues.EXACT_ZONE)));
        row.put("ServerUtcOffset", ExactValues.EXACT_ZONE.getRules().getOffset(now).getTotalSeconds());
        return row;
    }
}
