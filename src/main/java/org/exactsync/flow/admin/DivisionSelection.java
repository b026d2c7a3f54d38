package org.exactsync.flow.admin;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code PUT /admin/tenants/<t>/divisions}. {@code defaultDivisions} absent: the first selected one. */
@RegisterForReflection
public record DivisionSelection(List<Integer> divisions, List<Integer> defaultDivisions) {
}
