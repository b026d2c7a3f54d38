package org.exactsync.sandbox.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.ExactFault;
import org.exactsync.sandbox.KeyKind;
import org.exactsync.sandbox.SandboxVariants;
import org.junit.jupiter.api.Test;

class QueryEngineTest {

    private static final Set<String> PROPS = Set.of("ID", "Code", "Name", "Timestamp", "Classification1");
    private final QueryEngine engine = new QueryEngine(() -> SandboxVariants.TopShape.BARE_CAPPED);

    private static EndpointSpec spec(boolean selectRequired, Set<String> mandatory, boolean timestampOnly,
            Set<String> unsupported) {
        return new EndpointSpec("test/Things", "ID", KeyKind.INT32, 60, selectRequired, mandatory, timestampOnly,
                unsupported, Set.of("GET"), "Exact.Test.Thing");
    }

    private static List<Map<String, Object>> rows(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ID", i);
            row.put("Code", "C" + i);
            row.put("Name", "Name " + i);
            row.put("Timestamp", 1000L + i);
            row.put("Classification1", null);
            rows.add(row);
        }
        return rows;
    }

    private QueryPage run(EndpointSpec spec, String query) {
        return engine.run(spec, PROPS, rows(130), QueryOptions.parse(query));
    }

    @Test
    void demandsSelectWhereTheEndpointRequiresIt() {
        EndpointSpec spec = spec(true, Set.of(), false, Set.of());
        assertThatThrownBy(() -> run(spec, "$filter=ID%20eq%201"))
                .isInstanceOf(ExactFault.class)
                .hasMessage("Please add a $select or a $top=1 statement to the query string.");
        assertThat(run(spec, "$select=ID").rows()).hasSize(60);
        assertThat(run(spec, "$top=1").rows()).hasSize(1);
    }

    @Test
    void demandsAFilterOnAWhitelistedFieldWhereMandatoryFilteringApplies() {
        EndpointSpec spec = spec(false, Set.of("Code", "ID"), false, Set.of());
        assertThatThrownBy(() -> run(spec, "$select=ID"))
                .isInstanceOf(ExactFault.class)
                .hasMessage("This endpoint has mandatory filtering applied. A GET request for this endpoint must have"
                        + " a $filter parameter with one of the following fields in the url: Code, ID");
        assertThatThrownBy(() -> run(spec, "$filter=Name%20eq%20'x'")).isInstanceOf(ExactFault.class);
        assertThat(run(spec, "$filter=Code%20eq%20'C5'").rows()).hasSize(1);
    }

    @Test
    void acceptsOnlyTimestampFiltersOnSyncEndpoints() {
        EndpointSpec spec = spec(false, Set.of(), true, Set.of());
        assertThat(run(spec, "$filter=Timestamp%20gt%201100L").rows()).hasSize(30);
        assertThatThrownBy(() -> run(spec, "$filter=Timestamp%20gt%201L%20and%20Code%20eq%20'C1'"))
                .isInstanceOf(ExactFault.class).hasMessage("Filtering on these fields is not supported: Code");
    }

    @Test
    void rejectsUnsupportedFilterFields() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of("Classification1"));
        assertThatThrownBy(() -> run(spec, "$filter=Classification1%20eq%20null"))
                .isInstanceOf(ExactFault.class)
                .hasMessage("Filtering on these fields is not supported: Classification1");
    }

    @Test
    void rejectsUnknownPropertiesInFilterAndSelect() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of());
        assertThatThrownBy(() -> run(spec, "$filter=Nmae%20eq%20'x'"))
                .isInstanceOf(ExactFault.class).hasMessageContaining("No property 'Nmae'");
        assertThatThrownBy(() -> run(spec, "$select=ID,name"))
                .isInstanceOf(ExactFault.class).hasMessageContaining("No property 'name'");
    }

    @Test
    void pagesByPageSizeAndContinuesAfterTheSkipToken() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of());
        QueryPage first = run(spec, "");
        assertThat(first.rows()).hasSize(60);
        assertThat(first.nextAfter()).isEqualTo(60);
        QueryPage third = run(spec, "$skiptoken=120");
        assertThat(third.rows()).hasSize(10);
        assertThat(third.rows().get(0).get("ID")).isEqualTo(121);
        assertThat(third.nextAfter()).isNull();
    }

    @Test
    void topGivesBareArrayWithoutNextAndCannotExceedThePageSize() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of());
        QueryPage page = run(spec, "$top=100");
        assertThat(page.bareArray()).isTrue();
        assertThat(page.rows()).hasSize(60);
        assertThat(page.nextAfter()).isNull();
    }

    @Test
    void recordedTopShapeIsBareUpToThePageSizeAndPagesWithNextBeyondIt() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of());
        QueryEngine recorded = new QueryEngine(() -> SandboxVariants.TopShape.RECORDED);
        QueryPage small = recorded.run(spec, PROPS, rows(130), QueryOptions.parse("$top=5"));
        assertThat(small.bareArray()).isTrue();
        assertThat(small.rows()).hasSize(5);
        QueryPage page = recorded.run(spec, PROPS, rows(130), QueryOptions.parse("$top=100"));
        assertThat(page.bareArray()).isFalse();
        assertThat(page.rows()).hasSize(60);
        assertThat(page.nextAfter()).isEqualTo(60);
        assertThat(page.nextTop()).isEqualTo(40);
        QueryPage rest = recorded.run(spec, PROPS, rows(130), QueryOptions.parse("$top=40&$skiptoken=60"));
        assertThat(rest.bareArray()).isTrue();
        assertThat(rest.rows()).hasSize(40);
    }

    @Test
    void syncEndpointsIgnoreTop() {
        EndpointSpec sync = new EndpointSpec("sync/Test/Things", "ID", KeyKind.INT32, 1000, false, Set.of(), true,
                Set.of(), Set.of("GET"), "Exact.Test.Thing");
        QueryPage page = engine.run(sync, PROPS, rows(130), QueryOptions.parse("$top=1"));
        assertThat(page.bareArray()).isFalse();
        assertThat(page.rows()).hasSize(130);
    }

    @Test
    void countsMatchingRowsUnderTheFilterRules() {
        EndpointSpec spec = spec(false, Set.of("Code"), false, Set.of());
        assertThat(engine.count(spec, PROPS, rows(130), QueryOptions.parse("$filter=Code%20ne%20'x'&$top=1")))
                .isEqualTo(130);
        assertThatThrownBy(() -> engine.count(spec, PROPS, rows(130), QueryOptions.parse("")))
                .isInstanceOf(ExactFault.class).hasMessageContaining("mandatory filtering");
    }

    @Test
    void countsAllMatchesWithTopZeroAndInlineCount() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of());
        QueryPage page = run(spec, "$top=0&$inlinecount=allpages&$filter=ID%20gt%20100");
        assertThat(page.rows()).isEmpty();
        assertThat(page.count()).isEqualTo(30);
        assertThat(page.bareArray()).isFalse();
    }

    @Test
    void skipsRows() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of());
        assertThat(run(spec, "$skip=125").rows()).extracting(r -> r.get("ID")).containsExactly(126, 127, 128, 129,
                130);
    }

    @Test
    void ordersByPropertiesAndPagesInThatOrder() {
        EndpointSpec spec = spec(false, Set.of(), false, Set.of());
        QueryPage first = run(spec, "$orderby=Timestamp%20desc");
        assertThat(first.rows().get(0).get("ID")).isEqualTo(130);
        assertThat(first.nextAfter()).isEqualTo(71);
        QueryPage second = run(spec, "$orderby=Timestamp%20desc&$skiptoken=71");
        assertThat(second.rows().get(0).get("ID")).isEqualTo(70);
        assertThatThrownBy(() -> run(spec, "$orderby=Nope")).isInstanceOf(ExactFault.class);
        assertThatThrownBy(() -> run(spec, "$orderby=ID%20sideways")).isInstanceOf(ExactFault.class);
    }
}
