package org.telereg.platform.netsec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.entity.CompanyFacts;
import org.telereg.platform.entity.CompanyPanel;

/**
 * The company page's App panel: whether the company is a repeat offender, and each of its Apps
 * listed on a notice with where it stands (answered, fixed, taken down).
 */
@Component
class AppCheckPanel implements CompanyFacts {

    private final AppGraph graph;
    private final AppNotices notices;

    AppCheckPanel(AppGraph graph, AppNotices notices) {
        this.graph = graph;
        this.notices = notices;
    }

    @Override
    public Optional<CompanyPanel> panel(DataScope scope, String creditCode) {
        // The company page has already checked that the scope sees the company.
        if (scope.kind() == DataScope.Kind.NONE) {
            return Optional.empty();
        }
        List<CompanyPanel.Fact> facts = new ArrayList<>();
        for (AppGraphOffender offender : graph.offenders(DataScope.enterprise(creditCode))) {
            facts.add(new CompanyPanel.Fact(
                    String.join("、", offender.batches()),
                    String.join("；", offender.versions()),
                    "netsec.app.offender.status",
                    "danger",
                    "/console/netsec/apps/offenders"));
        }
        for (AppNoticeItemView item : notices.items(DataScope.enterprise(creditCode), (AppNoticeItemStatus) null)) {
            facts.add(new CompanyPanel.Fact(
                    item.app().appName() + " " + item.app().version(),
                    item.noticeNumber() + " · " + item.deadline()
                            + (item.takedown() != null && item.takedown().inForce()
                                    ? " · " + item.takedown().stores()
                                    : ""),
                    "netsec.app.item.status." + item.status(),
                    switch (item.status()) {
                        case FIXED -> "success";
                        case TAKEN_DOWN -> "danger";
                        case ANSWERED -> "secondary";
                        case LISTED -> "warning";
                    },
                    "/console/netsec/apps/items/" + item.id()));
        }
        return facts.isEmpty()
                ? Optional.empty()
                : Optional.of(new CompanyPanel(75, "netsec.app.panel.title", facts, "/console/netsec/apps/notices"));
    }
}
