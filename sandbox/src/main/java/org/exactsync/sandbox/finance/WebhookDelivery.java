package org.exactsync.sandbox.finance;

import java.time.Instant;

/**
 * One POST the sandbox made (or decided not to make) to a callback URL, kept for tests.
 *
 * @param callbackUrl the subscription's CallbackURL
 * @param body        the exact bytes sent, as text; empty for the validation POST
 * @param validation  the empty POST right after a subscription was created
 * @param dropped     not sent on purpose (delivery is not guaranteed, §6.5)
 * @param duplicate   the second copy of a notification sent twice on purpose
 * @param status      the callback's HTTP status, or -1 when not sent or the connection failed
 * @param at          when it was attempted (sandbox clock)
 */
public record WebhookDelivery(String callbackUrl, String body, boolean validation, boolean dropped,
        boolean duplicate, int status, Instant at) {
}
