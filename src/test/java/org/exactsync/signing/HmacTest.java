package org.exactsync.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class HmacTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void computesTheRfc4231TestCaseTwo() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        assertThat(HexFormat.of().formatHex(Hmac.sha256("Jefe", ascii("what do ya want for nothing?"))))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsPartsAsIfTheyWereOneMessage() {
        assertThat(Hmac.sha256("Jefe", ascii("what do ya "), ascii("want for nothing?")))
                .isEqualTo(Hmac.sha256("Jefe", ascii("what do ya want for nothing?")));
    }

    @Test
    void matchesOnlyEqualBytes() {
        byte[] expected = Hmac.sha256("secret", ascii("body"));

        assertThat(Hmac.matches(expected, expected.clone())).isTrue();
        assertThat(Hmac.matches(expected, Hmac.sha256("other", ascii("body")))).isFalse();
        assertThat(Hmac.matches(expected, new byte[0])).isFalse();
    }
}
