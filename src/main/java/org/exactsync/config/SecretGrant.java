package org.exactsync.config;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What one deployed function may read from the connector's SSM folder, as listed in its {@code CONNECTOR_SECRETS}
 * environment variable (template.yaml, comma-separated). The function's IAM policy grants exactly these parameters
 * and nothing else (docs/operations.md, "Secrets per function"); a function that lists nothing reads nothing.
 */
public enum SecretGrant {

    /** {@code <path>client-secret}: functions whose code builds the Exact client (token endpoint). */
    CLIENT_SECRET("client-secret"),

    /** {@code <path>webhook-secret}: only the function that checks Exact's webhook signatures. */
    WEBHOOK_SECRET("webhook-secret"),

    /** {@code <path>crm/<tenant>/...}: a tenant's folder, read when the function first meets the tenant. */
    CRM_TENANTS("crm");

    /** The environment variable naming a function's grants. */
    public static final String VARIABLE = "CONNECTOR_SECRETS";

    private final String parameter;

    SecretGrant(String parameter) {
        this.parameter = parameter;
    }

    /** The parameter (or folder) name below the connector's path. */
    public String parameter() {
        return parameter;
    }

    /** The grants listed in {@code value} (null or blank: none); an unknown name fails, naming the variable. */
    public static Set<SecretGrant> parse(String value) {
        Set<SecretGrant> grants = EnumSet.noneOf(SecretGrant.class);
        if (value == null || value.isBlank()) {
            return grants;
        }
        for (String name : value.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            grants.add(java.util.Arrays.stream(values()).filter(g -> g.parameter.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(VARIABLE + " names an unknown secret '" + wanted
                            + "' (known: client-secret, webhook-secret, crm)")));
        }
        return grants;
    }
}
