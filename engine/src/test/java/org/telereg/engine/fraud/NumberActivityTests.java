package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumberActivityTests {

    private static final FeatureSettings SETTINGS = FraudFeaturesTests.SETTINGS;

    @TempDir
    Path dir;

    @Test
    void daysAddUpToTheWindowFeaturesOfEverySubscriberOnRandomInput() throws IOException {
        for (long seed = 1; seed <= 12; seed++) {
            RandomCdrs input = RandomCdrs.write(dir, seed, seed <= 10 ? 40 * (int) seed : 4_000);
            FeatureTable table = FraudFeatures.with(SETTINGS)
                    .extract(CdrFiles.calls(input.calls))
                    .features();
            List<String> subscribers = new ArrayList<>();
            for (int row = 0; row < table.size(); row++) {
                subscribers.add(table.subscriber(row));
            }
            NumberActivity activity = NumberActivity.read(input.calls, subscribers, SETTINGS);
            for (int row = 0; row < table.size(); row++) {
                String subscriber = table.subscriber(row);
                String where = "seed " + seed + ", subscriber " + subscriber;
                List<DayActivity> days = activity.days(subscriber);
                int out = days.stream().mapToInt(DayActivity::outgoing).sum();
                assertThat(out).as(where).isEqualTo((int) table.value(row, Feature.OUT_CALLS));
                assertThat(days.stream().mapToInt(DayActivity::incoming).sum())
                        .as(where)
                        .isEqualTo((int) table.value(row, Feature.IN_CALLS));
                assertThat(days.stream().mapToInt(DayActivity::forwarded).sum())
                        .as(where)
                        .isEqualTo((int) table.value(row, Feature.FORWARDED_CALLS));
                assertThat(days).as(where).hasSize((int) table.value(row, Feature.ACTIVE_DAYS));
                assertThat(days.stream().mapToInt(DayActivity::outgoing).max().orElse(0))
                        .as(where)
                        .isEqualTo((int) table.value(row, Feature.MAX_OUT_PER_DAY));
                if (out > 0) {
                    int connected =
                            days.stream().mapToInt(DayActivity::connected).sum();
                    int night = days.stream().mapToInt(DayActivity::nightCalls).sum();
                    assertThat((double) connected / out)
                            .as(where)
                            .isCloseTo(table.value(row, Feature.CONNECTED_RATIO), offset(1e-6));
                    assertThat((double) night / out)
                            .as(where)
                            .isCloseTo(table.value(row, Feature.NIGHT_RATIO), offset(1e-6));
                }
                int mostDistinctInADay = days.stream()
                        .mapToInt(DayActivity::distinctCallees)
                        .max()
                        .orElse(0);
                int distinctOverDays =
                        days.stream().mapToInt(DayActivity::distinctCallees).sum();
                assertThat(mostDistinctInADay).as(where).isLessThanOrEqualTo((int)
                        table.value(row, Feature.DISTINCT_CALLEES));
                assertThat(distinctOverDays).as(where).isGreaterThanOrEqualTo((int)
                        table.value(row, Feature.DISTINCT_CALLEES));
                assertThat(activity.sharedDevices(subscriber)).as(where).hasSize((int)
                        table.value(row, Feature.SHARED_IMEIS));
            }
        }
    }

    @Test
    void countsEachDayAndNamesTheOtherUsersOfEachHandsetFromAGzipFile() throws IOException {
        Path calls = dir.resolve("calls.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(calls))) {
            out.write(String.join(
                            "\n",
                            "imei_m,phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name",
                            "IMEI-A,13900000001,13800000001,1,2026-11-01 02:10:00,5,成都,锦江区",
                            "IMEI-A,13900000001,13800000001,1,2026-11-01 09:00:00,0,成都,锦江区",
                            "IMEI-A,13900000001,13800000002,1,2026-11-01 23:59:59,40,成都,锦江区",
                            "IMEI-B,13900000001,13800000009,2,2026-11-02 10:00:00,60,成都,锦江区",
                            "\"IMEI-A\",13900000002,\"13800000001\",1,2026-11-02 11:00:00,3,成都,\"青羊区\"",
                            "IMEI-A,13900000003,13800000001,1,2026-11-02 12:00:00,3,成都,青羊区",
                            "IMEI-B,13900000004,13800000001,1,2026-11-30 12:00:00,3,成都,青羊区",
                            "IMEI-C,13900000001,13800000001,1,2026-13-01 12:00:00,3,成都,青羊区",
                            "IMEI-D,13900000001,13800000001,1,2026-11-03",
                            "")
                    .getBytes(StandardCharsets.UTF_8));
        }

        NumberActivity activity = NumberActivity.read(calls, List.of("13900000001", "13900000005"), SETTINGS);

        assertThat(activity.days("13900000001"))
                .containsExactly(
                        new DayActivity(LocalDate.of(2026, 11, 1), 3, 0, 0, 2, 2, 1, 1, 45),
                        new DayActivity(LocalDate.of(2026, 11, 2), 0, 1, 0, 0, 0, 0, 0, 0));
        assertThat(activity.sharedDevices("13900000001"))
                .containsExactly(
                        new SharedDevice("IMEI-A", List.of("13900000002", "13900000003")),
                        new SharedDevice("IMEI-B", List.of("13900000004")));
        assertThat(activity.days("13900000005")).isEmpty();
        assertThat(activity.sharedDevices("13900000005")).isEmpty();
        assertThat(activity.days("13900000002")).as("not asked for").isEmpty();
    }

    @Test
    void refusesAFileThatIsNotCallRecords() throws IOException {
        Path sms = dir.resolve("sms.csv");
        Files.writeString(sms, "phone_no_m,opposite_no_m,calltype_id,request_datetime\n1,2,1,2026-11-01 00:00:00\n");

        assertThatThrownBy(() -> NumberActivity.read(sms, List.of("1"), SETTINGS))
                .isInstanceOf(CdrFormatException.class)
                .hasMessageContaining("start_datetime");
    }
}
