/**
 * Exact Online for the rest of the connector: {@link org.exactsync.exact.ExactOnline} in domain words, built by
 * {@link org.exactsync.exact.ExactOnlineClient#create} (plain code and tests) or injected (CDI,
 * {@link org.exactsync.exact.ExactClientProducer}).
 *
 * <p>Every call goes through the same steps: one call taken from the shared per-(app, division) budget
 * ({@link org.exactsync.exact.CallBudget}), a token from {@link org.exactsync.exact.TokenCustodian} (refreshed by
 * exactly one process, only inside Exact's last-30-seconds window, stored before use), the package-private
 * transport (all HTTP lives behind it), Exact's {@code X-RateLimit-*} headers fed back into the budget, and the
 * retry policy ({@code RetryPolicy}: connection errors, 429 after the reset, 502/503/504 with back-off; never a
 * validation error, never a POST whose outcome is unknown). Failures surface as the
 * {@link org.exactsync.exact.ExactException} hierarchy.
 *
 * <p>Records returned by the API live in {@code org.exactsync.exact.model}; OData literals, Exact's
 * {@code /Date(ms)/} dates, padded account codes and the typed row/field views for generic calls live in
 * {@code org.exactsync.exact.odata}.
 */
package org.exactsync.exact;
