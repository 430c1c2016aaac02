package org.telereg.engine.fraud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Small random CDR files from a seed, built to reach the corners of every feature: subscribers as 11-digit
 * numbers and as tokens of any length, callees close to each other (sequential dialling), a handful of IMEIs
 * shared between subscribers, empty cities, counties and IMEIs, columns in random order with extra columns,
 * and a few malformed rows.
 */
final class RandomCdrs {

    private static final String[] CITIES = {"成都", "绵阳", "德阳", "南充", ""};
    private static final String[] COUNTIES = {"锦江区", "青羊区", "涪城区", "", "旌阳区"};

    final Path calls;
    final Path sms;
    final Path users;

    private final Random random;

    private RandomCdrs(Path dir, long seed) {
        this.calls = dir.resolve("calls-" + seed + ".csv");
        this.sms = dir.resolve("sms-" + seed + ".csv");
        this.users = dir.resolve("users-" + seed + ".csv");
        this.random = new Random(seed);
    }

    static RandomCdrs write(Path dir, long seed, int rows) throws IOException {
        RandomCdrs files = new RandomCdrs(dir, seed);
        files.writeAll(rows);
        return files;
    }

    CdrFiles files() {
        return new CdrFiles(calls, sms, users);
    }

    private void writeAll(int rows) throws IOException {
        int subscriberCount = 3 + random.nextInt(Math.max(4, rows / 10));
        List<String> subscribers = new ArrayList<>();
        for (int i = 0; i < subscriberCount; i++) {
            subscribers.add(number());
        }
        List<String> counterparts = new ArrayList<>();
        long base = 13_800_000_000L + random.nextInt(1000);
        for (int i = 0; i < 40; i++) {
            counterparts.add(random.nextInt(4) == 0 ? token() : Long.toString(base + random.nextInt(60)));
        }
        counterparts.addAll(subscribers.subList(0, Math.min(5, subscribers.size())));
        List<String> imeis = new ArrayList<>();
        for (int i = 0; i < 3 + subscriberCount / 3; i++) {
            imeis.add(String.format(Locale.ROOT, "86%013d", random.nextInt(1_000_000)));
        }

        List<String[]> callRows = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            callRows.add(new String[] {
                pick(subscribers),
                pick(counterparts),
                Integer.toString(1 + random.nextInt(3)),
                time(),
                random.nextInt(3) == 0 ? "0" : Integer.toString(random.nextInt(random.nextBoolean() ? 40 : 2000)),
                pick(CITIES),
                pick(COUNTIES),
                random.nextInt(6) == 0 ? "" : pick(imeis)
            });
        }
        writeShuffled(
                calls,
                List.of(
                        "phone_no_m",
                        "opposite_no_m",
                        "calltype_id",
                        "start_datetime",
                        "call_dur",
                        "city_name",
                        "county_name",
                        "imei_m"),
                callRows);

        List<String[]> smsRows = new ArrayList<>();
        for (int i = 0; i < rows / 3; i++) {
            smsRows.add(
                    new String[] {pick(subscribers), pick(counterparts), Integer.toString(1 + random.nextInt(2)), time()
                    });
        }
        writeShuffled(sms, List.of("phone_no_m", "opposite_no_m", "calltype_id", "request_datetime"), smsRows);

        List<String[]> userRows = new ArrayList<>();
        for (String subscriber : subscribers) {
            if (random.nextInt(4) != 0) {
                userRows.add(new String[] {
                    subscriber,
                    pick(CITIES),
                    pick(COUNTIES),
                    random.nextInt(8) == 0 ? "" : Integer.toString(random.nextInt(9))
                });
            }
        }
        writeShuffled(users, List.of("phone_no_m", "city_name", "county_name", "idcard_cnt"), userRows);
    }

    /** Writes rows with the columns in a random order, an extra column or two, and some broken rows. */
    private void writeShuffled(Path file, List<String> columns, List<String[]> rows) throws IOException {
        List<String> header = new ArrayList<>(columns);
        int extras = random.nextInt(3);
        for (int i = 0; i < extras; i++) {
            header.add("extra_" + i);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        StringBuilder out = new StringBuilder();
        appendRow(out, header.toArray(String[]::new), order);
        for (String[] row : rows) {
            String[] full = new String[header.size()];
            System.arraycopy(row, 0, full, 0, row.length);
            for (int i = row.length; i < full.length; i++) {
                full[i] = "x" + random.nextInt(100);
            }
            switch (random.nextInt(60)) {
                case 0 -> {
                    if (file == users) {
                        full[columns.indexOf("idcard_cnt")] = "n/a";
                    } else {
                        full[columns.indexOf("calltype_id")] = "7";
                    }
                }
                case 1 -> full[columns.indexOf("phone_no_m")] = "";
                case 2 -> {
                    if (file != users) {
                        full[columns.indexOf(file == calls ? "start_datetime" : "request_datetime")] =
                                "2020-02-30 10:00:00";
                    }
                }
                case 3 -> {
                    out.append(full[0]).append('\n');
                    continue;
                }
                case 4 -> out.append('\n');
                default -> {}
            }
            appendRow(out, full, order);
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    private void appendRow(StringBuilder out, String[] fields, List<Integer> order) {
        for (int i = 0; i < order.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(fields[order.get(i)]);
        }
        out.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
    }

    private String number() {
        return random.nextBoolean() ? Long.toString(13_000_000_000L + random.nextInt(1_000_000_000)) : token();
    }

    private String token() {
        StringBuilder token = new StringBuilder();
        int length = 1 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            token.append("0123456789abcdef".charAt(random.nextInt(16)));
        }
        return token.toString();
    }

    private String time() {
        int day = 1 + random.nextInt(10);
        int hour = random.nextInt(24);
        return String.format(
                Locale.ROOT, "2020-03-%02d %02d:%02d:%02d", day, hour, random.nextInt(60), random.nextInt(60));
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] array) {
        return array[random.nextInt(array.length)];
    }
}
