package org.exactsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CrmSignatureTest {

    private static final Instant T = Instant.ofEpochSecond(1_795_000_000L);
    private static final byte[] BODY = "{\"eventId\":\"evt-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofSeconds(300);

    @Test
    void signsTheTimestampDotRawBodyWithLowerCaseHex() {
        // Known answer computed independently: printf '1795000000.{"eventId":"evt-1"}' | openssl dgst -sha256 -hmac s3cret
        assertThat(CrmSignature.sign("s3cret", T, BODY))
                .isEqualTo("t=1795000000,v1=c15108a3469f3bba96908f280b087bdc4afd57addbb47e69d44ec869d622cafe");
    }

    @Test
    void acceptsAnySignatureAmongSeveralWhileASecretIsRotated() {
        String current = CrmSignature.sign("new", T, BODY);
        String old = CrmSignature.sign("old", T, BODY).replaceFirst("t=[0-9]+,", "");

        assertThat(CrmSignature.verify(Optional.of(current + "," + old), "old", BODY, T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.VALID);
    }

    @Test
    void ignoresUnknownSchemesBesideV1() {
        String header = CrmSignature.sign("s", T, BODY) + ",v0=legacy";

        assertThat(CrmSignature.verify(Optional.of(header), "s", BODY, T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.VALID);
    }

    @Test
    void refusesTwoTimestamps() {
        String header = CrmSignature.sign("s", T, BODY) + ",t=1";

        assertThat(CrmSignature.verify(Optional.of(header), "s", BODY, T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.MALFORMED);
    }

    @Test
    void namesWhyASignatureIsRefused() {
        String header = CrmSignature.sign("s", T, BODY);

        assertThat(CrmSignature.verify(Optional.empty(), "s", BODY, T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.MISSING);
        assertThat(CrmSignature.verify(Optional.of(header), "s", BODY, T.plusSeconds(301), TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.STALE);
        assertThat(CrmSignature.verify(Optional.of(header), "other", BODY, T, TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.MISMATCH);
        assertThat(CrmSignature.verify(Optional.of(header), "s", BODY, T.plusSeconds(300), TOLERANCE))
                .isEqualTo(CrmSignature.Verdict.VALID);
    }
}
