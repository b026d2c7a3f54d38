package org.exactsync.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.exactsync.crm.inbound.Outcome;
import org.exactsync.exact.ExactException;
import org.exactsync.exact.model.ExactTarget;
import org.exactsync.flow.write.WriteRaceException;
import org.exactsync.store.ConnectionRecord;
import org.exactsync.store.SyncMode;
import org.jboss.logging.Logger;

/**
 * One entity event synced into each of its target divisions, shared by the flows that fan out (relation, project).
 * Divisions go one after another; the first that must wait or fails ends the event, and its replay redoes the
 * others at no Exact cost because their mappings say they are up to date. In dry run nothing reaches Exact: the
 * answer is what would be sent to each division.
 */
public final class DivisionFanOut {

    private static final Logger LOG = Logger.getLogger(DivisionFanOut.class);

    private DivisionFanOut() {
    }

    /** What one division's sync came to: a result for the event's answer, or the outcome that ends the event. */
    public sealed interface Step<R> {

        /** The division is in sync; {@code result} joins the answer. */
        record Synced<R>(R result) implements Step<R> {
        }

        /** The division cannot be synced; {@code outcome} is the event's. */
        record Stopped<R>(Outcome outcome) implements Step<R> {
        }
    }

    /**
     * @param targets the event's usable connection and divisions
     * @param tenant  the event's tenant
     * @param subject what is synced, e.g. {@code relation rel-1001} (ids only)
     * @param preview what would be sent to a division, from the stores alone (dry run)
     * @param sync    syncs into one division; a lost race and an Exact failure are thrown and become the outcome
     * @return done with the previews or the divisions' results in the targets' order, else the first stop
     */
    public static <R> Outcome sync(EventTargets.Usable targets, String tenant, String subject,
            IntFunction<?> preview, Function<ExactTarget, Step<R>> sync) {
        ConnectionRecord connection = targets.connection();
        if (connection.mode() == SyncMode.DRY_RUN) {
            // Before go-live nothing may reach Exact: answer with what would be sent, from the stores alone.
            return new Outcome.Done(targets.divisions().stream().map(preview::apply).toList());
        }
        List<R> results = new ArrayList<>();
        for (int division : targets.divisions()) {
            Step<R> step;
            try {
                step = sync.apply(new ExactTarget(connection.tokenKey(), division));
            } catch (WriteRaceException race) {
                LOG.infof("%s waits in division %d: %s", subject, division, race.getClass().getSimpleName());
                return new Outcome.Waiting("division " + division + ": " + race.getMessage());
            } catch (ExactException failure) {
                return ExactOutcomes.of(failure, subject, division, tenant);
            }
            if (step instanceof Step.Stopped<R> stopped) {
                return stopped.outcome();
            }
            results.add(((Step.Synced<R>) step).result());
        }
        return new Outcome.Done(results);
    }
}
