package org.telereg.engine.fraud;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The features computed the slow, obvious way: each line split into Strings, each definition written out over
 * hash maps and sets, one subscriber at a time. Plain CSV only (no quotes, no gzip).
 */
final class ReferenceFeatures {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final int[] BANDS = {1, 5, 10, 15, 30, 60, 120, 300, 600, 1200};

    private final FeatureSettings settings;

    /** Bad line numbers per file kind. */
    final Map<String, List<Long>> badLines = new HashMap<>();

    private final Map<String, Subscriber> subscribers = new TreeMap<>();
    private final Map<String, Integer> idcards = new HashMap<>();
    private final Map<String, String> homeCities = new HashMap<>();
    private final Map<String, Set<String>> imeiUsers = new HashMap<>();

    ReferenceFeatures(FeatureSettings settings) {
        this.settings = settings;
    }

    private static final class Subscriber {
        boolean active;
        int out;
        int in;
        int forwarded;
        final Map<String, Integer> calledTimes = new HashMap<>();
        final Set<String> callers = new HashSet<>();
        final List<Long> connectedDurations = new ArrayList<>();
        int shortCalls;
        int night;
        final Map<Long, Integer> outPerDay = new HashMap<>();
        final Set<Long> days = new HashSet<>();
        final Map<Long, Integer> outPerHour = new HashMap<>();
        final Set<String> imeis = new HashSet<>();
        final Set<String> places = new HashSet<>();
        int cited;
        int away;
        long first = Long.MAX_VALUE;
        int smsOut;
        int smsIn;
    }

    private static String[] header(List<String> lines) {
        String[] names = lines.get(0).replace("\uFEFF", "").split(",", -1);
        for (int i = 0; i < names.length; i++) {
            names[i] = names[i].trim().toLowerCase(Locale.ROOT);
        }
        return names;
    }

    private static int column(String[] names, String name) {
        int at = Arrays.asList(names).indexOf(name);
        if (at < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        return at;
    }

    private static Long time(String text) {
        try {
            return LocalDateTime.parse(text, TIME).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean wholeNumber(String text) {
        return text.matches("[0-9]{1,18}") && Long.parseLong(text) <= Integer.MAX_VALUE;
    }

    private void bad(String kind, long line) {
        badLines.computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
    }

    void users(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] names = header(lines);
        int phone = column(names, "phone_no_m");
        int city = column(names, "city_name");
        int county = column(names, "county_name");
        int idcard = column(names, "idcard_cnt");
        int needed = Math.max(Math.max(phone, city), Math.max(county, idcard)) + 1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < needed || f[phone].isEmpty() || !(f[idcard].isEmpty() || wholeNumber(f[idcard]))) {
                bad("users", i + 1);
                continue;
            }
            idcards.put(f[phone], f[idcard].isEmpty() ? 0 : Integer.parseInt(f[idcard]));
            if (f[city].isEmpty()) {
                homeCities.remove(f[phone]);
            } else {
                homeCities.put(f[phone], f[city]);
            }
        }
    }

    void calls(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] names = header(lines);
        int phone = column(names, "phone_no_m");
        int opposite = column(names, "opposite_no_m");
        int type = column(names, "calltype_id");
        int start = column(names, "start_datetime");
        int dur = column(names, "call_dur");
        int city = column(names, "city_name");
        int county = column(names, "county_name");
        int imei = column(names, "imei_m");
        int needed = 1
                + Arrays.stream(new int[] {phone, opposite, type, start, dur, city, county, imei})
                        .max()
                        .getAsInt();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < needed
                    || f[phone].isEmpty()
                    || f[opposite].isEmpty()
                    || !Set.of("1", "2", "3").contains(f[type])
                    || time(f[start]) == null
                    || !wholeNumber(f[dur])) {
                bad("calls", i + 1);
                continue;
            }
            Subscriber s = subscribers.computeIfAbsent(f[phone], k -> new Subscriber());
            long t = time(f[start]);
            long duration = Long.parseLong(f[dur]);
            seen(t);
            s.active = true;
            s.first = Math.min(s.first, t);
            long day = Math.floorDiv(t, 86_400L);
            s.days.add(day);
            s.outPerDay.putIfAbsent(day, 0);
            switch (f[type]) {
                case "1" -> {
                    s.out++;
                    s.outPerDay.merge(day, 1, Integer::sum);
                    s.outPerHour.merge(Math.floorDiv(t, 3_600L), 1, Integer::sum);
                    if (settings.isNight(LocalDateTime.parse(f[start], TIME).getHour())) {
                        s.night++;
                    }
                    s.calledTimes.merge(f[opposite], 1, Integer::sum);
                    if (duration > 0) {
                        s.connectedDurations.add(duration);
                        if (duration < settings.shortCallSeconds()) {
                            s.shortCalls++;
                        }
                    }
                }
                case "2" -> {
                    s.in++;
                    s.callers.add(f[opposite]);
                }
                default -> s.forwarded++;
            }
            if (!f[imei].isEmpty()) {
                s.imeis.add(f[imei]);
                imeiUsers.computeIfAbsent(f[imei], k -> new HashSet<>()).add(f[phone]);
            }
            if (!f[city].isEmpty() || !f[county].isEmpty()) {
                s.places.add(f[city] + "|" + f[county]);
            }
            String home = homeCities.get(f[phone]);
            if (home != null && !f[city].isEmpty()) {
                s.cited++;
                if (!home.equals(f[city])) {
                    s.away++;
                }
            }
        }
    }

    void sms(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String[] names = header(lines);
        int phone = column(names, "phone_no_m");
        int opposite = column(names, "opposite_no_m");
        int type = column(names, "calltype_id");
        int start = column(names, "request_datetime");
        int needed = 1 + Math.max(Math.max(phone, opposite), Math.max(type, start));
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).replace("\r", "");
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < needed
                    || f[phone].isEmpty()
                    || f[opposite].isEmpty()
                    || !Set.of("1", "2").contains(f[type])
                    || time(f[start]) == null) {
                bad("sms", i + 1);
                continue;
            }
            Subscriber s = subscribers.computeIfAbsent(f[phone], k -> new Subscriber());
            s.active = true;
            s.first = Math.min(s.first, time(f[start]));
            seen(time(f[start]));
            if (f[type].equals("1")) {
                s.smsOut++;
            } else {
                s.smsIn++;
            }
        }
    }

    /** Features by subscriber, in the order of {@link Feature}. */
    Map<String, double[]> features() {
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (Subscriber s : subscribers.values()) {
            start = Math.min(start, s.first);
        }
        // The window ends at the last record of any kind, which is the latest time seen by any subscriber.
        end = lastTime;
        Map<String, double[]> result = new TreeMap<>();
        for (Map.Entry<String, Subscriber> entry : subscribers.entrySet()) {
            Subscriber s = entry.getValue();
            if (!s.active) {
                continue;
            }
            double[] v = new double[Feature.count()];
            int distinctCallees = s.calledTimes.size();
            long repeat = s.calledTimes.values().stream().filter(n -> n >= 2).count();
            long callback =
                    s.calledTimes.keySet().stream().filter(s.callers::contains).count();
            int connected = s.connectedDurations.size();
            v[Feature.OUT_CALLS.ordinal()] = s.out;
            v[Feature.IN_CALLS.ordinal()] = s.in;
            v[Feature.FORWARDED_CALLS.ordinal()] = s.forwarded;
            v[Feature.IN_SHARE.ordinal()] = ratio(s.in, s.in + s.out);
            v[Feature.DISTINCT_CALLEES.ordinal()] = distinctCallees;
            v[Feature.DISTINCT_CALLERS.ordinal()] = s.callers.size();
            v[Feature.CALLEES_PER_CALL.ordinal()] = ratio(distinctCallees, s.out);
            v[Feature.REPEAT_CONTACT_RATIO.ordinal()] = ratio(repeat, distinctCallees);
            v[Feature.CALLBACK_RATIO.ordinal()] = ratio(callback, distinctCallees);
            v[Feature.CONNECTED_RATIO.ordinal()] = ratio(connected, s.out);
            v[Feature.SHORT_CALL_RATIO.ordinal()] = ratio(s.shortCalls, connected);
            v[Feature.MEAN_DURATION.ordinal()] = ratio(
                    s.connectedDurations.stream().mapToLong(Long::longValue).sum(), connected);
            v[Feature.MEDIAN_DURATION.ordinal()] = medianBand(s.connectedDurations);
            v[Feature.NIGHT_RATIO.ordinal()] = ratio(s.night, s.out);
            v[Feature.ACTIVE_DAYS.ordinal()] = s.days.size();
            v[Feature.OUT_PER_ACTIVE_DAY.ordinal()] = ratio(s.out, s.days.size());
            int maxDay = s.outPerDay.values().stream().mapToInt(n -> n).max().orElse(0);
            long outDays = s.outPerDay.values().stream().filter(n -> n > 0).count();
            int maxHour = s.outPerHour.values().stream().mapToInt(n -> n).max().orElse(0);
            v[Feature.MAX_OUT_PER_DAY.ordinal()] = maxDay;
            v[Feature.MAX_OUT_PER_HOUR.ordinal()] = maxHour;
            v[Feature.HOURLY_BURSTINESS.ordinal()] =
                    s.out == 0 ? Double.NaN : maxHour / ((double) s.out / s.outPerHour.size());
            v[Feature.DAILY_BURSTINESS.ordinal()] = s.out == 0 ? Double.NaN : maxDay / ((double) s.out / outDays);
            long lastDay = Math.floorDiv(end, 86_400L);
            int late = s.outPerDay.entrySet().stream()
                    .filter(e -> e.getKey() > lastDay - settings.lateDays())
                    .mapToInt(Map.Entry::getValue)
                    .sum();
            v[Feature.LATE_OUT_SHARE.ordinal()] = ratio(late, s.out);
            v[Feature.DISTINCT_IMEIS.ordinal()] = s.imeis.size();
            v[Feature.SHARED_IMEIS.ordinal()] = s.imeis.stream()
                    .filter(imei -> imeiUsers.get(imei).size() >= 2)
                    .count();
            v[Feature.DISTINCT_PLACES.ordinal()] = s.places.size();
            v[Feature.AWAY_RATIO.ordinal()] = ratio(s.away, s.cited);
            v[Feature.SEQUENTIAL_RATIO.ordinal()] = sequentialRatio(s.calledTimes.keySet());
            v[Feature.FIRST_ACTIVE.ordinal()] = end > start ? (double) (s.first - start) / (end - start) : 0;
            v[Feature.IDCARD_COUNT.ordinal()] = idcards.getOrDefault(entry.getKey(), 0);
            v[Feature.SMS_OUT.ordinal()] = s.smsOut;
            v[Feature.SMS_IN.ordinal()] = s.smsIn;
            result.put(entry.getKey(), v);
        }
        return result;
    }

    private long lastTime = Long.MIN_VALUE;

    /** Records the latest time of every good record; called by the readers through {@link #seen}. */
    void seen(long time) {
        lastTime = Math.max(lastTime, time);
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    private static double medianBand(List<Long> durations) {
        if (durations.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(durations);
        sorted.sort(null);
        long median = sorted.get((sorted.size() - 1) / 2);
        int band = 0;
        for (int i = 0; i < BANDS.length; i++) {
            if (median >= BANDS[i]) {
                band = BANDS[i];
            }
        }
        return band;
    }

    private double sequentialRatio(Set<String> callees) {
        List<Long> numbers = new ArrayList<>();
        for (String callee : callees) {
            if (callee.matches("[0-9]{1,18}")) {
                numbers.add(Long.parseLong(callee));
            }
        }
        int near = 0;
        for (int i = 0; i < numbers.size(); i++) {
            for (int j = 0; j < numbers.size(); j++) {
                long distance = Math.abs(numbers.get(i) - numbers.get(j));
                if (i != j && distance >= 1 && distance <= settings.sequentialStep()) {
                    near++;
                    break;
                }
            }
        }
        return ratio(near, numbers.size());
    }
}
