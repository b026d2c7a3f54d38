package org.exactsync.flow.admin;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.crm.inbound.HttpRequestEvent;

import io.quarkus.funqy.Funq;

/** {@code ANY /admin/tenants/{tenant}/{proxy+}}: the tenant admin and operations routes ({@link TenantAdmin}). */
public class TenantAdminFunction {

    private final TenantAdmin admin;

    public TenantAdminFunction(TenantAdmin admin) {
        this.admin = admin;
    }

    @Funq("tenant-admin")
    public HttpResponseEvent handle(HttpRequestEvent request) {
        return admin.handle(request);
    }
}
