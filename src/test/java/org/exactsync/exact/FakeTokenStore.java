package org.exactsync.exact;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.exact.port.TokenKey;
import org.exactsync.exact.port.TokenRecord;
import org.exactsync.exact.port.TokenStore;

/** {@link TokenStore} in memory with the same compare-and-swap rules as the DynamoDB adapter. */
class FakeTokenStore implements TokenStore {

    private final Map<TokenKey, TokenRecord> records = new HashMap<>();
    volatile boolean failSaveRefreshed;

    @Override
    public synchronized Optional<TokenRecord> find(TokenKey key) {
        return Optional.ofNullable(records.get(key));
    }

    @Override
    public synchronized TokenRecord saveConsented(TokenKey key, String accessToken, Instant accessExpiresAt,
            String refreshToken, Instant now) {
        long version = records.containsKey(key) ? records.get(key).version() + 1 : 1;
        TokenRecord record = new TokenRecord(key, accessToken, accessExpiresAt, refreshToken, now,
                ConnectionStatus.ACTIVE, null, null, null, version);
        records.put(key, record);
        return record;
    }

    @Override
    public synchronized Optional<TokenRecord> tryLease(TokenKey key, long expectedVersion, String owner,
            Instant leaseUntil, Instant now) {
        TokenRecord r = records.get(key);
        if (r == null || r.version() != expectedVersion || r.leasedAt(now)) {
            return Optional.empty();
        }
        TokenRecord leased = new TokenRecord(key, r.accessToken(), r.accessExpiresAt(), r.refreshToken(),
                r.refreshedAt(), r.status(), r.statusReason(), owner, leaseUntil, r.version() + 1);
        records.put(key, leased);
        return Optional.of(leased);
    }

    @Override
    public synchronized Optional<TokenRecord> saveRefreshed(TokenKey key, long leasedVersion, String owner,
            String accessToken, Instant accessExpiresAt, String refreshToken, Instant now) {
        if (failSaveRefreshed) {
            throw new IllegalStateException("store unavailable");
        }
        TokenRecord r = records.get(key);
        if (r == null || r.version() != leasedVersion || !owner.equals(r.leaseOwner())) {
            return Optional.empty();
        }
        TokenRecord saved = new TokenRecord(key, accessToken, accessExpiresAt, refreshToken, now,
                ConnectionStatus.ACTIVE, null, null, null, r.version() + 1);
        records.put(key, saved);
        return Optional.of(saved);
    }

    @Override
    public synchronized boolean releaseLease(TokenKey key, long leasedVersion, String owner) {
        TokenRecord r = records.get(key);
        if (r == null || r.version() != leasedVersion || !owner.equals(r.leaseOwner())) {
            return false;
        }
        records.put(key, new TokenRecord(key, r.accessToken(), r.accessExpiresAt(), r.refreshToken(),
                r.refreshedAt(), r.status(), r.statusReason(), null, null, r.version() + 1));
        return true;
    }

    @Override
    public synchronized boolean markNeedsConsent(TokenKey key, long expectedVersion, String reason) {
        TokenRecord r = records.get(key);
        if (r == null || r.version() != expectedVersion) {
            return false;
        }
        records.put(key, new TokenRecord(key, r.accessToken(), r.accessExpiresAt(), r.refreshToken(),
                r.refreshedAt(), ConnectionStatus.NEEDS_CONSENT, reason, null, null, r.version() + 1));
        return true;
    }

    @Override
    public synchronized void delete(TokenKey key) {
        records.remove(key);
    }
}
