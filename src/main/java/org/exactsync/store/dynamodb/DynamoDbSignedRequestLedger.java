package org.exactsync.store.dynamodb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.store.SignedRequestLedger;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Signed admin writes: {@code T#<tenant>} / {@code SIGNED#<SHA-256 of the signature>} with {@code expiresAt} (epoch
 * seconds, TTL), written by {@link FirstUse}: absent or expired means not seen.
 */
@ApplicationScoped
public class DynamoDbSignedRequestLedger implements SignedRequestLedger {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSignedRequestLedger(DynamoDbClient dynamo,
            @TableName String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public boolean firstUse(String tenant, String signature, Instant forgetAfter, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Items.key(Keys.tenant(tenant),
                Keys.signedRequestSk(digest(signature))));
        item.put("kind", Items.s("SIGNED_REQUEST"));
        item.put("tenant", Items.s(tenant));
        item.put(TableLayout.EXPIRES_AT, Items.epochSeconds(forgetAfter));
        return FirstUse.put(dynamo, table, item, now);
    }

    /** A fixed-length key whatever the header's length (several v1 while a secret rotates). */
    private static String digest(String signature) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(signature.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 unavailable", impossible);
        }
    }
}
