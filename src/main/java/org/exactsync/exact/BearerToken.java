package org.exactsync.exact;

import java.time.Instant;

/** An access token handed to one call, with the instant after which this process will not send it any more. */
record BearerToken(String value, Instant usableUntil) {

    @Override
    public String toString() {
        return "BearerToken[usableUntil=" + usableUntil + "]";
    }
}
