package org.exactsync.flow.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.exact.port.ConnectionStatus;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.EventRecord;
import org.exactsync.store.EventStatus;
import org.exactsync.store.SyncMode;
import org.exactsync.time.AdjustableClock;
import org.exactsync.time.Deadline;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bulk upload route on its own (no drain): parts streamed into events, refused whole with every bad line named,
 * idempotent under re-sends and retried invocations, signed both ways, progress readable.
 */
class RelationUploadTest {

    private static final int DIVISION = 100001;

    private final AdjustableClock clock = AdjustableClock.frozenAt(UploadFixture.start());
    private UploadFixture fx;
    private RelationUpload upload;

    @BeforeEach
    void setUp() {
        fx = new UploadFixture("upload", clock, UploadFixture.tenant());
        fx.connect(new ConnectionRecord(UploadFixture.TENANT, "https://start.exactonline.nl", "u-1", "c",
                List.of(DIVISION, 100002), List.of(DIVISION), ConnectionStatus.ACTIVE, SyncMode.LIVE, null, null, 0));
        upload = fx.upload();
    }

    @Test
    void queuesTwentyThousandRelationsSentAsTwentyPartsOneEventPerLineInTheDivisionsLane() throws Exception {
        int parts = 20;
        for (int part = 1; part <= parts; part++) {
            int first = (part - 1) * 1000;
            HttpResponseEvent answer = upload.receive(fx.parts.post(fx.parts.part("base-1", part, parts, null, 1000,
                    i -> UploadParts.relation("rel-" + (first + i), "Klant " + (first + i) + " B.V."))));

            assertThat(answer.statusCode()).as("part %d: %s", part, answer.body()).isEqualTo(200);
            assertThat(fx.body(answer).get("queued").asInt()).isEqualTo(1000);
        }

        JsonNode status = fx.status("base-1");
        assertThat(status.get("state").asText()).isEqualTo("draining");
        assertThat(status.at("/parts/accepted").asInt()).isEqualTo(20);
        assertThat(status.at("/lines/received").asLong()).isEqualTo(20_000);
        assertThat(status.at("/events/queued").asLong()).isEqualTo(20_000);
        assertThat(status.at("/events/waiting").asLong()).isEqualTo(20_000);
        EventRecord last = fx.events.find(UploadFixture.TENANT, "upload:base-1:20:1001").orElseThrow();
        assertThat(last.type()).isEqualTo("relation.upserted");
        assertThat(last.status()).isEqualTo(EventStatus.ACCEPTED);
        assertThat(fx.json.readTree(last.body()).at("/data/id").asText()).isEqualTo("rel-19999");
        assertThat(fx.events.laneEvents(UploadFixture.TENANT, DIVISION, null, 5).events()).hasSize(5);
    }

    @Test
    void aResentPartQueuesNothingTwice() {
        String body = fx.parts.part("base-2", 1, 1, null, 5, i -> UploadParts.relation("rel-" + i, "Klant " + i));

        JsonNode first = fx.body(upload.receive(fx.parts.post(body)));
        clock.advance(Duration.ofSeconds(30));
        HttpResponseEvent again = upload.receive(fx.parts.post(body));

        assertThat(first.get("queued").asInt()).isEqualTo(5);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(fx.body(again).get("queued").asInt()).isZero();
        assertThat(fx.body(again).get("alreadyQueued").asInt()).isEqualTo(5);
        assertThat(fx.status("base-2").at("/events/queued").asLong()).isEqualTo(5);
        assertThat(fx.events.laneEvents(UploadFixture.TENANT, DIVISION, null, 50).events()).hasSize(5);
    }

    @Test
    void aRetriedInvocationThatWasCutShortByItsDeadlineQueuesOnlyTheRest() {
        String body = fx.parts.part("base-3", 1, 1, null, 40, i -> UploadParts.relation("rel-" + i, "Klant " + i));
        // Every reading of this clock is a second later: the deadline 20 s out comes after some lines are queued.
        Clock ticking = new TickingClock(UploadFixture.start(), Duration.ofSeconds(1));
        RelationUpload slow = fx.upload(fx.events, ticking, new UploadLimits(1024 * 1024, 1000, 64 * 1024, 200, 1,
                Duration.ofSeconds(3), 100));

        HttpResponseEvent cut = fx.deadlines.within(Deadline.after(ticking, Duration.ofSeconds(20)),
                () -> slow.receive(fx.parts.post(body)));
        int queuedBefore = fx.body(cut).get("queued").asInt();
        int acceptedPartsBefore = fx.status("base-3").at("/parts/accepted").asInt();
        HttpResponseEvent retried = upload.receive(fx.parts.post(body));

        assertThat(cut.statusCode()).as(cut.body()).isEqualTo(503);
        assertThat(queuedBefore).isBetween(1, 39);
        assertThat(acceptedPartsBefore).as("a part cut short is not accepted").isZero();
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(fx.body(retried).get("queued").asInt()).isEqualTo(40 - queuedBefore);
        assertThat(fx.body(retried).get("alreadyQueued").asInt()).isEqualTo(queuedBefore);
        assertThat(fx.events.laneEvents(UploadFixture.TENANT, DIVISION, null, 100).events()).hasSize(40);
        assertThat(fx.status("base-3").at("/events/queued").asLong()).isEqualTo(40);
    }

    @Test
    void aPartWithInvalidLinesIsRefusedWholeNamingEachLineAndFieldAndQueuesNothing() {
        String valid = UploadParts.relation("rel-1", "Klant 1");
        String badVat = UploadParts.relation("rel-2", "Klant 2").replace("\"roles\"", "\"vatNumber\":\"NL12\",\"roles\"");
        String noName = UploadParts.relation("rel-3", "").replace("\"name\":\"\",", "");
        String body = fx.parts.part("base-4", 1, 1, List.of(valid, badVat, noName, "not json", valid.replace("rel-1",
                "rel-5")));

        HttpResponseEvent refused = upload.receive(fx.parts.post(body));

        assertThat(refused.statusCode()).isEqualTo(400);
        JsonNode answer = fx.body(refused);
        assertThat(answer.get("invalidLines").asInt()).isEqualTo(3);
        assertThat(answer.get("problems")).extracting(p -> p.get("line").asInt() + " " + p.get("field").asText())
                .containsExactly("3 vatNumber", "4 name", "5 line");
        assertThat(answer.toString()).doesNotContain("NL12");
        assertThat(fx.events.find(UploadFixture.TENANT, "upload:base-4:1:2")).as("nothing half-written").isEmpty();
        assertThat(fx.events.laneEvents(UploadFixture.TENANT, DIVISION, null, 50).events()).isEmpty();
        JsonNode status = fx.status("base-4");
        assertThat(status.at("/lines/invalid").asLong()).isEqualTo(3);
        assertThat(status.at("/events/queued").asLong()).isZero();
        assertThat(status.get("refused")).extracting(JsonNode::asInt).containsExactly(1);

        String fixed = fx.parts.part("base-4", 1, 1, List.of(valid, UploadParts.relation("rel-2", "Klant 2"),
                UploadParts.relation("rel-3", "Klant 3"), UploadParts.relation("rel-4", "Klant 4"),
                valid.replace("rel-1", "rel-5")));
        assertThat(upload.receive(fx.parts.post(fixed)).statusCode()).isEqualTo(200);
        assertThat(fx.status("base-4").at("/lines/invalid").asLong()).isZero();
        assertThat(fx.status("base-4").at("/events/queued").asLong()).isEqualTo(5);
    }

    @Test
    void aBadHeaderIsRefusedOnLineOneAndAnOversizedPartBeforeAnyRead() {
        String body = "{\"uploadId\":\"has space\",\"part\":3,\"parts\":2,\"tenant\":\"default\",\"divisions\":[999]}\n"
                + UploadParts.relation("rel-1", "Klant 1") + "\n";

        JsonNode answer = fx.body(upload.receive(fx.parts.post(body)));
        HttpResponseEvent tooLarge = upload.receive(fx.parts.post("x".repeat(1024 * 1024 + 1)));

        assertThat(answer.get("problems")).extracting(p -> p.get("line").asInt() + " " + p.get("field").asText())
                .containsExactlyInAnyOrder("1 uploadId", "1 part", "1 occurredAt", "1 divisions[0]");
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(fx.body(tooLarge).at("/problems/0/field").asText()).isEqualTo("body");
    }

    @Test
    void otherContentUnderAnAcceptedPartNumberOrAnotherPlanIsAConflictThatQueuesNothing() {
        upload.receive(fx.parts.post(fx.parts.part("base-5", 1, 2, null, 3, i -> UploadParts.relation("rel-" + i,
                "Klant " + i))));

        HttpResponseEvent otherContent = upload.receive(fx.parts.post(fx.parts.part("base-5", 1, 2, null, 3,
                i -> UploadParts.relation("other-" + i, "Klant " + i))));
        HttpResponseEvent otherPlan = upload.receive(fx.parts.post(fx.parts.part("base-5", 2, 3, null, 3,
                i -> UploadParts.relation("rel-" + (10 + i), "Klant " + i))));

        assertThat(otherContent.statusCode()).isEqualTo(409);
        assertThat(otherPlan.statusCode()).isEqualTo(409);
        assertThat(fx.events.laneEvents(UploadFixture.TENANT, DIVISION, null, 50).events()).hasSize(3);
    }

    @Test
    void aPartSignedWithAnotherSecretIsRefusedAndNothingIsStored() {
        String body = fx.parts.part("base-6", 1, 1, null, 2, i -> UploadParts.relation("rel-" + i, "Klant " + i));

        HttpResponseEvent forged = upload.receive(fx.parts.post(body, "guessed-secret"));
        byte[] changed = body.replace("rel-1", "rel-X").getBytes(StandardCharsets.UTF_8);
        HttpResponseEvent tampered = upload.receive(new HttpRequestEvent("POST", null, UploadParts.PATH, null,
                fx.parts.post(body).headers(), Map.of(), Base64.getEncoder().encodeToString(changed), true));

        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(fx.uploads.find(UploadFixture.TENANT, "base-6")).isEmpty();
    }

    @Test
    void progressIsReadByTheCrmWithItsInboundSecretAndByTheOperatorWithTheAdminSecretOnly() {
        upload.receive(fx.parts.post(fx.parts.part("base-7", 1, 1, null, 2, i -> UploadParts.relation("rel-" + i,
                "Klant " + i))));
        UploadParts wrongKeys = new UploadParts(UploadFixture.TENANT, UploadFixture.ADMIN_SECRET, clock);

        assertThat(fx.handleStatus(fx.parts.status("base-7")).statusCode()).isEqualTo(200);
        assertThat(fx.handleStatus(fx.parts.adminStatus("base-7", UploadFixture.ADMIN_SECRET)).statusCode())
                .isEqualTo(200);
        assertThat(fx.handleStatus(wrongKeys.status("base-7")).statusCode()).isEqualTo(401);
        assertThat(fx.handleStatus(fx.parts.adminStatus("base-7", UploadFixture.INBOUND_SECRET)).statusCode())
                .isEqualTo(401);
        assertThat(fx.handleStatus(fx.parts.status("unknown")).statusCode()).isEqualTo(404);
        assertThat(fx.body(fx.handleStatus(fx.parts.adminStatus("base-7", UploadFixture.ADMIN_SECRET)))
                .at("/events/queued").asLong()).isEqualTo(2);
    }

    /** A clock that moves on by a fixed step at every reading. */
    private static final class TickingClock extends Clock {

        private Instant now;
        private final Duration step;

        TickingClock(Instant start, Duration step) {
            this.now = start;
            this.step = step;
        }

        @Override
        public synchronized Instant instant() {
            Instant current = now;
            now = now.plus(step);
            return current;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
