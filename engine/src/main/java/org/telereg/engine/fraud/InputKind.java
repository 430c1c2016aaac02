package org.telereg.engine.fraud;

import java.util.List;

/** The three input files and the columns each must have, in schema order. */
enum InputKind {
    CALLS(
            "calls",
            "phone_no_m",
            "opposite_no_m",
            "calltype_id",
            "start_datetime",
            "call_dur",
            "city_name",
            "county_name",
            "imei_m"),
    SMS("sms", "phone_no_m", "opposite_no_m", "calltype_id", "request_datetime"),
    USERS("users", "phone_no_m", "city_name", "county_name", "idcard_cnt");

    // Positions in columns(); the subscriber is always first.
    static final int PHONE = 0;
    static final int OPPOSITE = 1;
    static final int CALL_TYPE = 2;
    static final int START = 3;
    static final int DURATION = 4;
    static final int CITY = 5;
    static final int COUNTY = 6;
    static final int IMEI = 7;
    static final int USER_CITY = 1;
    static final int USER_COUNTY = 2;
    static final int USER_IDCARDS = 3;

    private final String label;
    private final List<String> columns;

    InputKind(String label, String... columns) {
        this.label = label;
        this.columns = List.of(columns);
    }

    String label() {
        return label;
    }

    List<String> columns() {
        return columns;
    }
}
