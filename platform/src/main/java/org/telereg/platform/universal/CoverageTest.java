package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The acceptance test against the coverage definition of the universal-service pilot. A 4G (or 5G)
 * village passes when a base site of at least that technology lies within the batch's radius of the
 * village committee, or when the committee, every school, every clinic and every settlement of at
 * least the batch's minimum households have signal of that technology. A fibre village passes when
 * fibre reaches the committee and the measured downlink reaches the batch's minimum. Every outcome
 * carries its reasons, so a failed village knows what to fix.
 */
public final class CoverageTest {

    /** Mean Earth radius (IUGG), the sphere the haversine distance is measured on. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    /** An operator's base site. */
    public record Site(String code, double latitude, double longitude, Plan technology) {}

    /**
     * One signal test at a place of the village.
     *
     * @param households the settlement's households (other places: null)
     * @param technology the technology of the signal found (null when there was none)
     */
    public record TestPoint(
            PlaceKind kind, String name, Integer households, boolean signal, Plan technology, Instant testedAt) {}

    /** What the acceptance record of a fibre village states. */
    public record FibreEvidence(boolean reachesCommittee, BigDecimal downlinkMbps) {}

    /** Why the test passed or failed, as a message code with its arguments. */
    public record Reason(String code, Object[] arguments) {}

    /** Which part of the definition a village passed on. */
    public enum Basis {
        SITE_WITHIN_RADIUS,
        EVERY_PLACE_HAS_SIGNAL,
        FIBRE,
        NONE
    }

    /**
     * The outcome.
     *
     * @param nearestSite the code of the nearest site of a sufficient technology (null when none)
     * @param nearestKm its distance from the committee in km, three decimals (null when none)
     * @param placesWithoutSignal the places that lack signal, as {@code KIND name}
     */
    public record Result(
            boolean passed,
            Basis basis,
            List<Reason> reasons,
            String nearestSite,
            BigDecimal nearestKm,
            List<String> placesWithoutSignal) {}

    private CoverageTest() {}

    /**
     * Great-circle distance in km by the haversine formula on a sphere of {@link #EARTH_RADIUS_KM}:
     * {@code 2R·asin(√(sin²(Δφ/2) + cos φ1 · cos φ2 · sin²(Δλ/2)))}. Over the 5 km of the rule the
     * sphere differs from the WGS-84 ellipsoid by less than 0.5 %.
     */
    public static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = Math.toRadians(lat2 - lat1);
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Tests a 4G or 5G village. */
    public static Result mobile(
            Plan plan,
            double committeeLatitude,
            double committeeLongitude,
            List<Site> sites,
            List<TestPoint> points,
            BigDecimal radiusKm,
            int minimumHouseholds) {
        List<Reason> reasons = new ArrayList<>();
        Site nearest = null;
        double nearestKm = Double.MAX_VALUE;
        for (Site site : sites) {
            if (!site.technology().serves(plan)) {
                continue;
            }
            double km = distanceKm(committeeLatitude, committeeLongitude, site.latitude(), site.longitude());
            if (km < nearestKm) {
                nearest = site;
                nearestKm = km;
            }
        }
        BigDecimal shownKm =
                nearest == null ? null : BigDecimal.valueOf(nearestKm).setScale(3, RoundingMode.HALF_UP);
        boolean siteWithin = nearest != null && nearestKm <= radiusKm.doubleValue();
        if (nearest == null) {
            reasons.add(new Reason("universal.reason.noSite", new Object[] {plan.code()}));
        } else if (siteWithin) {
            reasons.add(new Reason(
                    "universal.reason.siteWithin",
                    new Object[] {nearest.code(), shownKm.toPlainString(), radius(radiusKm)}));
        } else {
            reasons.add(new Reason(
                    "universal.reason.siteTooFar",
                    new Object[] {nearest.code(), shownKm.toPlainString(), radius(radiusKm)}));
        }

        // The latest test of each place decides whether it has signal now.
        Map<String, TestPoint> latest = new LinkedHashMap<>();
        points.stream()
                .sorted(Comparator.comparing(TestPoint::testedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(point -> latest.put(point.kind() + " " + point.name(), point));
        List<String> without = new ArrayList<>();
        boolean committeeTested = false;
        for (Map.Entry<String, TestPoint> entry : latest.entrySet()) {
            TestPoint point = entry.getValue();
            if (point.kind() == PlaceKind.COMMITTEE) {
                committeeTested = true;
            }
            if (point.kind() == PlaceKind.SETTLEMENT
                    && (point.households() == null || point.households() < minimumHouseholds)) {
                reasons.add(new Reason("universal.reason.settlementTooSmall", new Object[] {
                    point.name(), point.households() == null ? 0 : point.households(), minimumHouseholds
                }));
                continue;
            }
            boolean covered = point.signal()
                    && point.technology() != null
                    && point.technology().serves(plan);
            if (!covered) {
                without.add(entry.getKey());
                reasons.add(new Reason("universal.reason.noSignal." + point.kind(), new Object[] {point.name()}));
            }
        }
        if (!committeeTested) {
            reasons.add(new Reason("universal.reason.committeeNotTested", new Object[0]));
        }
        boolean everyPlace = committeeTested && without.isEmpty();
        if (everyPlace) {
            reasons.add(new Reason("universal.reason.everyPlaceHasSignal", new Object[] {latest.size()}));
        }
        Basis basis = siteWithin ? Basis.SITE_WITHIN_RADIUS : everyPlace ? Basis.EVERY_PLACE_HAS_SIGNAL : Basis.NONE;
        return new Result(
                basis != Basis.NONE,
                basis,
                List.copyOf(reasons),
                nearest == null ? null : nearest.code(),
                shownKm,
                List.copyOf(without));
    }

    /** Tests a fibre village on what its acceptance record states. */
    public static Result fibre(FibreEvidence evidence, BigDecimal minimumMbps) {
        List<Reason> reasons = new ArrayList<>();
        boolean reaches = evidence != null && evidence.reachesCommittee();
        BigDecimal downlink = evidence == null ? null : evidence.downlinkMbps();
        if (!reaches) {
            reasons.add(new Reason("universal.reason.fibreNotAtCommittee", new Object[0]));
        }
        boolean fast = downlink != null && downlink.compareTo(minimumMbps) >= 0;
        if (downlink == null) {
            reasons.add(new Reason("universal.reason.downlinkMissing", new Object[] {radius(minimumMbps)}));
        } else if (!fast) {
            reasons.add(new Reason(
                    "universal.reason.downlinkTooLow",
                    new Object[] {downlink.stripTrailingZeros().toPlainString(), radius(minimumMbps)}));
        } else {
            reasons.add(new Reason(
                    "universal.reason.downlinkEnough",
                    new Object[] {downlink.stripTrailingZeros().toPlainString(), radius(minimumMbps)}));
        }
        boolean passed = reaches && fast;
        return new Result(passed, passed ? Basis.FIBRE : Basis.NONE, List.copyOf(reasons), null, null, List.of());
    }

    private static String radius(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
