package org.exactsync.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class DynamoBackendTest {

    @Test
    void usesLocalStackOnlyWhenDockerAnswers() {
        assertThat(DynamoBackend.useLocalStack("auto", () -> true)).isTrue();
        assertThat(DynamoBackend.useLocalStack("auto", () -> false)).isFalse();
    }

    @Test
    void refusesToRunWhenLocalStackIsForcedWithoutDocker() {
        assertThatThrownBy(() -> DynamoBackend.useLocalStack("localstack", () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connector.test.dynamodb=localstack")
                .hasMessageContaining("Docker is not available");
    }

    @Test
    void usesLocalStackWhenForcedAndDockerAnswers() {
        assertThat(DynamoBackend.useLocalStack("localstack", () -> true)).isTrue();
    }

    @Test
    void skipsTheDockerProbeWhenDynaliteIsForced() {
        AtomicBoolean probed = new AtomicBoolean();

        assertThat(DynamoBackend.useLocalStack("dynalite", () -> probed.getAndSet(true))).isFalse();
        assertThat(probed).isFalse();
    }

    @Test
    void rejectsAnUnknownBackendName() {
        assertThatThrownBy(() -> DynamoBackend.useLocalStack("dynamo-local", () -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dynalite or localstack");
    }
}
