package org.exactsync.flow.relation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import org.exactsync.crm.ConflictPolicy;
import org.exactsync.crm.Tenant;
import org.exactsync.crm.TenantSettings;
import org.exactsync.crm.inbound.AcceptedEvent;
import org.exactsync.crm.inbound.EventHandler;
import org.exactsync.crm.inbound.Outcome;
import org.exactsync.validation.Problem;
import org.exactsync.flow.DivisionFanOut;
import org.exactsync.flow.DivisionFanOut.Step;
import org.exactsync.flow.EventTargets;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.mapping.RelationValidator;
import org.exactsync.store.ConnectionStore;

/**
 * {@code relation.upserted}: the relation and its contacts into every target division. Divisions are synced one
 * after another; when one must wait or fails, a replay redoes the others at no Exact cost (their mappings say they
 * are up to date).
 */
@ApplicationScoped
public class RelationUpsertHandler implements EventHandler<RelationUpserted> {

    public static final String TYPE = "relation.upserted";

    private final RelationValidator validator = new RelationValidator();
    private final RelationDivisionSync divisionSync;
    private final ConnectionStore connections;
    private final TenantSettings tenants;

    public RelationUpsertHandler(RelationDivisionSync divisionSync, ConnectionStore connections,
            TenantSettings tenants) {
        this.divisionSync = divisionSync;
        this.connections = connections;
        this.tenants = tenants;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<RelationUpserted> dataType() {
        return RelationUpserted.class;
    }

    @Override
    public List<Problem> validate(JsonNode data) {
        return validator.validate(data);
    }

    @Override
    public Outcome process(AcceptedEvent<RelationUpserted> event) {
        RelationUpserted relation = event.data();
        return EventTargets.resolve(connections, event).then(targets -> {
            boolean crmWins = tenants.tenant(event.tenant()).map(Tenant::conflictPolicy)
                    .orElse(ConflictPolicy.REPORT) == ConflictPolicy.CRM_WINS;
            return DivisionFanOut.sync(targets, event.tenant(), "relation " + relation.id(),
                    division -> divisionSync.preview(event.tenant(), division, relation),
                    target -> step(relation, divisionSync.sync(target, relation, crmWins, event.occurredAt())));
        });
    }

    private static Step<DivisionResult> step(RelationUpserted relation, DivisionOutcome outcome) {
        return outcome instanceof DivisionOutcome.Synced synced ? new Step.Synced<>(synced.result())
                : new Step.Stopped<>(failed(relation, outcome));
    }

    private static Outcome failed(RelationUpserted relation, DivisionOutcome outcome) {
        if (outcome instanceof DivisionOutcome.Ambiguous ambiguous) {
            return new Outcome.Failed("relation " + relation.id() + " has no unambiguous Exact account in division "
                    + ambiguous.division() + " by " + ambiguous.rule() + " (relation numbers "
                    + String.join(", ", ambiguous.codes()) + "); merge them in Exact or map one", false);
        }
        if (outcome instanceof DivisionOutcome.AccountGone gone) {
            return new Outcome.Failed("Exact account " + gone.exactId() + " of relation " + relation.id()
                    + " no longer exists in division " + gone.division(), false);
        }
        DivisionOutcome.NoPaymentCondition none = (DivisionOutcome.NoPaymentCondition) outcome;
        return new Outcome.Failed("division " + none.division() + " has no payment condition of " + none.days()
                + " days", false);
    }
}
