package org.telereg.engine.fraud;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The input of a fraud scan: a calls file and, optionally, SMS and users files, each CSV with a header in the
 * schema of the 2020 Sichuan telecom fraud contest, UTF-8, plain or gzip.
 *
 * <ul>
 *   <li>calls: {@code phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m}
 *   <li>SMS: {@code phone_no_m,opposite_no_m,calltype_id,request_datetime}
 *   <li>users: {@code phone_no_m,city_name,county_name,idcard_cnt}
 * </ul>
 *
 * Columns may come in any order and further columns are ignored.
 *
 * @param calls the calls file
 * @param sms the SMS file, or null
 * @param users the users file, or null
 */
public record CdrFiles(Path calls, Path sms, Path users) {

    public CdrFiles {
        Objects.requireNonNull(calls, "calls");
    }

    /** Only a calls file. */
    public static CdrFiles calls(Path calls) {
        return new CdrFiles(calls, null, null);
    }
}
