package org.exactsync.flow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactSettings;
import org.exactsync.sandbox.faults.FaultRule;
import org.exactsync.sandbox.limits.RateLimits;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.Test;

/**
 * 500 invoices, each delivered 1 to 3 times (different event ids, shuffled), by 8 concurrent workers, while the
 * sandbox drops answers after committing the POST, answers 503 and 429. Waiting deliveries are replayed until done.
 * The clock runs 60 times real time so ten Exact minutes of budget pass in about ten seconds.
 */
class InvoiceFaultInjectionTest {

    private static final int INVOICES = 500;
    private static final int WORKERS = 8;
    private static final int INJECTED_429 = 12;
    private static final Duration REPLAY_DELAY = Duration.ofMillis(300);

    @Test
    void fiveHundredInvoicesDeliveredUpToThreeTimesUnderFaultsAreBookedExactlyOnceToTheCent() throws Exception {
        AdjustableClock clock = AdjustableClock.running(Instant.parse("2026-11-26T08:00:00Z"), 60);
        // At 60x a few real milliseconds are Exact seconds: margin and edge guard as in the client's load test.
        ExactSettings.Budget budget = new ExactSettings.Budget(60, 5000, 2, Duration.ofSeconds(2),
                Duration.ofSeconds(1));
        try (InvoiceFlowFixture flow = new InvoiceFlowFixture(clock, RateLimits.exactDefaults(), budget)) {
            Random random = new Random(7);
            for (int r = 0; r < 10; r++) {
                flow.syncRelation("rel-" + r, "NL00000000" + r + "B01");
            }
            Map<String, String> invoices = new ConcurrentHashMap<>();
            List<String[]> deliveries = new ArrayList<>();
            for (int i = 0; i < INVOICES; i++) {
                String id = "inv-" + i;
                String data = invoice(flow, random, id, i);
                invoices.put(id, data);
                int copies = 1 + random.nextInt(3);
                for (int c = 0; c < copies; c++) {
                    deliveries.add(new String[] {data, "evt-" + i + "-" + c});
                }
            }
            Collections.shuffle(deliveries, random);
            flow.sandbox.inject(FaultRule.dropAfterCommit().on("POST", "salesentry/SalesEntries")
                    .withProbability(0.05));
            flow.sandbox.inject(FaultRule.status(503).withProbability(0.03));
            flow.sandbox.inject(FaultRule.tooManyRequests().withProbability(0.03).times(INJECTED_429));

            List<Throwable> failures = run(flow, deliveries);

            assertThat(failures).isEmpty();
            List<Map<String, Object>> entries = flow.entries();
            assertThat(entries).hasSize(INVOICES);
            Map<String, List<Map<String, Object>>> byRef = entries.stream()
                    .collect(Collectors.groupingBy(e -> e.get("YourRef").toString()));
            assertThat(byRef).hasSize(INVOICES);
            for (String data : invoices.values()) {
                JsonNode invoice = flow.parse(data);
                Map<String, Object> entry = byRef.get(invoice.get("number").asText()).get(0);
                assertThat(new BigDecimal(entry.get("AmountFC").toString()))
                        .as("total of %s", invoice.get("id").asText())
                        .isEqualByComparingTo(invoice.get("totalInclVat").asText());
                assertThat(new BigDecimal(entry.get("VATAmountFC").toString()))
                        .isEqualByComparingTo(invoice.get("totalVat").asText());
            }
            // No 429 of the connector's own: never more than Exact's 60 calls in a clock minute, and no 429s beyond
            // the injected ones.
            assertThat(flow.sandbox.callsPerMinute(InvoiceFlowFixture.DIVISION).values()).allSatisfy(n ->
                    assertThat(n).isLessThanOrEqualTo(60));
            assertThat(flow.sandbox.tooManyRequests(InvoiceFlowFixture.DIVISION)).isLessThanOrEqualTo(INJECTED_429);
        }
    }

    /** Works the deliveries with 8 threads; a waiting delivery goes to the back of the queue (the replay). */
    private static List<Throwable> run(InvoiceFlowFixture flow, List<String[]> deliveries) throws Exception {
        ConcurrentLinkedQueue<Delivery> queue = new ConcurrentLinkedQueue<>();
        deliveries.forEach(d -> queue.add(new Delivery(d[0], d[1], 0)));
        AtomicInteger inFlight = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        InvoicePostingHandler handler = flow.handler();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            Thread worker = new Thread(() -> {
                while (failures.size() < 5) {
                    inFlight.incrementAndGet();
                    Delivery delivery = queue.poll();
                    if (delivery == null) {
                        if (inFlight.decrementAndGet() == 0 && queue.isEmpty()) {
                            return;
                        }
                        pause();
                        continue;
                    }
                    if (delivery.due() > System.nanoTime()) {
                        queue.add(delivery);
                        inFlight.decrementAndGet();
                        pause();
                        continue;
                    }
                    try {
                        Outcome outcome = flow.process(handler, delivery.data(), delivery.eventId());
                        if (outcome instanceof Outcome.Waiting) {
                            // The replayer retries a waiting event later, not at once.
                            queue.add(new Delivery(delivery.data(), delivery.eventId(),
                                    System.nanoTime() + REPLAY_DELAY.toNanos()));
                        } else if (!(outcome instanceof Outcome.Done)) {
                            failures.add(new AssertionError(delivery.eventId() + ": " + outcome));
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    } finally {
                        inFlight.decrementAndGet();
                    }
                }
            });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join(Duration.ofSeconds(90).toMillis());
        }
        return failures;
    }

    private record Delivery(String data, String eventId, long due) {
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String invoice(InvoiceFlowFixture flow, Random random, String id, int i) {
        String[][] kinds = {{"8000", "21", "standard"}, {"8010", "9", "reduced"}, {"8000", "0", "zero"},
            {"8100", "0", "export"}};
        List<String[]> lines = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int l = 0; l < count; l++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(200_000), 2);
            BigDecimal vat = amount.multiply(new BigDecimal(kind[1])).movePointLeft(2).setScale(2,
                    RoundingMode.HALF_UP);
            lines.add(new String[] {kind[0], amount.toPlainString(), kind[1], kind[2], vat.toPlainString()});
        }
        String data = flow.invoice(id, "F-" + i, "invoice", lines);
        return flow.with(data, Map.of("relationId", "rel-" + (i % 10)));
    }
}
