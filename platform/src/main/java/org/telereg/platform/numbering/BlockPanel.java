package org.telereg.platform.numbering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.insight.NumberFacts;
import org.telereg.platform.insight.NumberPanel;

/**
 * The number page's block panel: the block covering the number today, its holder, kind and allocation
 * date, and its latest utilisation when the reader's scope covers the block. The register itself is
 * public knowledge; utilisation reports are the holder's and the regulators'.
 */
@Component
class BlockPanel implements NumberFacts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NumberResources resources;
    private final UtilisationReports utilisation;
    private final Clock clock;

    BlockPanel(NumberResources resources, UtilisationReports utilisation, Clock clock) {
        this.resources = resources;
        this.utilisation = utilisation;
        this.clock = clock;
    }

    @Override
    public Optional<NumberPanel> panel(DataScope scope, String number) {
        Optional<AllocationView> block = resources.holderOf(number, LocalDate.now(clock.withZone(CHINA)));
        List<NumberPanel.Fact> facts = new ArrayList<>();
        block.ifPresent(a -> {
            String list = "/console/numbering?prefix=" + a.prefix();
            facts.add(new NumberPanel.Fact("numbering.blockPanel.holder", a.holderName(), null, null, list));
            facts.add(new NumberPanel.Fact(
                    "numbering.blockPanel.block",
                    a.prefix(),
                    "numbering.kind." + a.kind().name(),
                    "secondary",
                    null));
            facts.add(new NumberPanel.Fact(
                    "numbering.field.allocatedOn", a.allocatedOn().toString(), null, null, null));
            if (a.carrierName() != null) {
                facts.add(new NumberPanel.Fact("numbering.field.carrier", a.carrierName(), null, null, null));
            }
            if (scope.covers(a.provinceCode(), a.holderCreditCode())) {
                utilisation.latest(a).ifPresent(u -> {
                    boolean low = u.ratio().compareTo(utilisation.lowThreshold()) < 0;
                    facts.add(new NumberPanel.Fact(
                            "numbering.blockPanel.utilisation",
                            u.percent() + "% · " + u.period(),
                            low ? "numbering.utilisation.low" : null,
                            low ? "warning" : null,
                            "/console/numbering/blocks/" + a.id()));
                });
            }
        });
        return Optional.of(new NumberPanel(10, "numbering.blockPanel.title", facts, "/console/numbering"));
    }
}
