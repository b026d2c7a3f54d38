package org.exactsync.flow.project;

import org.exactsync.crm.ScheduleTick;

import io.quarkus.funqy.Funq;

/** Scheduled (EventBridge in the cloud): reads back the purchases booked on every mapped project's cost center. */
public class ProjectCostsFunction {

    private final ProjectCostsReader reader;

    public ProjectCostsFunction(ProjectCostsReader reader) {
        this.reader = reader;
    }

    @Funq("project-costs")
    public ProjectCostsReport readBack(ScheduleTick tick) {
        return reader.readAll();
    }
}
