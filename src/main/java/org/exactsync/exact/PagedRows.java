package org.exactsync.exact;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.exactsync.exact.odata.ExactRow;

/**
 * Iterates all rows of a GET, fetching the next page only when the previous one is consumed. The {@code __next}
 * link is followed verbatim: its {@code $skiptoken} is typed by the entity key and rebuilding it is a known way to
 * skip or repeat rows (docs/exact-reference.md §1.4). A link to another host is refused, since it would receive our
 * bearer token.
 */
final class PagedRows implements Iterator<ExactRow> {

    private final Function<URI, JsonNode> fetch;
    private final URI site;
    private final Deque<JsonNode> buffered = new ArrayDeque<>();
    private Optional<URI> nextPage;
    private int pagesFetched;

    PagedRows(Function<URI, JsonNode> fetch, URI site, URI firstPage) {
        this.fetch = fetch;
        this.site = site;
        this.nextPage = Optional.of(firstPage);
    }

    @Override
    public boolean hasNext() {
        while (buffered.isEmpty() && nextPage.isPresent()) {
            URI page = nextPage.get();
            ExactEnvelope envelope = ExactEnvelope.parse(fetch.apply(page));
            pagesFetched++;
            buffered.addAll(envelope.rows());
            nextPage = envelope.next().map(this::checkedNext);
        }
        return !buffered.isEmpty();
    }

    @Override
    public ExactRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return new ExactRow(buffered.removeFirst());
    }

    int pagesFetched() {
        return pagesFetched;
    }

    private URI checkedNext(String link) {
        // Followed as sent; only characters a URI cannot hold (a literal space in a filter) are escaped.
        URI next = site.resolve(link.replace(" ", "%20"));
        if (!sameOrigin(next, site)) {
            throw new ExactTransientException("Exact's __next link points to another host; not followed", false);
        }
        return next;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }
}
