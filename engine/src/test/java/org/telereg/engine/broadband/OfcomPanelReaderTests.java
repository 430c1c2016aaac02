package org.telereg.engine.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfcomPanelReaderTests {

    private static final LocalDate MAY_2013 = LocalDate.of(2013, 5, 1);

    @TempDir
    Path dir;

    // Expected figures: expected-figures.py in the test resources computes them with Python's csv module.

    @Test
    void aggregates2013PanelByOperatorWithPeakAsBusyHourAndHeadlineAsPlan() throws IOException {
        Path file = SharedData.file("broadband2013.csv");
        SpeedAggregation all = SpeedAggregation.by(GroupBy.YEAR);
        SpeedAggregation byOperator = SpeedAggregation.by(GroupBy.OPERATOR);

        ImportReport report = MeasurementFiles.readOfcomPanel(file, MAY_2013, ImportSettings.defaults(), m -> {
            all.accept(m);
            byOperator.accept(m);
        });

        assertThat(report.records()).isEqualTo(2390);
        assertThat(report.rejected()).isZero();
        // Two Eclipse DSL lines measured above 35 Mbit/s, more than ADSL2+ can carry.
        assertThat(report.excludedByReason()).isEqualTo(Map.of(Implausibility.ABOVE_TECHNOLOGY_CEILING, 2L));
        assertThat(report.firstExcluded()).extracting(Exclusion::line).containsExactly(535L, 1368L);
        SpeedAggregate year = all.results().get(0);
        assertThat(year.key().period()).isEqualTo("2013");
        assertThat(year.count()).isEqualTo(2388);
        assertThat(year.meanMbps()).isCloseTo(37.350586, within(1e-6));
        assertThat(year.medianMbps()).isCloseTo(33.0125, within(1e-5));
        assertThat(year.p10Mbps()).isCloseTo(3.6437, within(1e-5));
        assertThat(year.p90Mbps()).isCloseTo(73.2288, within(1e-4));
        assertThat(year.busyHourCount()).isEqualTo(2326);
        assertThat(year.busyHourMeanMbps()).isCloseTo(36.131082, within(1e-6));
        assertThat(year.underPlanShare()).isCloseTo(0.879397, within(1e-6));
        SpeedAggregate virgin = aggregateOf(byOperator, "Virgin");
        assertThat(virgin.count()).isEqualTo(457);
        assertThat(virgin.meanMbps()).isCloseTo(68.843079, within(1e-6));
        assertThat(virgin.medianMbps()).isCloseTo(61.651, within(1e-5));
        assertThat(virgin.busyHourMeanMbps()).isCloseTo(65.973089, within(1e-6));
        assertThat(virgin.underPlanShare()).isCloseTo(0.439825, within(1e-6));
        assertThat(aggregateOf(byOperator, "BT").underPlanShare()).isCloseTo(0.985, within(1e-9));
    }

    @Test
    void reads2014LayoutWithLossAsFractionAndHeadlineSpeedsAsPlans() throws IOException {
        Path file = SharedData.file("broadband2014.csv");
        SpeedAggregation byOperator = SpeedAggregation.by(GroupBy.OPERATOR);
        List<Measurement> read = new ArrayList<>();

        ImportReport report =
                MeasurementFiles.readOfcomPanel(file, LocalDate.of(2014, 5, 1), ImportSettings.defaults(), m -> {
                    read.add(m);
                    byOperator.accept(m);
                });

        assertThat(report.records()).isEqualTo(1971);
        assertThat(report.accepted()).isEqualTo(1969);
        Measurement first = read.get(0);
        assertThat(first.operator()).isEqualTo("Virgin");
        assertThat(first.technology()).isEqualTo(Technology.CABLE);
        assertThat(first.downloadMbps()).isEqualTo(46.9844);
        assertThat(first.busyHourDownloadMbps()).isEqualTo(39.5455);
        assertThat(first.planMbps()).isEqualTo(60);
        assertThat(read.get(2).loss()).isEqualTo(0.002);
        SpeedAggregate bt = aggregateOf(byOperator, "BT");
        assertThat(bt.count()).isEqualTo(520);
        assertThat(bt.meanMbps()).isCloseTo(48.894054, within(1e-6));
        assertThat(bt.p90Mbps()).isCloseTo(74.11688, within(1e-4));
        assertThat(bt.busyHourMeanMbps()).isCloseTo(46.93496, within(1e-6));
        assertThat(bt.underPlanShare()).isCloseTo(0.961538, within(1e-6));
    }

    @Test
    void readsPercentLossAndFibreKindOf2013() throws IOException {
        Path file = SharedData.file("broadband2013.csv");
        List<Measurement> read = new ArrayList<>();

        MeasurementFiles.readOfcomPanel(file, MAY_2013, ImportSettings.defaults(), read::add);

        assertThat(read.get(1).loss()).isCloseTo(0.0016, within(1e-12));
        assertThat(read)
                .filteredOn(m -> m.operator().equals("FTTP"))
                .hasSize(24)
                .allSatisfy(m -> assertThat(m.technology()).isEqualTo(Technology.FIBRE));
        assertThat(read)
                .filteredOn(m -> m.operator().equals("FTTC"))
                .allSatisfy(m -> assertThat(m.technology()).isEqualTo(Technology.VDSL));
    }

    @Test
    void refusesTheGenericCsvNamingTheMissingPanelColumns() throws IOException {
        Path file = dir.resolve("generic.csv");
        Files.writeString(file, "time,download\n2024-05-01 08:00,100\n");

        assertThatThrownBy(() -> MeasurementFiles.readOfcomPanel(file, MAY_2013, ImportSettings.defaults(), m -> {}))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("not an Ofcom panel file: the header lacks ISP, Technology, Headline.speed,"
                        + " Download.speed..Mbit.s..24.hour");
    }

    @Test
    void refusesAnEmptyFile() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "");

        assertThatThrownBy(() -> MeasurementFiles.readOfcomPanel(file, MAY_2013, ImportSettings.defaults(), m -> {}))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessage(file + ": the file is empty: no header line");
    }

    @Test
    void rejectsPanelRowWithoutA24HourDownload() throws IOException {
        Path file = dir.resolve("panel.csv");
        Files.writeString(file, """
                "ISP","Technology","Headline.speed","Download.speed..Mbit.s..24.hrs","Download.speed..Mbit.s..8.10pm.weekday","Upload.speed..Mbit.s.24.hour","Latency..ms.24.hour","Packet.loss....24.hour"
                "BT","FTTC",80,#NULL!,40,10,20,0
                "BT","Satellite",80,50,40,10,20,0
                "BT","FTTC",80,50,NA,10,20,0
                """);
        List<Measurement> read = new ArrayList<>();

        ImportReport report = MeasurementFiles.readOfcomPanel(file, MAY_2013, ImportSettings.defaults(), read::add);

        assertThat(report.firstRejected())
                .extracting(RejectedRow::toString)
                .containsExactly(
                        "line 2: Download 24 hour: missing [\"BT\",\"FTTC\",80,#NULL!,40,10,20,0]",
                        "line 3: Technology: \"Satellite\" is not a known technology [\"BT\",\"Satellite\",80,50,40,10,20,0]");
        assertThat(read)
                .singleElement()
                .satisfies(m -> assertThat(m.busyHourDownloadMbps()).isNaN());
    }

    private static SpeedAggregate aggregateOf(SpeedAggregation aggregation, String operator) {
        return aggregation.results().stream()
                .filter(a -> a.key().operator().equals(operator))
                .findFirst()
                .orElseThrow();
    }
}
