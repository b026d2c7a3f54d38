package org.exactsync.sandbox;

import java.util.Set;

/**
 * How the sandbox serves one Exact endpoint: its path below {@code /api/v1/{division}/}, its key, page size and the
 * query rules Exact enforces on it (docs/exact-reference.md §1.4, §1.5).
 *
 * @param path                 e.g. {@code crm/Accounts}, {@code sync/Cashflow/PaymentTerms}
 * @param keyField             name of the key property, e.g. {@code ID}, {@code EntryID}, {@code Timestamp}
 * @param keyKind              type of the key, for key segments and {@code $skiptoken}
 * @param pageSize             rows per response: 60 for normal endpoints, 1000 for bulk and sync
 * @param selectRequired       GET without {@code $select} (and without {@code $top=1}) answers 400
 *                             "Please add a $select or a $top=1 statement to the query string."
 * @param mandatoryFilterFields non-empty: GET must carry a {@code $filter} naming one of these fields, else 400
 *                             "This endpoint has mandatory filtering applied…"
 * @param timestampFilterOnly  sync endpoints: only {@code Timestamp} may appear in {@code $filter}
 * @param unsupportedFilterFields fields that answer 400 "Filtering on these fields is not supported: …"
 * @param methods              HTTP methods the endpoint allows (GET, POST, PUT, DELETE); others answer 405
 * @param metadataType         the {@code __metadata.type} name, e.g. {@code Exact.Web.Api.Models.Account}
 */
public record EndpointSpec(
        String path,
        String keyField,
        KeyKind keyKind,
        int pageSize,
        boolean selectRequired,
        Set<String> mandatoryFilterFields,
        boolean timestampFilterOnly,
        Set<String> unsupportedFilterFields,
        Set<String> methods,
        String metadataType) {

    public static final int SINGLE_PAGE = 60;
    public static final int BULK_PAGE = 1000;

    public boolean allows(String method) {
        return methods.contains(method);
    }
}
