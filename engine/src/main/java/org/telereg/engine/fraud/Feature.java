package org.telereg.engine.fraud;

import java.util.Locale;

/**
 * The behaviour features computed for every subscriber over the whole window of the input. "Outgoing" means
 * call type 1, "incoming" type 2; forwarded calls (type 3) count only in {@link #FORWARDED_CALLS}, {@link
 * #ACTIVE_DAYS}, places and devices. A ratio or mean without a denominator (the connected ratio of a subscriber
 * who never called out, the sequential ratio of one whose callees are all tokens) is {@link Double#NaN NaN}:
 * unknown, which a model treats as average.
 */
public enum Feature {
    /** Outgoing calls. */
    OUT_CALLS("out_calls", true),
    /** Incoming calls. */
    IN_CALLS("in_calls", true),
    /** Forwarded calls. */
    FORWARDED_CALLS("forwarded_calls", true),
    /** Incoming calls / (incoming + outgoing calls). */
    IN_SHARE("in_share", false),
    /** Distinct numbers called (exact). */
    DISTINCT_CALLEES("distinct_callees", true),
    /** Distinct numbers that called in (exact). */
    DISTINCT_CALLERS("distinct_callers", true),
    /** Distinct callees / outgoing calls: 1 when no number is called twice. */
    CALLEES_PER_CALL("callees_per_call", false),
    /** Share of distinct callees called at least twice. */
    REPEAT_CONTACT_RATIO("repeat_contact_ratio", false),
    /** Share of distinct callees that also called this subscriber. */
    CALLBACK_RATIO("callback_ratio", false),
    /** Share of outgoing calls that connected (duration above 0). */
    CONNECTED_RATIO("connected_ratio", false),
    /** Share of connected outgoing calls shorter than the short-call limit. */
    SHORT_CALL_RATIO("short_call_ratio", false),
    /** Mean duration of connected outgoing calls, seconds. */
    MEAN_DURATION("mean_duration", true),
    /**
     * Median duration of connected outgoing calls (the lower median), rounded down to the duration bands 1, 5,
     * 10, 15, 30, 60, 120, 300, 600, 1200 seconds.
     */
    MEDIAN_DURATION("median_duration", true),
    /** Share of outgoing calls starting in the night hours. */
    NIGHT_RATIO("night_ratio", false),
    /** Calendar days with at least one call of any type. */
    ACTIVE_DAYS("active_days", true),
    /** Outgoing calls / active days. */
    OUT_PER_ACTIVE_DAY("out_per_active_day", true),
    /** Most outgoing calls in one calendar day. */
    MAX_OUT_PER_DAY("max_out_per_day", true),
    /** Most outgoing calls in one clock hour. */
    MAX_OUT_PER_HOUR("max_out_per_hour", true),
    /** Most outgoing calls in one clock hour / mean outgoing calls per clock hour with outgoing calls. */
    HOURLY_BURSTINESS("hourly_burstiness", true),
    /** Most outgoing calls in one day / mean outgoing calls per day with outgoing calls. */
    DAILY_BURSTINESS("daily_burstiness", true),
    /** Share of outgoing calls made in the last days of the window (the late-window length). */
    LATE_OUT_SHARE("late_out_share", false),
    /** Distinct IMEIs (handsets) seen in the subscriber's calls. */
    DISTINCT_IMEIS("distinct_imeis", true),
    /** Distinct IMEIs of the subscriber that at least one other subscriber also used. */
    SHARED_IMEIS("shared_imeis", true),
    /** Distinct places (city and county) of the subscriber's calls. */
    DISTINCT_PLACES("distinct_places", true),
    /** Share of calls with a city outside the subscriber's home city (users file). */
    AWAY_RATIO("away_ratio", false, Source.USERS),
    /**
     * Share of distinct all-digit callees that have another callee of the same subscriber at a numeric distance
     * of 1 to the sequential step: the trace of dialling through a number block.
     */
    SEQUENTIAL_RATIO("sequential_ratio", false),
    /**
     * When the subscriber first appears, as a share of the window (0 = on its first second, near 1 = at its
     * end); calls and SMS count.
     */
    FIRST_ACTIVE("first_active", false),
    /** Numbers registered to the subscriber's ID card (users file), 0 when not given. */
    IDCARD_COUNT("idcard_count", true, Source.USERS),
    /** SMS sent (SMS file). */
    SMS_OUT("sms_out", true, Source.SMS),
    /** SMS received (SMS file). */
    SMS_IN("sms_in", true, Source.SMS);

    /** The input file a feature needs besides the calls file. */
    enum Source {
        CALLS,
        SMS,
        USERS
    }

    private static final Feature[] ALL = values();

    private final String code;
    private final boolean count;
    private final Source source;

    Feature(String code, boolean count) {
        this(code, count, Source.CALLS);
    }

    Feature(String code, boolean count, Source source) {
        this.code = code;
        this.count = count;
        this.source = source;
    }

    /** The short name used in model files, reasons and CSV headers, e.g. {@code short_call_ratio}. */
    public String code() {
        return code;
    }

    /** Whether the feature counts things (unbounded, heavy-tailed) rather than being a ratio in 0..1. */
    public boolean isCount() {
        return count;
    }

    /** The feature with this code, ignoring case. */
    public static Feature ofCode(String code) {
        String wanted = code.toLowerCase(Locale.ROOT);
        for (Feature feature : ALL) {
            if (feature.code.equals(wanted)) {
                return feature;
            }
        }
        throw new IllegalArgumentException("unknown feature '" + code + "'");
    }

    Source source() {
        return source;
    }

    static int count() {
        return ALL.length;
    }

    static Feature at(int ordinal) {
        return ALL[ordinal];
    }
}
