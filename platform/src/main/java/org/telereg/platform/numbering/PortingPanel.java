package org.telereg.platform.numbering;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.insight.NumberFacts;
import org.telereg.platform.insight.NumberPanel;

/**
 * The number page's portability panel: who carries the number now, who holds its block, and the
 * ports the scope may see (regulators of the number's province, the donor and the recipient).
 */
@Component
class PortingPanel implements NumberFacts {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Carriers carriers;
    private final PortOrders orders;
    private final Clock clock;

    PortingPanel(Carriers carriers, PortOrders orders, Clock clock) {
        this.carriers = carriers;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public Optional<NumberPanel> panel(DataScope scope, String number) {
        String mobile = Carriers.mobile(number);
        if (mobile == null || scope.kind() == DataScope.Kind.NONE) {
            return Optional.empty();
        }
        CarrierAnswer carrier = carriers.carrierAt(mobile, clock.instant());
        if (!carrier.known()) {
            return Optional.empty();
        }
        List<NumberPanel.Fact> facts = new ArrayList<>();
        facts.add(new NumberPanel.Fact(
                "numbering.panel.carrier",
                carrier.carrierName(),
                carrier.ported() ? "numbering.panel.ported" : null,
                carrier.ported() ? "warning" : null,
                null));
        facts.add(new NumberPanel.Fact(
                "numbering.panel.holder", carrier.holderName() + " · " + carrier.blockPrefix(), null, null, null));
        for (PortOrderView port : orders.history(mobile)) {
            boolean visible = switch (scope.kind()) {
                case ALL -> true;
                case PROVINCE -> scope.provinceCode().equals(port.provinceCode());
                case ENTERPRISE ->
                    scope.creditCode().equals(port.donorCreditCode())
                            || scope.creditCode().equals(port.recipientCreditCode());
                case NONE -> false;
            };
            if (visible) {
                facts.add(new NumberPanel.Fact(
                        "numbering.panel.port",
                        port.effectiveAt().format(HOUR) + " " + port.donorName() + " → " + port.recipientName(),
                        "numbering.status.COMPLETED",
                        "success",
                        "/console/porting/" + port.id()));
            }
        }
        return Optional.of(new NumberPanel(20, "numbering.panel.title", facts, "/console/porting?number=" + mobile));
    }
}
