package org.exactsync.flow.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exactsync.exact.ExactOnline;
import org.exactsync.exact.odata.ODataQuery;
import org.exactsync.mapping.ExactEntryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exact's OData answers a navigation property that was not expanded as {@code __deferred} (docs/exact-reference.md §1.4).
 * The reader asks for the lines expanded; should a server ever ignore that, the lines are read from
 * {@code SalesEntryLines} instead of being taken as absent (which would report every invoice as a changed amount).
 * Against the sandbox over HTTP: the second reader's client drops {@code $expand} from every query it sends.
 */
class SalesEntryReaderTest {

    private final ReconciliationFixture fx = new ReconciliationFixture();
    private final List<String> paths = new ArrayList<>();

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void entriesWhoseLinesCameDeferredAreReadFromTheLinesEndpointWithTheSameTotals() {
        fx.syncRelation("rel-1", "Zeist");
        fx.book("inv-1", "rel-1", "2026-11-10", "1000.00", "210.00");
        fx.book("inv-2", "rel-1", "2026-11-12", "80.00", "16.80");
        Set<String> journals = Set.of("70");
        LocalDate from = LocalDate.of(2026, 11, 1);
        LocalDate to = LocalDate.of(2026, 11, 30);

        Map<String, ExactEntryState> expanded = new SalesEntryReader(fx.client).inPeriod(fx.target(), journals, from,
                to);
        Map<String, ExactEntryState> deferred = new SalesEntryReader(withoutExpand(fx.client)).inPeriod(fx.target(),
                journals, from, to);

        assertThat(expanded).hasSize(2);
        assertThat(expanded.values()).allSatisfy(e -> assertThat(e.glAccounts()).isNotEmpty());
        assertThat(deferred).isEqualTo(expanded);
        assertThat(paths).containsExactly("salesentry/SalesEntries", "salesentry/SalesEntryLines");
    }

    /** The real client, except that every query loses its {@code $expand}; records the paths it reads. */
    private ExactOnline withoutExpand(ExactOnline real) {
        return (ExactOnline) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ExactOnline.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("query") && args.length == 3 && args[2] instanceof ODataQuery q) {
                        paths.add((String) args[1]);
                        args[2] = new ODataQuery(q.select(), q.filter(), q.orderBy(), q.top(), List.of());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
