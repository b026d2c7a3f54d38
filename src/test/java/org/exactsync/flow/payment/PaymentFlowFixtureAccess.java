package org.exactsync.flow.payment;

import java.time.Clock;
import java.util.UUID;

import org.exactsync.exact.ExactOnlineClient;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.sandbox.finance.SandboxFinance;
import org.exactsync.store.MappingStore;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The payment fixture for tests in sub-packages (the fixture itself stays package-private). */
public final class PaymentFlowFixtureAccess implements AutoCloseable {

    private final PaymentFlowFixture fx = new PaymentFlowFixture();

    public String tenant() {
        return PaymentFlowFixture.TENANT;
    }

    public int division() {
        return PaymentFlowFixture.DIVISION;
    }

    public UUID customer() {
        return fx.customer;
    }

    public ExactOnlineClient client() {
        return fx.client;
    }

    public ExactTarget target() {
        return fx.target;
    }

    public MappingStore mappings() {
        return fx.mappings;
    }

    public SandboxFinance finance() {
        return fx.finance;
    }

    public Clock clock() {
        return fx.clock;
    }

    public DynamoDbClient dynamoClient() {
        return fx.dynamo.client();
    }

    public String table() {
        return fx.table;
    }

    public int calls() {
        return fx.calls();
    }

    @Override
    public void close() {
        fx.close();
    }
}
