package org.exactsync.flow.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.exactsync.flow.connect.ConnectLinkSignature.Verdict;
import org.junit.jupiter.api.Test;

class ConnectLinkSignatureTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration VALIDITY = Duration.ofMinutes(15);

    @Test
    void acceptsItsOwnLinkForFifteenMinutesAndNotAfter() {
        long t = NOW.getEpochSecond();
        String sig = ConnectLinkSignature.sign("s", "acme", t);

        assertThat(ConnectLinkSignature.verify("s", "acme", Long.toString(t), sig, NOW.plus(VALIDITY), VALIDITY))
                .isEqualTo(Verdict.VALID);
        assertThat(ConnectLinkSignature.verify("s", "acme", Long.toString(t), sig,
                NOW.plus(VALIDITY).plusSeconds(1), VALIDITY)).isEqualTo(Verdict.EXPIRED);
        assertThat(ConnectLinkSignature.verify("s", "acme", Long.toString(t), sig, NOW.minus(Duration.ofMinutes(6)),
                VALIDITY)).as("signed in the future").isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void bindsTenantTimeAndSecret() {
        long t = NOW.getEpochSecond();
        String sig = ConnectLinkSignature.sign("s", "acme", t);

        assertThat(ConnectLinkSignature.verify("s", "acme2", Long.toString(t), sig, NOW, VALIDITY))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(ConnectLinkSignature.verify("s", "acme", Long.toString(t - 1), sig, NOW, VALIDITY))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(ConnectLinkSignature.verify("other", "acme", Long.toString(t), sig, NOW, VALIDITY))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(ConnectLinkSignature.verify("s", "acme", "12x", sig, NOW, VALIDITY)).isEqualTo(Verdict.MALFORMED);
        assertThat(ConnectLinkSignature.verify("s", "acme", Long.toString(t), sig.toUpperCase(), NOW, VALIDITY))
                .isEqualTo(Verdict.MALFORMED);
    }

    @Test
    void theStateParameterCarriesAnyTenantIdAndRefusesOtherShapes() {
        String state = OAuthStateParam.of("a.b#c", "n0nce-with_enough-characters");

        assertThat(OAuthStateParam.parse(state)).contains(new OAuthStateParam("a.b#c",
                "n0nce-with_enough-characters"));
        assertThat(OAuthStateParam.parse("st")).isEmpty();
        assertThat(OAuthStateParam.parse(state + ".x")).isEmpty();
        assertThat(OAuthStateParam.parse("YWNtZQ.short")).isEmpty();
        assertThat(OAuthStateParam.parse(null)).isEmpty();
    }
}
