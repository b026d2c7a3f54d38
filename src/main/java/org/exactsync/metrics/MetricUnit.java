package org.exactsync.metrics;

/** CloudWatch units the connector uses, with CloudWatch's spelling. */
public enum MetricUnit {
    COUNT("Count"),
    SECONDS("Seconds");

    private final String cloudWatchName;

    MetricUnit(String cloudWatchName) {
        this.cloudWatchName = cloudWatchName;
    }

    /** The unit as CloudWatch spells it. */
    public String cloudWatchName() {
        return cloudWatchName;
    }
}
