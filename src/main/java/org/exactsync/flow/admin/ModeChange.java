package org.exactsync.flow.admin;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code PUT /admin/tenants/<t>/mode}: {@code "dry-run"} or {@code "live"}. */
@RegisterForReflection
public record ModeChange(String mode) {
}
