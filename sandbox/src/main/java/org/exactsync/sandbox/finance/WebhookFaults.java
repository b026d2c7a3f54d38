package org.exactsync.sandbox.finance;

import java.util.Random;

/**
 * Makes webhook delivery as unreliable as Exact's may be (§6.5: no guarantee found): drop or duplicate the next
 * notifications, or a share of them chosen with a seeded random. Validation POSTs are never dropped.
 */
public final class WebhookFaults {

    private final Random random;
    private int dropNext;
    private int duplicateNext;
    private double dropRate;
    private double duplicateRate;

    public WebhookFaults(long seed) {
        this.random = new Random(seed);
    }

    /** The next {@code count} notifications are not sent. */
    public synchronized void dropNext(int count) {
        dropNext = count;
    }

    /** The next {@code count} notifications are sent twice. */
    public synchronized void duplicateNext(int count) {
        duplicateNext = count;
    }

    /** Share (0–1) of notifications silently dropped from now on. */
    public synchronized void dropRate(double rate) {
        dropRate = rate;
    }

    /** Share (0–1) of notifications sent twice from now on. */
    public synchronized void duplicateRate(double rate) {
        duplicateRate = rate;
    }

    public synchronized void reset() {
        dropNext = 0;
        duplicateNext = 0;
        dropRate = 0;
        duplicateRate = 0;
    }

    synchronized boolean drop() {
        if (dropNext > 0) {
            dropNext--;
            return true;
        }
        return dropRate > 0 && random.nextDouble() < dropRate;
    }

    synchronized boolean duplicate() {
        if (duplicateNext > 0) {
            duplicateNext--;
            return true;
        }
        return duplicateRate > 0 && random.nextDouble() < duplicateRate;
    }
}
