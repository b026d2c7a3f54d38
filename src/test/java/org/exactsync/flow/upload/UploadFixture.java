package org.exactsync.flow.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.HttpRequestEvent;
import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.admin.AdminGuard;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.EventStore;
import org.exactsync.store.dynamodb.DynamoDbAuditTrail;
import org.exactsync.store.dynamodb.DynamoDbConnectionStore;
import org.exactsync.store.dynamodb.DynamoDbEventStore;
import org.exactsync.store.dynamodb.DynamoDbSignedRequestLedger;
import org.exactsync.store.dynamodb.DynamoDbUploadStore;
import org.exactsync.testsupport.TestDynamo;
import org.exactsync.time.InvocationDeadline;

/**
 * The upload routes wired by hand on a fresh dynalite table: the real event, connection and upload stores, one
 * tenant whose connection the caller saves.
 */
final class UploadFixture {

    static final String TENANT = "default";
    static final String INBOUND_SECRET = "upload-inbound-secret";
    static final String OUTBOUND_SECRET = "upload-outbound-secret";
    static final String ADMIN_SECRET = "upload-admin-secret";

    final ObjectMapper json = new ObjectMapper();
    final TestDynamo dynamo = TestDynamo.shared();
    final String table;
    final Clock clock;
    final TenantSettings tenants;
    final DynamoDbConnectionStore connections;
    final DynamoDbEventStore events;
    final DynamoDbUploadStore uploads;
    final InvocationDeadline deadlines = new InvocationDeadline();
    final UploadStatusEndpoint status;
    final UploadParts parts;

    UploadFixture(String tableName, Clock clock, Tenant tenant) {
        this.table = dynamo.newTable(tableName);
        this.clock = clock;
        this.tenants = new TenantSettings(List.of(tenant));
        connections = new DynamoDbConnectionStore(dynamo.client(), table, clock);
        events = new DynamoDbEventStore(dynamo.client(), table, clock);
        uploads = new DynamoDbUploadStore(dynamo.client(), table);
        status = new UploadStatusEndpoint(uploads, tenants, new AdminGuard(tenants,
                new DynamoDbSignedRequestLedger(dynamo.client(), table), new DynamoDbAuditTrail(dynamo.client(), table,
                        Duration.ofDays(400)), clock, Duration.ofSeconds(300)), clock, Duration.ofSeconds(300), json);
        parts = new UploadParts(TENANT, INBOUND_SECRET, clock);
    }

    /** The tenant with the fixture's secrets and no callback URL. */
    static Tenant tenant() {
        return new Tenant(TENANT, INBOUND_SECRET, OUTBOUND_SECRET, Optional.empty(), ConflictPolicy.REPORT, List.of(),
                Optional.of(ADMIN_SECRET));
    }

    void connect(ConnectionRecord connection) {
        connections.save(connection).orElseThrow();
    }

    /** The upload route over {@code events} (the fixture's store unless a test wraps it). */
    RelationUpload upload(EventStore events, Clock clock, UploadLimits limits) {
        return new RelationUpload(tenants, connections, events, uploads, json, clock, Duration.ofSeconds(300),
                Duration.ofDays(30), deadlines, limits);
    }

    RelationUpload upload() {
        return upload(events, clock, UploadLimits.defaults());
    }

    JsonNode body(HttpResponseEvent answer) {
        try {
            return json.readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CRM's status read of an upload: its JSON body, after checking the answer is 200. */
    JsonNode status(String uploadId) {
        HttpResponseEvent answer = status.handle(parts.status(uploadId));
        if (answer.statusCode() != 200) {
            throw new AssertionError("status answered " + answer.statusCode() + ": " + answer.body());
        }
        return body(answer);
    }

    HttpResponseEvent handleStatus(HttpRequestEvent request) {
        return status.handle(request);
    }

    static Instant start() {
        return Instant.parse("2026-12-02T07:00:00Z");
    }
}
