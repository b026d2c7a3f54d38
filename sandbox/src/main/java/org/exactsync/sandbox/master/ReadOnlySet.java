package org.exactsync.sandbox.master;

import java.util.List;
import java.util.Set;
import org.exactsync.sandbox.EndpointSpec;
import org.exactsync.sandbox.KeyKind;

/**
 * A GET-only master-data endpoint whose rows come from the seed (or a test hook); writes answer 405 as Exact does
 * for methods an endpoint does not support.
 */
final class ReadOnlySet extends MasterTableSet {

    ReadOnlySet(String path, String keyField, KeyKind keyKind, String metadataType, List<String> properties) {
        super(new EndpointSpec(path, keyField, keyKind, EndpointSpec.SINGLE_PAGE, false, Set.of(), false, Set.of(),
                Set.of("GET"), metadataType), properties);
    }
}
