package org.telereg.platform.realname;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How outlets are ranked for risk-targeted inspections ({@code telereg.realname.risk.*}).
 *
 * @param fraudWeight the score of each number sold at the outlet and later confirmed as fraud
 * @param overCapWeight the score of each held number sold there to an identity over the per-operator cap
 * @param inspectedMonths an outlet inspected within this many months (or with a visit planned) goes
 *     below the outlets not yet inspected
 * @param shown how many outlets the suggestion list shows
 */
@ConfigurationProperties("telereg.realname.risk")
record OutletRiskSettings(
        @DefaultValue("3") BigDecimal fraudWeight,
        @DefaultValue("1") BigDecimal overCapWeight,
        @DefaultValue("6") int inspectedMonths,
        @DefaultValue("50") int shown) {}
