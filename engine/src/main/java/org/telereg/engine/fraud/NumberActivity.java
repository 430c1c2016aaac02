package org.telereg.engine.fraud;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a few chosen subscribers did day by day, and who else used their handsets: the timeline and the related
 * numbers behind a suspect's page. {@link FraudFeatures} scores every subscriber over the whole window; this reads
 * the same calls file again for the subscribers a scan flagged.
 *
 * <p>Rows are read with the scan's rules (same columns, same validity checks); a row the scan counted as bad is
 * skipped here, since the scan has already reported it. The calls file is read twice: once for the subscribers'
 * days and handsets, once for the other users of those handsets. Memory grows with the chosen subscribers' days
 * and distinct daily callees, not with the file.
 */
public final class NumberActivity {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, TreeMap<LocalDate, Day>> days = new HashMap<>();
    private final Map<String, TreeSet<String>> imeis = new HashMap<>();
    private final Map<String, TreeSet<String>> imeiUsers = new HashMap<>();
    // (subscriber, day, callee) triples seen, as 64-bit hashes: exact for any realistic count (a collision needs
    // about 2^32 triples) and an eighth of the memory of a set of strings.
    private final LongSet dailyCallees = new LongSet();

    private NumberActivity(Collection<String> subscribers) {
        for (String subscriber : subscribers) {
            days.put(subscriber, new TreeMap<>());
            imeis.put(subscriber, new TreeSet<>());
        }
    }

    /**
     * Reads a calls file (plain or gzip CSV in the {@link CdrFiles} schema) for the given subscribers.
     *
     * @throws CdrFormatException when the file is not a calls file
     */
    public static NumberActivity read(Path calls, Collection<String> subscribers, FeatureSettings settings)
            throws IOException {
        NumberActivity activity = new NumberActivity(subscribers);
        if (subscribers.isEmpty()) {
            return activity;
        }
        activity.readDays(calls, settings);
        activity.imeis.values().forEach(set -> set.forEach(imei -> activity.imeiUsers.put(imei, new TreeSet<>())));
        if (!activity.imeiUsers.isEmpty()) {
            activity.readHandsetUsers(calls);
        }
        return activity;
    }

    /** The subscriber's days with at least one call, in date order; empty for a subscriber not asked for. */
    public List<DayActivity> days(String subscriber) {
        TreeMap<LocalDate, Day> byDay = days.get(subscriber);
        if (byDay == null) {
            return List.of();
        }
        List<DayActivity> result = new ArrayList<>(byDay.size());
        byDay.forEach((day, d) -> result.add(new DayActivity(
                day, d.outgoing, d.incoming, d.forwarded, d.callees, d.connected, d.shortCalls, d.night, d.seconds)));
        return result;
    }

    /**
     * The subscriber's handsets that other subscribers also used, in IMEI order, each with those other
     * subscribers in order; handsets nobody else used are left out.
     */
    public List<SharedDevice> sharedDevices(String subscriber) {
        List<SharedDevice> shared = new ArrayList<>();
        for (String imei : imeis.getOrDefault(subscriber, new TreeSet<>())) {
            List<String> others = new ArrayList<>(imeiUsers.get(imei));
            others.remove(subscriber);
            if (!others.isEmpty()) {
                shared.add(new SharedDevice(imei, others));
            }
        }
        return shared;
    }

    private void readDays(Path calls, FeatureSettings settings) throws IOException {
        forEachRow(calls, f -> {
            TreeMap<LocalDate, Day> byDay = days.get(f[InputKind.PHONE]);
            if (byDay == null) {
                return;
            }
            LocalDateTime start = LocalDateTime.parse(f[InputKind.START], TIME);
            long duration = Long.parseLong(f[InputKind.DURATION]);
            Day day = byDay.computeIfAbsent(start.toLocalDate(), d -> new Day());
            switch (f[InputKind.CALL_TYPE]) {
                case "1" -> {
                    day.outgoing++;
                    if (settings.isNight(start.getHour())) {
                        day.night++;
                    }
                    if (duration > 0) {
                        day.connected++;
                        day.seconds += duration;
                        if (duration < settings.shortCallSeconds()) {
                            day.shortCalls++;
                        }
                    }
                    long triple = hash(f[InputKind.PHONE], start.toLocalDate().toEpochDay(), f[InputKind.OPPOSITE]);
                    if (dailyCallees.add(triple)) {
                        day.callees++;
                    }
                }
                case "2" -> day.incoming++;
                default -> day.forwarded++;
            }
            if (!f[InputKind.IMEI].isEmpty()) {
                imeis.get(f[InputKind.PHONE]).add(f[InputKind.IMEI]);
            }
        });
    }

    private void readHandsetUsers(Path calls) throws IOException {
        forEachRow(calls, f -> {
            TreeSet<String> users = imeiUsers.get(f[InputKind.IMEI]);
            if (users != null) {
                users.add(f[InputKind.PHONE]);
            }
        });
    }

    private interface RowHandler {
        void row(String[] fields);
    }

    /** Calls the handler with each valid row's fields in schema order. */
    private static void forEachRow(Path calls, RowHandler handler) throws IOException {
        try (InputStream raw = CdrStreams.open(calls);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
            String header = reader.readLine();
            if (header == null) {
                throw new CdrFormatException(calls, "the calls file is empty", InputKind.CALLS.columns());
            }
            byte[] headerBytes = header.getBytes(StandardCharsets.UTF_8);
            int[] positions = CsvHeader.locate(calls, InputKind.CALLS, headerBytes, 0, headerBytes.length);
            String[] fields = new String[positions.length];
            for (String line; (line = reader.readLine()) != null; ) {
                if (split(line, positions, fields) && valid(fields)) {
                    handler.row(fields);
                }
            }
        }
    }

    private static boolean valid(String[] f) {
        if (f[InputKind.PHONE].isEmpty() || f[InputKind.OPPOSITE].isEmpty()) {
            return false;
        }
        String type = f[InputKind.CALL_TYPE];
        if (!(type.equals("1") || type.equals("2") || type.equals("3"))) {
            return false;
        }
        String duration = f[InputKind.DURATION];
        if (duration.isEmpty() || duration.length() > 10 || !duration.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        if (Long.parseLong(duration) > Integer.MAX_VALUE) {
            return false;
        }
        try {
            LocalDateTime.parse(f[InputKind.START], TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Puts the fields at {@code positions} into {@code into}; false when the line has too few fields. A field
     * in double quotes loses its quotes, and a doubled quote inside stands for one.
     */
    static boolean split(String line, int[] positions, String[] into) {
        List<String> fields = new ArrayList<>(12);
        int end = line.endsWith("\r") ? line.length() - 1 : line.length();
        int at = 0;
        while (at <= end) {
            if (at < end && line.charAt(at) == '"') {
                StringBuilder field = new StringBuilder();
                int i = at + 1;
                while (i < end) {
                    char c = line.charAt(i);
                    if (c == '"' && i + 1 < end && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                    } else if (c == '"') {
                        break;
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                fields.add(field.toString());
                int comma = line.indexOf(',', i);
                at = comma < 0 || comma >= end ? end + 1 : comma + 1;
            } else {
                int comma = line.indexOf(',', at);
                int stop = comma < 0 || comma >= end ? end : comma;
                fields.add(line.substring(at, stop));
                at = stop + 1;
            }
        }
        for (int c = 0; c < positions.length; c++) {
            if (positions[c] >= fields.size()) {
                return false;
            }
            into[c] = fields.get(positions[c]);
        }
        return true;
    }

    private static long hash(String subscriber, long epochDay, String callee) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < subscriber.length(); i++) {
            h = (h ^ subscriber.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ epochDay) * 0x100000001b3L;
        h = (h ^ ',') * 0x100000001b3L;
        for (int i = 0; i < callee.length(); i++) {
            h = (h ^ callee.charAt(i)) * 0x100000001b3L;
        }
        // FNV mixes the last characters weakly into the high bits; finish with MurmurHash3's avalanche.
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    private static final class Day {
        int outgoing;
        int incoming;
        int forwarded;
        int callees;
        int connected;
        int shortCalls;
        int night;
        long seconds;
    }

    /** An open-addressing set of longs; 0 marks a free slot, so the value 0 is kept aside. */
    private static final class LongSet {
        private long[] slots = new long[1 << 10];
        private int size;
        private boolean hasZero;

        boolean add(long value) {
            if (value == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (size * 2 >= slots.length) {
                grow();
            }
            int mask = slots.length - 1;
            for (int i = (int) value & mask; ; i = (i + 1) & mask) {
                if (slots[i] == value) {
                    return false;
                }
                if (slots[i] == 0) {
                    slots[i] = value;
                    size++;
                    return true;
                }
            }
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            size = 0;
            for (long value : old) {
                if (value != 0) {
                    add(value);
                }
            }
        }
    }
}
