package org.exactsync.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.LinkedHashMap;
import java.util.Map;
import org.exactsync.sandbox.EntitySet;
import org.exactsync.sandbox.SandboxUser;
import org.exactsync.sandbox.faults.FaultRule;

/** The state of one API request as it passes the checks of {@link ApiHandler}. */
final class ApiCall {

    final HttpExchange exchange;
    final Map<String, String> headers = new LinkedHashMap<>();
    boolean me;
    int division;
    String endpoint = "";
    String keyLiteral;
    /** {@code …/Entity/$count}: answer the number of matching rows as plain text. */
    boolean count;
    /** {@code …/Entity(key)/Navigation}: the navigation property followed, or null. */
    String navigation;
    EntitySet set;
    String clientId;
    SandboxUser user;
    int status = 500;
    boolean countErrors = true;
    FaultRule afterCommit;
    boolean recorded;

    ApiCall(HttpExchange exchange) {
        this.exchange = exchange;
    }

    String userKey() {
        return user == null ? "" : user.userId().toString();
    }

    String endpointKey() {
        return endpoint;
    }
}
