package org.telereg.engine.fraud;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The behaviour of one {@link Archetype} as a range per {@link Param}; each simulated subscriber draws its own
 * value from each range, so that no two couriers behave alike. docs/fraud-archetypes.md explains the choices.
 */
final class Profile {

    enum Param {
        /** Mean outgoing calls per active day. */
        OUT_PER_DAY,
        /** Mean incoming calls per active day, besides callbacks. */
        IN_PER_DAY,
        /** Share of incoming calls from numbers never seen before. */
        IN_STRANGERS,
        /** Share of outgoing calls to a number never called before. */
        STRANGERS,
        /** Share of outgoing calls that redial a stranger called before. */
        REDIAL,
        /** Size of the circle of contacts. */
        CONTACTS,
        /** Probability that an outgoing call connects. */
        CONNECT,
        /** Share of connected outgoing calls that last 1–14 s. */
        SHORT,
        /** Median duration of the other connected calls, seconds. */
        DURATION,
        /** Share of calls between midnight and 6 o'clock. */
        NIGHT,
        /** First and last hour of the working day. */
        HOUR_FROM,
        HOUR_TO,
        /** Share of the day's calls packed into one dense hour. */
        SESSION,
        /** Activity on Saturdays and Sundays relative to weekdays. */
        WEEKEND,
        /** Probability that a called stranger calls back the same day. */
        CALLBACK,
        /** Share of calls to strangers dialled in sequence through a number block. */
        SEQUENTIAL,
        /** Handsets used over the window. */
        DEVICES,
        /** Probability of using a handset shared with other subscribers (group device). */
        SHARED_DEVICE,
        /** Distinct places of the calls. */
        PLACES,
        /** Share of calls from outside the home city. */
        AWAY,
        /** When in the window the subscriber starts, 0..1. */
        FIRST,
        /** Numbers registered to the owner's ID card. */
        IDCARDS,
        /** SMS sent and received per day. */
        SMS_OUT,
        SMS_IN,
        /** When a burst of dialling starts, 0..1 (1 = no burst), and by what factor it multiplies calls. */
        BURST_START,
        BURST_FACTOR,
        /** Probability of being active on a given day. */
        ACTIVE
    }

    private static final Param[] PARAMS = Param.values();
    private static final Map<Archetype, Profile> PROFILES = new EnumMap<>(Archetype.class);
    private static final Map<Archetype, Archetype> COUNTERPARTS = new EnumMap<>(Archetype.class);

    static {
        // Columns follow Param: low and high bound of each range.
        define(
                Archetype.ORDINARY,
                2,
                8,
                2,
                7,
                0.05,
                0.2,
                0.05,
                0.15,
                0,
                0,
                15,
                60,
                0.85,
                0.95,
                0.05,
                0.15,
                60,
                150,
                0.01,
                0.05,
                7,
                9,
                21,
                23,
                0,
                0.1,
                1,
                1.2,
                0.5,
                0.8,
                0,
                0,
                1,
                1.2,
                0,
                0.02,
                1,
                3,
                0,
                0.05,
                0,
                0,
                1,
                2,
                0.2,
                1,
                2,
                5,
                1,
                1,
                1,
                1,
                0.85,
                1);
        define(
                Archetype.COURIER,
                25,
                70,
                8,
                25,
                0.6,
                0.8,
                0.7,
                0.9,
                0.1,
                0.3,
                20,
                50,
                0.75,
                0.9,
                0.3,
                0.6,
                20,
                40,
                0,
                0.01,
                8,
                9,
                19,
                21,
                0.1,
                0.3,
                0.8,
                1,
                0.2,
                0.45,
                0,
                0,
                1,
                1.2,
                0,
                0,
                3,
                7,
                0,
                0.1,
                0,
                0,
                1,
                2,
                1,
                5,
                2,
                6,
                1,
                1,
                1,
                1,
                0.85,
                1);
        define(
                Archetype.RIDE_HAILING,
                10,
                30,
                6,
                18,
                0.6,
                0.8,
                0.7,
                0.9,
                0.05,
                0.15,
                15,
                40,
                0.8,
                0.95,
                0.3,
                0.5,
                20,
                50,
                0.05,
                0.15,
                6,
                8,
                22,
                24,
                0.1,
                0.2,
                1,
                1.3,
                0.3,
                0.5,
                0,
                0,
                1,
                1.2,
                0,
                0,
                6,
                14,
                0.1,
                0.3,
                0,
                0,
                1,
                2,
                0.5,
                2,
                2,
                5,
                1,
                1,
                1,
                1,
                0.7,
                0.95);
        define(
                Archetype.TELEMARKETER,
                80,
                220,
                2,
                8,
                0.4,
                0.6,
                0.85,
                0.95,
                0.05,
                0.15,
                10,
                30,
                0.3,
                0.55,
                0.3,
                0.6,
                30,
                90,
                0,
                0.01,
                9,
                9.5,
                17.5,
                18,
                0.3,
                0.6,
                0,
                0.1,
                0.03,
                0.1,
                0,
                0.05,
                1,
                1,
                0,
                0.4,
                1,
                2,
                0,
                0.05,
                0,
                0.1,
                1,
                2,
                0,
                1,
                1,
                3,
                1,
                1,
                1,
                1,
                0.9,
                1);
        define(
                Archetype.BUSINESS_OWNER,
                15,
                45,
                15,
                45,
                0.3,
                0.5,
                0.2,
                0.4,
                0.1,
                0.3,
                150,
                400,
                0.85,
                0.95,
                0.1,
                0.25,
                90,
                240,
                0.02,
                0.08,
                7,
                8,
                21,
                23,
                0,
                0.1,
                0.6,
                1,
                0.4,
                0.7,
                0,
                0,
                1,
                2,
                0,
                0,
                2,
                5,
                0.05,
                0.2,
                0,
                0,
                1,
                4,
                1,
                5,
                3,
                8,
                1,
                1,
                1,
                1,
                0.9,
                1);
        define(
                Archetype.NEW_SIM,
                2,
                10,
                1,
                6,
                0.1,
                0.3,
                0.1,
                0.3,
                0,
                0,
                5,
                25,
                0.8,
                0.95,
                0.05,
                0.2,
                40,
                120,
                0.01,
                0.06,
                7,
                9,
                21,
                23,
                0,
                0.1,
                1,
                1.2,
                0.4,
                0.7,
                0,
                0,
                1,
                1.5,
                0,
                0,
                1,
                3,
                0,
                0.1,
                0.3,
                0.9,
                1,
                3,
                0.2,
                1,
                2,
                5,
                1,
                1,
                1,
                1,
                0.85,
                1);
        define(
                Archetype.TRAVELLER,
                3,
                10,
                2,
                8,
                0.1,
                0.25,
                0.1,
                0.25,
                0,
                0,
                15,
                50,
                0.8,
                0.95,
                0.05,
                0.2,
                60,
                150,
                0.02,
                0.1,
                7,
                9,
                21,
                23.5,
                0,
                0.1,
                1,
                1.2,
                0.5,
                0.8,
                0,
                0,
                1,
                2,
                0,
                0,
                8,
                20,
                0.5,
                0.9,
                0,
                0,
                1,
                2,
                0.2,
                1,
                2,
                6,
                1,
                1,
                1,
                1,
                0.85,
                1);
        define(
                Archetype.MASS_DIALER,
                80,
                300,
                0.5,
                4,
                0.3,
                0.6,
                0.95,
                1,
                0,
                0.05,
                3,
                10,
                0.1,
                0.35,
                0.6,
                0.9,
                10,
                40,
                0.05,
                0.2,
                8,
                10,
                20,
                23,
                0.3,
                0.7,
                1,
                1,
                0.01,
                0.05,
                0.3,
                0.9,
                1,
                3,
                0,
                0,
                1,
                2,
                0,
                0.2,
                0,
                0.7,
                2,
                5,
                0,
                0.2,
                0.5,
                2,
                1,
                1,
                1,
                1,
                0.8,
                1);
        define(
                Archetype.IMPERSONATOR,
                15,
                50,
                0.5,
                3,
                0.3,
                0.6,
                0.8,
                0.95,
                0.2,
                0.4,
                3,
                10,
                0.35,
                0.6,
                0.3,
                0.5,
                60,
                400,
                0.02,
                0.1,
                9,
                10,
                18,
                22,
                0.1,
                0.4,
                0.8,
                1,
                0.02,
                0.08,
                0,
                0.2,
                2,
                4,
                0,
                0,
                1,
                3,
                0.6,
                1,
                0,
                0.5,
                2,
                5,
                0,
                0.3,
                0.5,
                2,
                1,
                1,
                1,
                1,
                0.5,
                0.85);
        define(
                Archetype.SIM_BOX,
                40,
                150,
                0.2,
                2,
                0.3,
                0.6,
                0.95,
                1,
                0,
                0.03,
                2,
                6,
                0.15,
                0.4,
                0.5,
                0.8,
                15,
                60,
                0.05,
                0.2,
                8,
                10,
                20,
                23,
                0.2,
                0.5,
                1,
                1,
                0.01,
                0.04,
                0.1,
                0.5,
                1,
                2,
                0.85,
                1,
                1,
                1,
                0,
                0.05,
                0,
                0.6,
                3,
                6,
                0,
                0.1,
                0,
                1,
                1,
                1,
                1,
                1,
                0.85,
                1);
        define(
                Archetype.RAISED_CARD,
                1,
                4,
                1,
                3,
                0.05,
                0.15,
                0,
                0.1,
                0,
                0,
                3,
                8,
                0.85,
                0.95,
                0.05,
                0.15,
                60,
                180,
                0.01,
                0.05,
                8,
                10,
                20,
                22,
                0,
                0.1,
                1,
                1.2,
                0.5,
                0.8,
                0,
                0,
                1,
                2,
                0,
                0,
                1,
                2,
                0,
                0.2,
                0,
                0.3,
                2,
                5,
                0.2,
                1,
                1,
                4,
                0.7,
                0.9,
                30,
                80,
                0.85,
                1);
        COUNTERPARTS.put(Archetype.MASS_DIALER, Archetype.TELEMARKETER);
        COUNTERPARTS.put(Archetype.SIM_BOX, Archetype.TELEMARKETER);
        COUNTERPARTS.put(Archetype.IMPERSONATOR, Archetype.BUSINESS_OWNER);
        COUNTERPARTS.put(Archetype.RAISED_CARD, Archetype.NEW_SIM);
        COUNTERPARTS.put(Archetype.TELEMARKETER, Archetype.MASS_DIALER);
        COUNTERPARTS.put(Archetype.COURIER, Archetype.MASS_DIALER);
        COUNTERPARTS.put(Archetype.RIDE_HAILING, Archetype.IMPERSONATOR);
        COUNTERPARTS.put(Archetype.BUSINESS_OWNER, Archetype.IMPERSONATOR);
        COUNTERPARTS.put(Archetype.NEW_SIM, Archetype.RAISED_CARD);
        COUNTERPARTS.put(Archetype.TRAVELLER, Archetype.IMPERSONATOR);
    }

    private final double[] low;
    private final double[] high;

    private Profile(double[] low, double[] high) {
        this.low = low;
        this.high = high;
    }

    private static void define(Archetype archetype, double... bounds) {
        if (bounds.length != 2 * PARAMS.length) {
            throw new IllegalStateException(
                    archetype + ": " + bounds.length + " bounds for " + PARAMS.length + " ranges");
        }
        double[] low = new double[PARAMS.length];
        double[] high = new double[PARAMS.length];
        for (int i = 0; i < PARAMS.length; i++) {
            low[i] = bounds[2 * i];
            high[i] = bounds[2 * i + 1];
        }
        PROFILES.put(archetype, new Profile(low, high));
    }

    /**
     * The archetype a fraud archetype most resembles among the legitimate ones, or the reverse; null for {@link
     * Archetype#ORDINARY}.
     */
    static Archetype counterpart(Archetype archetype) {
        return COUNTERPARTS.get(archetype);
    }

    /**
     * The profile of {@code archetype}, moved {@code shift} of the way towards its counterpart's: fraud evading
     * detection by behaving more like the legitimate look-alike, look-alikes calling more like fraud. A
     * look-alike keeps its own mechanisms (dialling in sequence, shared devices): it becomes busier, not a
     * different kind of subscriber.
     */
    static Profile of(Archetype archetype, double shift) {
        Profile profile = PROFILES.get(archetype);
        Archetype counterpart = COUNTERPARTS.get(archetype);
        if (shift == 0 || counterpart == null) {
            return profile;
        }
        Profile other = PROFILES.get(counterpart);
        double[] low = profile.low.clone();
        double[] high = profile.high.clone();
        for (int i = 0; i < PARAMS.length; i++) {
            if (archetype.fraud() || !isMechanism(PARAMS[i])) {
                low[i] += shift * (other.low[i] - profile.low[i]);
                high[i] += shift * (other.high[i] - profile.high[i]);
            }
        }
        return new Profile(low, high);
    }

    /** Parameters that switch a behaviour on rather than set its rate. */
    static boolean isMechanism(Param param) {
        return param == Param.SEQUENTIAL
                || param == Param.SHARED_DEVICE
                || param == Param.BURST_START
                || param == Param.BURST_FACTOR;
    }

    /** One subscriber's values: one draw from each range. */
    double[] draw(SplittableRandom random) {
        double[] values = new double[PARAMS.length];
        for (int i = 0; i < PARAMS.length; i++) {
            values[i] = low[i] == high[i] ? low[i] : low[i] + random.nextDouble() * (high[i] - low[i]);
        }
        return values;
    }

    /**
     * One subscriber's values, each rate parameter taken with probability {@code mix} from {@code other}'s
     * ranges instead: real subscribers are rarely typical on every signal at once.
     */
    double[] draw(SplittableRandom random, Profile other, double mix) {
        double[] values = draw(random);
        double[] alternative = other.draw(random);
        for (int i = 0; i < PARAMS.length; i++) {
            if (!isMechanism(PARAMS[i]) && random.nextDouble() < mix) {
                values[i] = alternative[i];
            }
        }
        return values;
    }
}
