package org.exactsync.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.AccountFields;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.payment.DeletedTermFeed;
import org.exactsync.flow.payment.DivisionMoves;
import org.exactsync.flow.payment.DivisionPollResult;
import org.exactsync.flow.payment.OpenItemPoll;
import org.exactsync.flow.payment.PaymentStatusUpdater;
import org.exactsync.flow.payment.PaymentTermFeed;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.EntityKind;
import org.exactsync.store.MappingChange;
import org.exactsync.store.MappingKey;
import org.exactsync.store.SyncMode;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbCursorStore;
import org.exactsync.store.dynamodb.DynamoDbDivisionWatchStore;
import org.exactsync.store.dynamodb.DynamoDbMappingStore;
import org.exactsync.store.dynamodb.DynamoDbPaymentStateStore;

/**
 * Issue 5's figures: the open-item poll of a division with 10,000 open items, with nothing new and with 20 payments
 * since the previous poll (bound: at most 3 calls per poll, whatever the number of open items).
 */
final class PaymentScenarios {

    private static final int OPEN_ITEMS = 10_000;
    private static final int CHANGES_PER_POLL = 20;
    private static final LocalDate ENTRY_DATE = LocalDate.of(2026, 2, 20);

    private PaymentScenarios() {
    }

    static List<Scenario> all() {
        return List.of(idlePoll(), pollWithChanges());
    }

    static Scenario idlePoll() {
        String name = "open-item poll, nothing new (10,000 open items)";
        return scenario(name, (env, flow, n) -> {
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            int callbacks = 0;
            int worst = 0;
            for (int i = 0; i < n; i++) {
                int start = env.exactCalls();
                callbacks += flow.poll().callbacks();
                worst = Math.max(worst, env.exactCalls() - start);
            }
            return new ScenarioResult(name, n, env.exactCalls() - before, env.tooManyRequests() - tooMany,
                    "at most " + worst + " calls per poll (division move check + sync read); " + callbacks
                            + " callbacks");
        });
    }

    static Scenario pollWithChanges() {
        String name = "open-item poll, 20 payments among 10,000 open items";
        return scenario(name, (env, flow, n) -> {
            int before = env.exactCalls();
            int tooMany = env.tooManyRequests();
            int callbacks = 0;
            int worst = 0;
            for (int i = 0; i < n; i++) {
                flow.pay(i * CHANGES_PER_POLL, CHANGES_PER_POLL);
                int start = env.exactCalls();
                callbacks += flow.poll().callbacks();
                worst = Math.max(worst, env.exactCalls() - start);
            }
            return new ScenarioResult(name, n, env.exactCalls() - before, env.tooManyRequests() - tooMany,
                    "at most " + worst + " calls per poll (bound 3); " + callbacks + " callbacks for "
                            + (n * CHANGES_PER_POLL) + " payments on CRM-booked invoices");
        });
    }

    private static Scenario scenario(String name, Body body) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ScenarioResult run(BenchEnvironment env, int operations) throws Exception {
                return body.run(env, new Flow(env, operations * CHANGES_PER_POLL), operations);
            }
        };
    }

    /** A division with 10,000 open items, the first {@code mapped} of them booked by the CRM, polled once. */
    private static final class Flow {
        private final OpenItemPoll poll;
        private final ExactTarget target;
        private final SandboxFinance finance;
        private final List<UUID> entries;

        Flow(BenchEnvironment env, int mapped) {
            ExactOnlineClient client = env.newClient();
            target = env.connect(client, "default", BenchEnvironment.DIVISION_A);
            DynamoDbConnectionStore connections = new DynamoDbConnectionStore(env.dynamo.client(), env.table,
                    env.clock);
            connections.save(new ConnectionRecord("default", target.connection().site(),
                    target.connection().exactUser(), env.sandbox.clientId(), List.of(BenchEnvironment.DIVISION_A),
                    List.of(BenchEnvironment.DIVISION_A), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0))
                    .orElseThrow();
            UUID customer = client.createAccount(target, AccountFields.none().name("Bench Debtor B.V.").status("C"))
                    .id();
            finance = SandboxFinance.of(env.sandbox);
            entries = finance.seedOpenItems(BenchEnvironment.DIVISION_A, OPEN_ITEMS, customer,
                    new BigDecimal("100.00"), "2", ENTRY_DATE, "BENCH-");
            DynamoDbMappingStore mappings = new DynamoDbMappingStore(env.dynamo.client(), env.table, env.clock);
            for (int i = 0; i < Math.min(mapped, OPEN_ITEMS); i++) {
                Map<String, String> sent = new HashMap<>(Map.of("state", "booked", "kind", "invoice",
                        "totalInclVat", "121.00"));
                mappings.createIfAbsent(new MappingKey("default", BenchEnvironment.DIVISION_A, EntityKind.INVOICE,
                        "inv-bench-" + i), new MappingChange(entries.get(i).toString(), null, null, sent));
            }
            poll = new OpenItemPoll(connections, new DynamoDbCursorStore(env.dynamo.client(), env.table, env.clock),
                    new DivisionMoves(client), new PaymentTermFeed(client), new DeletedTermFeed(client),
                    new PaymentStatusUpdater(mappings, new DynamoDbPaymentStateStore(env.dynamo.client(), env.table,
                            env.clock), (tenant, entityKey, type, data) -> { }),
                    new DynamoDbDivisionWatchStore(env.dynamo.client(), env.table), env.clock,
                    OpenItemPoll.Timing.defaults());
            // The first poll initialises the cursor (a full read); the scenarios measure the polls after it.
            poll.sweep(target);
        }

        DivisionPollResult poll() {
            return poll.sweep(target);
        }

        void pay(int from, int count) {
            for (int i = from; i < from + count; i++) {
                finance.registerPayment(BenchEnvironment.DIVISION_A, entries.get(i), new BigDecimal("21.00"),
                        ENTRY_DATE.plusDays(5));
            }
        }
    }

    private interface Body {
        ScenarioResult run(BenchEnvironment env, Flow flow, int n) throws Exception;
    }
}
