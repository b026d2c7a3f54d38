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

    /** The sum of per-tenant reports (a round's). */
    public static KeepAliveReport sum(List<KeepAliveReport> reports) {
        List<String> needsConsent = new java.util.ArrayList<>();
        List<String> failed = new java.util.ArrayList<>();
        int connections = 0;
        int refreshed = 0;
        for (KeepAliveReport report : reports) {
            connections += report.connections();
            refreshed += report.refreshed();
            needsConsent.addAll(report.needsConsent());
            failed.addAll(report.failed());
        }
        return new KeepAliveReport(connections, refreshed, List.copyOf(needsConsent), List.copyOf(failed));
    }
}
