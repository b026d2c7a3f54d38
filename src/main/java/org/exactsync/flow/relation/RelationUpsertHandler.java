package org.exactsync.flow.relation;

import java.util.ArrayList;
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
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.write.WriteRaceException;
import org.exactsync.flow.EventTargets;
import org.exactsync.flow.ExactOutcomes;
import org.exactsync.mapping.RelationUpserted;
import org.exactsync.mapping.RelationValidator;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.ConnectionStore;
import org.exactsync.store.SyncMode;
import org.jboss.logging.Logger;

/**
 * {@code relation.upserted}: the relation and its contacts into every target division. Divisions are synced one
 * after another; when one must wait or fails, a replay redoes the others at no Exact cost (their mappings say they
 * are up to date).
 */
@ApplicationScoped
public class RelationUpsertHandler implements EventHandler<RelationUpserted> {

    public static final String TYPE = "relation.upserted";
    private static final Logger LOG = Logger.getLogger(RelationUpsertHandler.class);

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
        EventTargets targets = EventTargets.resolve(connections, event);
        if (targets instanceof EventTargets.Refused refused) {
            return refused.failure();
        }
        EventTargets.Usable usable = (EventTargets.Usable) targets;
        ConnectionRecord connection = usable.connection();
        List<Integer> divisions = usable.divisions();
        boolean crmWins = tenants.tenant(event.tenant()).map(Tenant::conflictPolicy)
                .orElse(ConflictPolicy.REPORT) == ConflictPolicy.CRM_WINS;
        RelationUpserted relation = event.data();
        if (connection.mode() == SyncMode.DRY_RUN) {
            // Before go-live nothing may reach Exact: answer with what would be sent, from the stores alone.
            return new Outcome.Done(divisions.stream()
                    .map(division -> divisionSync.preview(event.tenant(), division, relation)).toList());
        }
        List<DivisionResult> results = new ArrayList<>();
        for (int division : divisions) {
            ExactTarget target = new ExactTarget(connection.tokenKey(), division);
            DivisionOutcome outcome;
            try {
                outcome = divisionSync.sync(target, relation, crmWins, event.occurredAt());
            } catch (WriteRaceException race) {
                LOG.infof("relation %s waits in division %d: %s", relation.id(), division, race.getClass()
                        .getSimpleName());
                return new Outcome.Waiting("division " + division + ": " + race.getMessage());
            } catch (ExactException failure) {
                return ExactOutcomes.of(failure, "relation " + relation.id(), division, event.tenant());
            }
            if (outcome instanceof DivisionOutcome.Synced synced) {
                results.add(synced.result());
            } else {
                return failed(relation, outcome);
            }
        }
        return new Outcome.Done(results);
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
