package org.exactsync.exact.model;

import java.util.UUID;

/** A journal of one division; entries reference it by {@code code} (e.g. "70"), not by id. {@code type} 20 = sales. */
public record Journal(UUID id, String code, String description, int type, boolean blocked) {
}
