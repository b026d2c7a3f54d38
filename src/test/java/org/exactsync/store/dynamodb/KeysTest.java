package org.exactsync.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exactsync.exact.port.BudgetKey;
import org.exactsync.store.EntityKind;
import org.exactsync.store.EventStatus;
import org.junit.jupiter.api.Test;

class KeysTest {

    @Test
    void scopesEveryTenantKeyByTenantAndDivision() {
        assertThat(Keys.division("acme", 123456)).isEqualTo("T#acme#D#123456");
        assertThat(Keys.mappingByExactId("acme", 1, EntityKind.RELATION, "g")).startsWith("T#acme#D#1#");
    }

    @Test
    void escapesSeparatorsSoDifferentIdsNeverShareAKey() {
        assertThat(Keys.event("a#E#b", "c")).isNotEqualTo(Keys.event("a", "b#E#c"));
        assertThat(Keys.part("50%#1")).isEqualTo("50%25%231");
        assertThat(Keys.part("%23")).isNotEqualTo(Keys.part("#"));
    }

    @Test
    void neverGivesTwoDifferentTenantAndEventIdPairsTheSameKey() {
        // Short ids over an alphabet rich in separator characters: every pair is tried, collisions would show.
        char[] alphabet = {'a', '#', '%', '2', '3', 'E'};
        List<String> ids = new ArrayList<>();
        for (char first : alphabet) {
            ids.add(String.valueOf(first));
            for (char second : alphabet) {
                ids.add("" + first + second);
                for (char third : alphabet) {
                    ids.add("" + first + second + third);
                }
            }
        }
        Map<String, String> seen = new HashMap<>();
        for (String tenant : ids) {
            for (String eventId : ids) {
                String previous = seen.put(Keys.event(tenant, eventId), tenant + " / " + eventId);
                assertThat(previous).as("key of %s / %s", tenant, eventId).isNull();
            }
        }
    }

    @Test
    void keysTheBudgetByAppAndDivisionOnly() {
        assertThat(Keys.budget(new BudgetKey("client-1", 123456))).isEqualTo("B#client-1#D#123456");
    }

    @Test
    void refusesAnEmptyComponent() {
        assertThatThrownBy(() -> Keys.tenant("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.tenant(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersAgeKeysByTimeAsText() {
        assertThat(Keys.age(999, "x")).isLessThan(Keys.age(1000, "x"));
        assertThat(Keys.backlog(EventStatus.WAITING, 3)).isEqualTo("ES#WAITING#S3");
    }

    @Test
    void spreadsEventsOverEveryBacklogShard() {
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            shards.add(Keys.shard("acme", "evt-" + i));
        }
        assertThat(shards).hasSize(TableLayout.BACKLOG_SHARDS);
    }
}
