package org.exactsync.crm.inbound;

import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.exactsync.crm.CrmSignature;

/** Ways a {@code Crm-Signature} can be wrong; each must be answered 401 with nothing stored. */
enum SignatureDamage {
    MISSING {
        @Override
        Map<String, String> headers(String secret, Instant now, byte[] body, Random random) {
            return Map.of();
        }
    },
    WRONG_SECRET {
        @Override
        Map<String, String> headers(String secret, Instant now, byte[] body, Random random) {
            return Map.of(CrmSignature.HEADER, CrmSignature.sign(secret + "x", now, body));
        }
    },
    STALE_OR_FUTURE {
        @Override
        Map<String, String> headers(String secret, Instant now, byte[] body, Random random) {
            long offset = (301 + random.nextInt(100_000)) * (random.nextBoolean() ? 1L : -1L);
            return Map.of(CrmSignature.HEADER, CrmSignature.sign(secret, now.plusSeconds(offset), body));
        }
    },
    BODY_CHANGED_AFTER_SIGNING {
        @Override
        Map<String, String> headers(String secret, Instant now, byte[] body, Random random) {
            byte[] other = body.clone();
            other[random.nextInt(other.length)] ^= (byte) (1 + random.nextInt(127));
            return Map.of(CrmSignature.HEADER, CrmSignature.sign(secret, now, other));
        }
    },
    MALFORMED_HEADER {
        @Override
        Map<String, String> headers(String secret, Instant now, byte[] body, Random random) {
            String good = CrmSignature.sign(secret, now, body);
            String bad = switch (random.nextInt(4)) {
                case 0 -> good.replace("v1=", "v2=");
                case 1 -> good.toUpperCase(java.util.Locale.ROOT);
                case 2 -> "t=" + now.getEpochSecond();
                default -> good.substring(0, good.length() - 1);
            };
            return Map.of(CrmSignature.HEADER, bad);
        }
    };

    /** Request headers carrying this kind of wrong signature for {@code body}. */
    abstract Map<String, String> headers(String secret, Instant now, byte[] body, Random random);
}
