package org.exactsync.flow.project;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;
import org.exactsync.flow.DivisionFanOut;
import org.exactsync.flow.DivisionFanOut.Step;
import org.exactsync.flow.EventTargets;
import org.exactsync.mapping.ProjectUpserted;
import org.exactsync.mapping.ProjectValidator;
import org.exactsync.store.ConnectionStore;

/**
 * {@code project.upserted}: the project as a cost center in every target division, one after another. When one must
 * wait or fails, the replay redoes the others at no Exact cost (their mappings say they are up to date).
 */
@ApplicationScoped
public class ProjectSyncHandler implements EventHandler<ProjectUpserted> {

    public static final String TYPE = "project.upserted";
    /** Exact's business dates are Dutch dates (docs/exact-reference.md §1.6): closed at 00:30 CET closes that day. */
    private static final ZoneId EXACT_ZONE = ZoneId.of("Europe/Amsterdam");

    private final ProjectValidator validator = new ProjectValidator();
    private final ProjectDivisionSync divisionSync;
    private final ConnectionStore connections;
    private final Clock clock;

    public ProjectSyncHandler(ProjectDivisionSync divisionSync, ConnectionStore connections, Clock clock) {
        this.divisionSync = divisionSync;
        this.connections = connections;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<ProjectUpserted> dataType() {
        return ProjectUpserted.class;
    }

    @Override
    public List<Problem> validate(JsonNode data) {
        return validator.validate(data);
    }

    @Override
    public Outcome process(AcceptedEvent<ProjectUpserted> event) {
        ProjectUpserted project = event.data();
        return EventTargets.resolve(connections, event).then(targets -> {
            // The day the CRM closed it, not the day a replay ran: a replayed close gets the same end date.
            Instant when = event.occurredAt() == null ? clock.instant() : event.occurredAt();
            LocalDate closeDate = LocalDate.ofInstant(when, EXACT_ZONE);
            return DivisionFanOut.sync(targets, event.tenant(), "project " + project.id(),
                    division -> divisionSync.preview(event.tenant(), division, project, closeDate),
                    target -> step(project, divisionSync.sync(target, project, closeDate, event.occurredAt())));
        });
    }

    private static Step<ProjectResult> step(ProjectUpserted project, ProjectDivisionOutcome outcome) {
        if (outcome instanceof ProjectDivisionOutcome.Synced synced) {
            return new Step.Synced<>(synced.result());
        }
        if (outcome instanceof ProjectDivisionOutcome.NoFreeCode none) {
            return new Step.Stopped<>(new Outcome.Failed("project " + project.id()
                    + " has no free cost center code in division " + none.division() + " (first candidate "
                    + none.firstCandidate() + ")", false));
        }
        ProjectDivisionOutcome.CostCenterGone gone = (ProjectDivisionOutcome.CostCenterGone) outcome;
        return new Step.Stopped<>(new Outcome.Failed("cost center " + gone.exactId() + " of project " + project.id()
                + " no longer exists in division " + gone.division(), false));
    }
}
