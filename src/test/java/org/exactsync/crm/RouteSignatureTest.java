package org.exactsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The route-bound signature's canonical string, as docs/operations.md documents it for scripts. */
class RouteSignatureTest {

    private static final Instant T = Instant.ofEpochSecond(1_796_000_000L);
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    @Test
    void signsTimeMethodPathFromThePrefixSortedEncodedQueryAndBody() {
        byte[] signed = RouteSignature.signed("get", "/Prod/admin/tenants/acme/events",
                "/admin/", Map.of("status", "failed", "limit", "5", "q", "a b~*"), "{}".getBytes(
                        StandardCharsets.UTF_8));

        assertThat(new String(signed, StandardCharsets.UTF_8))
                .isEqualTo("GET./admin/tenants/acme/events?limit=5&q=a%20b~%2A&status=failed.{}");
        assertThat(RouteSignature.sign("s", T, "GET", "/admin/tenants/acme/events", "/admin/", Map.of(), new byte[0]))
                .isEqualTo(CrmSignature.sign("s", T, "GET./admin/tenants/acme/events?.".getBytes(
                        StandardCharsets.UTF_8)));
    }

    @Test
    void aSignatureForOneRouteOrQueryDoesNotVerifyOnAnother() {
        String header = RouteSignature.sign("s", T, "GET", "/crm/receivables", "/crm/",
                Map.of("tenant", "acme", "relationId", "rel-1"), new byte[0]);

        assertThat(RouteSignature.verify(Optional.of(header), "s", "GET", "/crm/receivables", "/crm/",
                Map.of("relationId", "rel-1", "tenant", "acme"), new byte[0], T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.VALID);
        assertThat(RouteSignature.verify(Optional.of(header), "s", "GET", "/crm/receivables", "/crm/",
                Map.of("relationId", "rel-2", "tenant", "acme"), new byte[0], T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.MISMATCH);
        assertThat(RouteSignature.verify(Optional.of(header), "s", "POST", "/crm/receivables", "/crm/",
                Map.of("relationId", "rel-1", "tenant", "acme"), new byte[0], T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.MISMATCH);
        assertThat(RouteSignature.timestamp(Optional.of(header))).hasValue(T.getEpochSecond());
    }
}
