package org.exactsync.testsupport;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.exactsync.store.dynamodb.TableBootstrap;
import org.exactsync.time.Sleeper;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One DynamoDB backend per test JVM, shared by plain adapter tests and the Quarkus test resource. Tests that want a
 * clean slate ask for a table of their own ({@link #newTable}): creating one on dynalite takes milliseconds, far less
 * than restarting the backend. The backend stops with the JVM.
 */
public final class TestDynamo {

    private final DynamoBackend backend;
    private final DynamoDbClient client;
    private final AtomicInteger tables = new AtomicInteger();

    private TestDynamo(DynamoBackend backend) {
        this.backend = backend;
        this.client = backend.newClient();
    }

    /** Lazily started on first use (holder idiom: thread-safe, and nothing starts for tests that never ask). */
    private static final class Shared {
        static final TestDynamo INSTANCE = new TestDynamo(DynamoBackend.start());
    }

    public static TestDynamo shared() {
        return Shared.INSTANCE;
    }

    public DynamoBackend backend() {
        return backend;
    }

    /** A client shared by the tests of this JVM (thread-safe). */
    public DynamoDbClient client() {
        return client;
    }

    /** Creates and bootstraps a table with a name no other test uses, and returns the name. */
    public String newTable(String prefix) {
        // The counter alone is not unique: Quarkus loads this class again in its own class loader, with a new counter.
        String name = prefix + "-" + tables.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        bootstrap(name);
        return name;
    }

    /** Bootstraps the named table (idempotent). */
    public void bootstrap(String table) {
        try {
            new TableBootstrap(client, table, Sleeper.system()).ensureTable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + table, interrupted);
        }
    }
}
