package org.exactsync.sandbox.odata;

import java.util.List;
import java.util.Map;

/**
 * The result of a collection GET before rendering.
 *
 * @param rows       the rows of this page (unprojected)
 * @param select     the {@code $select} names in request order, or null for all properties
 * @param nextAfter  key of the last row when a next page exists ({@code __next} carries it as {@code $skiptoken}),
 *                   else null
 * @param nextTop    the {@code $top} the next link must carry (what is left of the caller's cap), or null
 * @param count      the {@code $inlinecount=allpages} total, or null
 * @param bareArray  render as {@code {"d":[…]}} instead of {@code {"d":{"results":[…]}}}
 */
public record QueryPage(
        List<Map<String, Object>> rows,
        List<String> select,
        Object nextAfter,
        Integer nextTop,
        Integer count,
        boolean bareArray) {
}
