package org.exactsync.sandbox.finance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.ExactSandbox;
import org.exactsync.sandbox.SandboxSetup;
import org.exactsync.time.Sleeper;

/**
 * Every financial endpoint of the sandbox: sales and purchase entries, the transaction-line, payment-term,
 * open-item and deletion views, and webhook subscriptions with their delivery.
 */
public final class FinanceEntities {

    /** Used in {@code ExactOnlineEndpoint} when the sandbox's own URL is not known (not started). */
    static final String DEFAULT_BASE_URL = "https://start.exactonline.nl";

    private FinanceEntities() {
    }

    /** The sets with default options, for {@code SandboxEntities.all}. */
    public static List<EntitySet> all(SandboxSetup setup) {
        return all(setup, FinanceOptions.defaults(), Duration.ZERO);
    }

    /**
     * @param validationDelay delay of the webhook validation POST after a subscription is created (Exact: ~1 s)
     */
    public static List<EntitySet> all(SandboxSetup setup, FinanceOptions options, Duration validationDelay) {
        List<EntitySet> sets = new ArrayList<>();
        sets.add(EntryEntitySet.salesEntries(options));
        sets.add(EntryEntitySet.purchaseEntries(options));
        sets.add(EntryLineSet.salesEntryLines(options));
        sets.add(EntryLineSet.purchaseEntryLines(options));
        sets.addAll(new FinanceViews(options).all());
        WebhookDispatcher dispatcher = new WebhookDispatcher(setup.clock(), setup.webhookSecret(), setup.seed(),
                Sleeper.system(), validationDelay, setup.webhookTls());
        sets.add(new WebhookSubscriptionSet(setup.clientId(), dispatcher, baseUrl(setup), setup.clock()));
        return sets;
    }

    private static Supplier<String> baseUrl(SandboxSetup setup) {
        if (setup.divisions() instanceof ExactSandbox sandbox) {
            return () -> {
                try {
                    return sandbox.baseUrl();
                } catch (IllegalStateException notStarted) {
                    return DEFAULT_BASE_URL;
                }
            };
        }
        return () -> DEFAULT_BASE_URL;
    }
}
