package org.exactsync.flow.connect;

import org.exactsync.crm.inbound.HttpRequestEvent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The base URL of connect links when no public URL is configured: what API Gateway tells about the request. */
class RequestBaseUrlTest {

    private static final String API = "abc123.execute-api.eu-west-1.amazonaws.com";

    @Test
    void aRestApiRequestOnTheExecuteApiHostKeepsItsStage() {
        HttpRequestEvent rest = request("/admin/tenants/acme/connection", "Prod",
                Map.of("Host", API, "X-Forwarded-Proto", "https"));

        assertThat(RequestBaseUrl.of(rest)).contains("https://" + API + "/Prod");
    }

    @Test
    void anHttpApiRequestWithANamedStageUsesThePathBeforeAdmin() {
        HttpRequestEvent http = request("/live/admin/tenants/acme/connection", "live",
                Map.of("host", API, "x-forwarded-proto", "https"));

        assertThat(RequestBaseUrl.of(http)).contains("https://" + API + "/live");
    }

    @Test
    void theDefaultStageAndACustomDomainAddNothing() {
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", "$default",
                Map.of("Host", API, "X-Forwarded-Proto", "https")))).contains("https://" + API);
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", "Prod",
                Map.of("Host", "connector.example.com", "X-Forwarded-Proto", "https"))))
                .contains("https://connector.example.com");
    }

    @Test
    void theFirstProtocolOfAProxyChainCountsAndWithoutTheHeaderItIsHttpsExceptOnLoopback() {
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", null,
                Map.of("Host", "connector.example.com", "X-Forwarded-Proto", "http, https"))))
                .contains("http://connector.example.com");
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", null,
                Map.of("Host", "connector.example.com")))).contains("https://connector.example.com");
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", null,
                Map.of("Host", "127.0.0.1:8090")))).contains("http://127.0.0.1:8090");
    }

    @Test
    void aMissingOrOddHostOrSchemeGivesNoBaseUrl() {
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", null, Map.of()))).isEmpty();
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", null,
                Map.of("Host", "evil.example/phish?x=")))).isEmpty();
        assertThat(RequestBaseUrl.of(request("/admin/tenants/acme/connection", null,
                Map.of("Host", "connector.example.com", "X-Forwarded-Proto", "javascript")))).isEmpty();
    }

    @Test
    void anOddPathPrefixIsIgnored() {
        assertThat(RequestBaseUrl.of(request("/a b/admin/tenants/acme/connection", null,
                Map.of("Host", "connector.example.com", "X-Forwarded-Proto", "https"))))
                .contains("https://connector.example.com");
    }

    private static HttpRequestEvent request(String path, String stage, Map<String, String> headers) {
        return new HttpRequestEvent("GET", new HttpRequestEvent.RequestContext(null, stage), path, null,
                new HashMap<>(headers), Map.of(), null, false);
    }
}
