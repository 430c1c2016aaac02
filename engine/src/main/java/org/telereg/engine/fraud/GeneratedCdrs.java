package org.telereg.engine.fraud;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link CdrGenerator} wrote.
 *
 * @param calls the calls file
 * @param sms the SMS file
 * @param users the users file ({@code phone_no_m,city_name,county_name,idcard_cnt,arpu_202003})
 * @param labels the ground truth, {@code phone_no_m,label,archetype}, label 1 for fraud
 * @param callRows rows of the calls file
 * @param smsRows rows of the SMS file
 * @param subscribers subscribers per archetype
 */
public record GeneratedCdrs(
        Path calls,
        Path sms,
        Path users,
        Path labels,
        long callRows,
        long smsRows,
        Map<Archetype, Integer> subscribers) {

    public GeneratedCdrs {
        subscribers = Map.copyOf(subscribers);
    }

    /** The files as input for {@link FraudFeatures#extract}. */
    public CdrFiles files() {
        return new CdrFiles(calls, sms, users);
    }
}
