package org.exactsync.flow.project;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.scheduler.Scheduled;

/**
 * The local run's stand-in for the cloud schedule of {@code project-costs}: in-process, dev mode only (in Lambda an
 * in-process timer fires only while an instance happens to be warm).
 */
@ApplicationScoped
@IfBuildProfile("dev")
public class ProjectDevSchedule {

    private final ProjectCostsReader reader;

    public ProjectDevSchedule(ProjectCostsReader reader) {
        this.reader = reader;
    }

    @Scheduled(every = "60s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void readProjectCosts() {
        reader.readAll();
    }
}
