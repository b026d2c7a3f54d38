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
