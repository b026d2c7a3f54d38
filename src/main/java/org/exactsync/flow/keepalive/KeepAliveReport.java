package org.exactsync.flow.keepalive;

import java.util.List;

/**
 * What one keep-alive round did.
 *
 * @param connections   active connections looked at
 * @param refreshed     chains refreshed because they had been idle longer than the keep-alive period
 * @param needsConsent  tenants whose chain turned out broken (now marked {@code NEEDS_CONSENT})
 * @param failed        tenants whose refresh failed for a passing reason (retried next round)
 */
public record KeepAliveReport(int connections, int refreshed, List<String> needsConsent, List<String> failed) {
}
