package org.exactsync.crm.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.CrmSignature;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.AdjustableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body over the size limit is refused before anything costly: no JSON parse, no tenant look-up, no signature check.
 * Lambda lets up to 6 MB through, and nobody has been authenticated when the size is known.
 */
class OversizedBodyTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");
    private static final int SIX_MB = 6 * 1024 * 1024;

    /** Counts every parser Jackson makes, i.e. every parse the pipeline starts. */
    private static final class CountingJsonFactory extends JsonFactory {
        final AtomicInteger parsers = new AtomicInteger();

        @Override
        public JsonParser createParser(byte[] data) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(data);
        }

        @Override
        public JsonParser createParser(byte[] data, int offset, int len) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(data, offset, len);
        }

        @Override
        public JsonParser createParser(String content) throws IOException {
            parsers.incrementAndGet();
            return super.createParser(content);
        }
    }

    private final AdjustableClock clock = AdjustableClock.frozenAt(NOW);
    private final CountingJsonFactory factory = new CountingJsonFactory();
    private final AtomicInteger tenantLookups = new AtomicInteger();
    private final FakeHandler handler = new FakeHandler();
    private InboundPipeline pipeline;

    @BeforeEach
    void setUp() {
        TestDynamo dynamo = TestDynamo.shared();
        String table = dynamo.newTable("oversized");
        TenantSettings tenants = new TenantSettings(List.of(new Tenant("default", "s", "o", Optional.empty(),
                ConflictPolicy.REPORT, List.of()))) {
            @Override
            public Optional<Tenant> tenant(String id) {
                tenantLookups.incrementAndGet();
                return super.tenant(id);
            }
        };
        pipeline = new InboundPipeline(tenants, new DynamoDbConnectionStore(dynamo.client(), table, clock),
                new DynamoDbEventStore(dynamo.client(), table, clock), new RecordingCallbacks(),
                new ObjectMapper(factory), clock, InboundLimits.defaults());
    }

    @Test
    void refusesASixMegabyteBodyBeforeParsingItOrLookingUpItsTenant() throws Exception {
        String body = "{\"eventId\":\"evt-big\",\"type\":\"thing.upserted\",\"occurredAt\":\"2026-11-26T10:00:00Z\","
                + "\"data\":{\"id\":\"t-1\",\"name\":\"" + "x".repeat(SIX_MB) + "\",\"count\":1}}";
        String signature = CrmSignature.sign("s", NOW, body.getBytes(StandardCharsets.UTF_8));

        HttpResponseEvent response = pipeline.handle(new HttpRequestEvent("/crm/things", null,
                Map.of(CrmSignature.HEADER, signature), body, false), handler);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"body\"").contains("is larger than 256 KB");
        assertThat(factory.parsers).as("JSON parses of the request").hasValue(0);
        assertThat(tenantLookups).as("tenant look-ups").hasValue(0);
        assertThat(handler.processed).isEmpty();
    }

    @Test
    void stillParsesABodyWithinTheLimit() {
        String body = "{\"eventId\":\"evt-small\",\"type\":\"thing.upserted\",\"occurredAt\":\"2026-11-26T10:00:00Z\","
                + "\"data\":{\"id\":\"t-1\",\"name\":\"Widget\",\"count\":1}}";

        pipeline.handle(new HttpRequestEvent("/crm/things", null, Map.of(), body, false), handler);

        assertThat(factory.parsers.get()).as("the counter sees the pipeline's parse").isPositive();
    }
}
