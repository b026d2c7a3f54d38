package org.exactsync.exact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Records every call and answers from a queue of scripted replies, then from a default handler. */
class FakeTransport implements ExactTransport {

    interface Answer {
        HttpReply answer(HttpCall call) throws TransportFailure, InterruptedException;
    }

    final List<HttpCall> calls = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedDeque<Answer> scripted = new ConcurrentLinkedDeque<>();
    private volatile Answer fallback = call -> {
        throw new AssertionError("unexpected call " + call);
    };

    FakeTransport then(Answer answer) {
        scripted.addLast(answer);
        return this;
    }

    FakeTransport thenReply(int status, String body) {
        return then(call -> reply(status, body, Map.of()));
    }

    FakeTransport otherwise(Answer answer) {
        fallback = answer;
        return this;
    }

    @Override
    public HttpReply send(HttpCall call) throws TransportFailure, InterruptedException {
        calls.add(call);
        Answer next = scripted.pollFirst();
        return (next != null ? next : fallback).answer(call);
    }

    List<HttpCall> apiCalls() {
        synchronized (calls) {
            return calls.stream().filter(c -> c.uri().getPath().startsWith("/api/v1/")).toList();
        }
    }

    List<HttpCall> tokenCalls() {
        synchronized (calls) {
            return calls.stream().filter(c -> c.uri().getPath().equals("/api/oauth2/token")).toList();
        }
    }

    static HttpReply reply(int status, String body, Map<String, String> headers) {
        Map<String, List<String>> h = new java.util.HashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HttpReply(status, h, body);
    }

    static String tokenJson(String access, String refresh, String expiresIn) {
        return "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + ",\"refresh_token\":\"" + refresh + "\"}";
    }
}
