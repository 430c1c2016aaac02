package org.telereg.platform.credit;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the credit lists.
 *
 * @param badOperatorRemoval how long an entry stays on the bad-operator list unless its cause ends it
 *     earlier (sources are unclear; default three years clean)
 * @param dishonestRemoval the same for the dishonest list
 * @param watchRemoval the same for watch records
 * @param personKey the key of the keyed hash of ID numbers; set your own in production
 */
@ConfigurationProperties("telereg.credit")
public record CreditSettings(
        @DefaultValue("P3Y") Period badOperatorRemoval,
        @DefaultValue("P3Y") Period dishonestRemoval,
        @DefaultValue("P1Y") Period watchRemoval,
        @DefaultValue("telereg-demo-person-key-change-me") String personKey) {

    Period removalPeriod(CreditList list) {
        return switch (list) {
            case BAD_OPERATOR -> badOperatorRemoval;
            case DISHONEST -> dishonestRemoval;
            case WATCH -> watchRemoval;
        };
    }
}
