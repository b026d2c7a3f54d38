package org.exactsync.crm.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** API Gateway's proxy events (REST v1 and HTTP v2) bind to the record as Funqy's Jackson reads them. */
class HttpRequestEventTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void bindsAnHttpApiV2EventWithABase64Body() throws Exception {
        String event = """
                {"version":"2.0","routeKey":"POST /crm/relations","rawPath":"/crm/relations","rawQueryString":"",
                 "headers":{"content-type":"application/json","crm-signature":"t=1,v1=ab"},
                 "requestContext":{"http":{"method":"POST"}},
                 "body":"eyJhIjoiw6kifQ==","isBase64Encoded":true}
                """;

        HttpRequestEvent request = json.readValue(event, HttpRequestEvent.class);

        assertThat(request.isBase64Encoded()).isTrue();
        assertThat(request.rawPath()).isEqualTo("/crm/relations");
        assertThat(new String(request.rawBody(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":\"é\"}");
        assertThat(request.header("Crm-Signature")).contains("t=1,v1=ab");
    }

    @Test
    void bindsARestApiV1EventWithAPlainBody() throws Exception {
        String event = """
                {"resource":"/crm/relations","path":"/crm/relations","httpMethod":"POST",
                 "headers":{"Crm-Signature":"t=1,v1=ab"},"multiValueHeaders":{"Crm-Signature":["t=1,v1=ab"]},
                 "body":"{\\"a\\":\\"é\\"}","isBase64Encoded":false}
                """;

        HttpRequestEvent request = json.readValue(event, HttpRequestEvent.class);

        assertThat(request.isBase64Encoded()).isFalse();
        assertThat(request.requestPath()).isEqualTo("/crm/relations");
        assertThat(request.rawBody()).isEqualTo("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(request.header("crm-signature")).isPresent();
    }

    @Test
    void treatsMissingHeadersAndBodyAsEmpty() throws Exception {
        HttpRequestEvent request = json.readValue("{\"path\":\"/crm/relations\"}", HttpRequestEvent.class);

        assertThat(request.rawBody()).isEmpty();
        assertThat(request.header("Crm-Signature")).isEmpty();
    }

    @Test
    void writesTheResponseInTheProxyShape() throws Exception {
        String written = json.writeValueAsString(HttpResponseEvent.json(202, "{\"status\":\"accepted\"}"));

        assertThat(json.readTree(written).get("statusCode").asInt()).isEqualTo(202);
        assertThat(json.readTree(written).at("/headers/Content-Type").asText()).isEqualTo("application/json");
        assertThat(json.readTree(written).get("body").asText()).isEqualTo("{\"status\":\"accepted\"}");
    }
}
