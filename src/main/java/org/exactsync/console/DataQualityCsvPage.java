package org.exactsync.console;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.exactsync.crm.inbound.HttpResponseEvent;
import org.exactsync.flow.onboarding.OnboardingAdmin;
import org.exactsync.store.ConnectionStore;

/** {@code data-quality.csv}: every finding of the division's onboarding report, the admin route's own CSV. */
@ApplicationScoped
class DataQualityCsvPage implements ConsolePage {

    private final OnboardingAdmin admin;
    private final ConnectionStore connections;

    DataQualityCsvPage(OnboardingAdmin admin, ConnectionStore connections) {
        this.admin = admin;
        this.connections = connections;
    }

    @Override
    public String name() {
        return "data-quality.csv";
    }

    @Override
    public HttpResponseEvent get(PageContext page) {
        Optional<Integer> division = DivisionChoice.of(page, connections.find(page.tenant()));
        if (division.isEmpty()) {
            return page.render(404, "nav.quality", Html.notice("error", page.t().get("division.noneSelected")));
        }
        HttpResponseEvent csv = admin.report(page.tenant(), String.valueOf(division.get()), true);
        if (csv.statusCode() != 200) {
            return page.render(csv.statusCode(), "nav.quality", Html.notice("error", page.t().get(
                    "division.noneSelected")));
        }
        return new HttpResponseEvent(200, Map.of("Content-Type", "text/csv; charset=utf-8",
                "Content-Disposition", "attachment; filename=\"data-quality-" + division.get() + ".csv\"",
                "Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"), csv.body());
    }
}
