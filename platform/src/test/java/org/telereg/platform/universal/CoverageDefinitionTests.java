package org.telereg.platform.universal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test against the coverage definition. Distances are worked by hand along a meridian,
 * where the haversine distance is R·Δφ: with R = 6371.0088 km, 0.044876° is 4.990 km and 0.045056° is
 * 5.010 km.
 */
class CoverageDefinitionTests {

    private static final double LAT = 30.0;
    private static final double LON = 91.0;
    private static final BigDecimal RADIUS = new BigDecimal("5");
    private static final Instant MAY = Instant.parse("2026-05-01T02:00:00Z");
    private static final Instant JUNE = Instant.parse("2026-06-01T02:00:00Z");

    private static CoverageTest.Site site(String code, double latitude, Plan technology) {
        return new CoverageTest.Site(code, latitude, LON, technology);
    }

    private static CoverageTest.TestPoint point(PlaceKind kind, String name, Integer households, boolean signal) {
        return new CoverageTest.TestPoint(kind, name, households, signal, signal ? Plan.FOUR_G : null, MAY);
    }

    private static List<CoverageTest.TestPoint> everyPlaceHasSignal() {
        return List.of(
                point(PlaceKind.COMMITTEE, "村委会", null, true),
                point(PlaceKind.SCHOOL, "村小学", null, true),
                point(PlaceKind.CLINIC, "卫生室", null, true),
                point(PlaceKind.SETTLEMENT, "上寨组", 20, true));
    }

    @Test
    void haversineAlongAMeridianIsTheRadiusTimesTheLatitudeDifference() {
        assertThat(CoverageTest.distanceKm(LAT, LON, 30.044876, LON)).isCloseTo(4.98999, within(0.00001));
        assertThat(CoverageTest.distanceKm(LAT, LON, 30.045056, LON)).isCloseTo(5.01001, within(0.00001));
        // Lhasa to Beijing, about 2 564 km
        assertThat(CoverageTest.distanceKm(29.65, 91.1, 39.9, 116.4)).isCloseTo(2564.2, within(0.1));
    }

    @Test
    void aSiteAt4point99KmCoversTheVillage() {
        CoverageTest.Result result = CoverageTest.mobile(
                Plan.FOUR_G, LAT, LON, List.of(site("LTE-1", 30.044876, Plan.FOUR_G)), List.of(), RADIUS, 20);

        assertThat(result.passed()).isTrue();
        assertThat(result.basis()).isEqualTo(CoverageTest.Basis.SITE_WITHIN_RADIUS);
        assertThat(result.nearestSite()).isEqualTo("LTE-1");
        assertThat(result.nearestKm()).isEqualByComparingTo("4.990");
    }

    @Test
    void aSiteAt5point01KmDoesNotAndTheReasonSaysHowFar() {
        CoverageTest.Result result = CoverageTest.mobile(
                Plan.FOUR_G, LAT, LON, List.of(site("LTE-2", 30.045056, Plan.FOUR_G)), List.of(), RADIUS, 20);

        assertThat(result.passed()).isFalse();
        assertThat(result.nearestKm()).isEqualByComparingTo("5.010");
        assertThat(result.reasons())
                .anySatisfy(r -> {
                    assertThat(r.code()).isEqualTo("universal.reason.siteTooFar");
                    assertThat(r.arguments()).containsExactly("LTE-2", "5.010", "5");
                })
                .anySatisfy(r -> assertThat(r.code()).isEqualTo("universal.reason.committeeNotTested"));
    }

    @Test
    void theNearestSiteOfASufficientTechnologyCounts() {
        CoverageTest.Result result = CoverageTest.mobile(
                Plan.FIVE_G,
                LAT,
                LON,
                List.of(site("LTE-near", 30.01, Plan.FOUR_G), site("NR-far", 30.2, Plan.FIVE_G)),
                List.of(),
                RADIUS,
                20);

        // A 4G site 1.1 km away does not serve a 5G plan; the 5G site is 22.2 km away.
        assertThat(result.passed()).isFalse();
        assertThat(result.nearestSite()).isEqualTo("NR-far");
        assertThat(CoverageTest.mobile(
                                Plan.FOUR_G, LAT, LON, List.of(site("NR", 30.01, Plan.FIVE_G)), List.of(), RADIUS, 20)
                        .passed())
                .as("a 5G site serves a 4G plan")
                .isTrue();
    }

    @Test
    void withoutANearbySiteEveryPlaceWithSignalPasses() {
        CoverageTest.Result result =
                CoverageTest.mobile(Plan.FOUR_G, LAT, LON, List.of(), everyPlaceHasSignal(), RADIUS, 20);

        assertThat(result.passed()).isTrue();
        assertThat(result.basis()).isEqualTo(CoverageTest.Basis.EVERY_PLACE_HAS_SIGNAL);
        assertThat(result.reasons()).anySatisfy(r -> assertThat(r.code()).isEqualTo("universal.reason.noSite"));
    }

    @Test
    void aSettlementOf19HouseholdsWithoutSignalDoesNotCount() {
        List<CoverageTest.TestPoint> points = new java.util.ArrayList<>(everyPlaceHasSignal());
        points.add(point(PlaceKind.SETTLEMENT, "后山组", 19, false));

        CoverageTest.Result result = CoverageTest.mobile(Plan.FOUR_G, LAT, LON, List.of(), points, RADIUS, 20);

        assertThat(result.passed()).isTrue();
        assertThat(result.reasons()).anySatisfy(r -> {
            assertThat(r.code()).isEqualTo("universal.reason.settlementTooSmall");
            assertThat(r.arguments()).containsExactly("后山组", 19, 20);
        });
    }

    @Test
    void aSettlementOf20HouseholdsWithoutSignalFailsAndIsNamed() {
        List<CoverageTest.TestPoint> points = new java.util.ArrayList<>(everyPlaceHasSignal());
        points.add(point(PlaceKind.SETTLEMENT, "下寨组", 20, false));

        CoverageTest.Result result = CoverageTest.mobile(Plan.FOUR_G, LAT, LON, List.of(), points, RADIUS, 20);

        assertThat(result.passed()).isFalse();
        assertThat(result.placesWithoutSignal()).containsExactly("SETTLEMENT 下寨组");
        assertThat(result.reasons())
                .anySatisfy(r -> assertThat(r.code()).isEqualTo("universal.reason.noSignal.SETTLEMENT"));
    }

    @Test
    void aClinicWithoutSignalFailsAndAMissingCommitteeTestFails() {
        List<CoverageTest.TestPoint> clinicDark =
                List.of(point(PlaceKind.COMMITTEE, "村委会", null, true), point(PlaceKind.CLINIC, "卫生室", null, false));
        List<CoverageTest.TestPoint> noCommittee = List.of(point(PlaceKind.SCHOOL, "村小学", null, true));

        assertThat(CoverageTest.mobile(Plan.FOUR_G, LAT, LON, List.of(), clinicDark, RADIUS, 20)
                        .placesWithoutSignal())
                .containsExactly("CLINIC 卫生室");
        assertThat(CoverageTest.mobile(Plan.FOUR_G, LAT, LON, List.of(), noCommittee, RADIUS, 20)
                        .passed())
                .isFalse();
    }

    @Test
    void a4gSignalDoesNotCoverA5gVillageAndTheLatestTestOfAPlaceDecides() {
        assertThat(CoverageTest.mobile(Plan.FIVE_G, LAT, LON, List.of(), everyPlaceHasSignal(), RADIUS, 20)
                        .passed())
                .isFalse();
        List<CoverageTest.TestPoint> retested = new java.util.ArrayList<>(everyPlaceHasSignal());
        retested.set(2, point(PlaceKind.CLINIC, "卫生室", null, false));
        retested.add(new CoverageTest.TestPoint(PlaceKind.CLINIC, "卫生室", null, true, Plan.FOUR_G, JUNE));

        assertThat(CoverageTest.mobile(Plan.FOUR_G, LAT, LON, List.of(), retested, RADIUS, 20)
                        .passed())
                .isTrue();
    }

    @Test
    void aFibreVillageNeedsFibreAtTheCommitteeAndTheMinimumDownlink() {
        BigDecimal minimum = new BigDecimal("100");
        assertThat(CoverageTest.fibre(new CoverageTest.FibreEvidence(true, new BigDecimal("100")), minimum)
                        .passed())
                .isTrue();
        CoverageTest.Result slow =
                CoverageTest.fibre(new CoverageTest.FibreEvidence(true, new BigDecimal("99.99")), minimum);
        assertThat(slow.passed()).isFalse();
        assertThat(slow.reasons()).anySatisfy(r -> assertThat(r.code()).isEqualTo("universal.reason.downlinkTooLow"));
        assertThat(CoverageTest.fibre(new CoverageTest.FibreEvidence(false, new BigDecimal("500")), minimum)
                        .passed())
                .isFalse();
        assertThat(CoverageTest.fibre(null, minimum).passed()).isFalse();
    }
}
