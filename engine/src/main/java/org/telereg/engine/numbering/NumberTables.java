package org.telereg.engine.numbering;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.engine.region.Province;

/**
 * Carrier and home region of every 7-digit mobile prefix and of every area code, built once from the files
 * next to this class.
 *
 * <p>Every table is a primitive array indexed by the number's own digits, so a lookup is one array read with
 * no hashing, no boxing and no allocation; the mobile tables cost 3 MB for all one million prefixes 100 0000
 * to 199 9999, a fraction of what a map of boxed keys would take for the same entries.
 */
final class NumberTables {

    static final int FIRST_MOBILE_PREFIX = 1_000_000;
    static final int MOBILE_PREFIXES = 1_000_000;
    static final int AREA_CODES = 1_000;

    /** {@link Carrier#ordinal()} + 1 per 7-digit prefix − {@link #FIRST_MOBILE_PREFIX}; 0 when unknown. */
    final byte[] carrierByPrefix = new byte[MOBILE_PREFIXES];
    /** Index into {@link #regions} + 1 per 7-digit prefix − {@link #FIRST_MOBILE_PREFIX}; 0 when unknown. */
    final short[] regionByPrefix = new short[MOBILE_PREFIXES];
    /**
     * Index into {@link #regions} + 1 per area code without its trunk 0: 10 to 29 for two-digit codes, 300 to
     * 999 for three-digit ones (the ranges cannot overlap); 0 when the code is not in use.
     */
    final short[] regionByAreaCode = new short[AREA_CODES];

    final String[] regions;
    /** Two-digit province code of each entry of {@link #regions}, or null. */
    final String[] regionProvinceCodes;

    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final List<String> regionList = new ArrayList<>();

    private NumberTables(Divisions divisions) {
        // Lowest priority first: each source overwrites what an earlier one said about the same prefix.
        lines("segments-supplement.tsv", false, line -> {
            if (!line.startsWith("#") && !line.startsWith("prefix")) {
                String[] fields = line.split("\t");
                fillPrefix(carrierByPrefix, fields[0], carrierCode(fields[1]));
            }
        });
        Map<String, String> segmentRegions = new HashMap<>();
        lines("segments-2015-mit.csv.gz", true, line -> {
            String[] fields = line.split(",");
            if (!fields[0].equals("prefix7")) {
                int index = Integer.parseInt(fields[0]) - FIRST_MOBILE_PREFIX;
                byte carrier = carrierCode(fields[3]);
                if (carrier != 0) {
                    carrierByPrefix[index] = carrier;
                }
                String region = segmentRegions.computeIfAbsent(
                        fields[1] + ',' + fields[2], k -> segmentRegion(fields[1], fields[2], divisions));
                if (region != null) {
                    regionByPrefix[index] = regionCode(region);
                }
            }
        });
        for (String[] entry : prefixFile("carrier-2.6_86_zh.txt", false)) {
            fillPrefix(carrierByPrefix, entry[0], carrierCode(entry[1]));
        }
        for (String[] entry : prefixFile("geocoder-3.23_86_zh.txt.gz", true)) {
            String digits = entry[0];
            short region = regionCode(entry[1]);
            if (digits.startsWith("1") && digits.length() >= 4) {
                fillPrefix(regionByPrefix, digits, region);
            } else if (digits.length() == 2 && digits.charAt(0) >= '3') {
                // A two-digit entry such as 33 (秦皇岛) stands for every three-digit area code under it.
                int first = Integer.parseInt(digits) * 10;
                for (int code = first; code < first + 10; code++) {
                    regionByAreaCode[code] = region;
                }
            } else {
                regionByAreaCode[Integer.parseInt(digits)] = region;
            }
        }
        regions = regionList.toArray(String[]::new);
        regionProvinceCodes = new String[regions.length];
        for (int i = 0; i < regions.length; i++) {
            regionProvinceCodes[i] = provinceCodeOf(regions[i], divisions);
        }
    }

    static NumberTables load() {
        return new NumberTables(Divisions.standard());
    }

    /**
     * The {@code 86prefix|text} lines of a libphonenumber dump as {@code [prefix without 86, text]}, shortest
     * prefix first, so that filling the tables in this order leaves the longest matching prefix in place.
     */
    private static List<String[]> prefixFile(String name, boolean gzip) {
        List<String[]> entries = new ArrayList<>();
        lines(name, gzip, line -> {
            int bar = line.indexOf('|');
            entries.add(new String[] {line.substring(2, bar), line.substring(bar + 1)});
        });
        entries.sort(Comparator.comparingInt(entry -> entry[0].length()));
        return entries;
    }

    private static void fillPrefix(byte[] table, String prefix, byte value) {
        int[] range = rangeOf(prefix);
        for (int i = range[0]; i < range[1]; i++) {
            table[i] = value;
        }
    }

    private static void fillPrefix(short[] table, String prefix, short value) {
        int[] range = rangeOf(prefix);
        for (int i = range[0]; i < range[1]; i++) {
            table[i] = value;
        }
    }

    /** The table indices [from, to) of the 7-digit prefixes that start with {@code prefix}. */
    private static int[] rangeOf(String prefix) {
        int scale = 1;
        for (int i = prefix.length(); i < 7; i++) {
            scale *= 10;
        }
        int from = Integer.parseInt(prefix) * scale - FIRST_MOBILE_PREFIX;
        return new int[] {from, from + scale};
    }

    private static byte carrierCode(String chineseName) {
        Carrier carrier = Carrier.ofChineseName(chineseName);
        return carrier == Carrier.UNKNOWN ? 0 : (byte) (carrier.ordinal() + 1);
    }

    private short regionCode(String region) {
        Integer index = regionIndex.get(region);
        if (index == null) {
            index = regionList.size();
            regionList.add(region);
            regionIndex.put(region, index);
        }
        return (short) (index + 1);
    }

    /**
     * The 2015 table names province and city briefly ({@code 广东,深圳}); spell them as the geocoder does
     * ({@code 广东省深圳市}), with the names of the current division list.
     */
    private static String segmentRegion(String provinceName, String cityName, Divisions divisions) {
        Province province = divisions.province(provinceName).orElse(null);
        if (province == null) {
            return null;
        }
        List<Division> cities = divisions.cities(province.code());
        boolean municipality = cities.stream().anyMatch(city -> city.name().equals("市辖区"));
        if (municipality || cityName.isEmpty() || cityName.equals(provinceName)) {
            return province.name();
        }
        String city = cities.stream()
                .map(Division::name)
                .filter(name -> name.startsWith(cityName))
                .findFirst()
                .orElse(cityName);
        return province.name() + city;
    }

    private static String provinceCodeOf(String region, Divisions divisions) {
        String code = null;
        int matched = 0;
        for (Province province : divisions.provinces()) {
            for (String name : List.of(province.name(), province.shortName())) {
                if (region.startsWith(name) && name.length() > matched) {
                    code = province.code();
                    matched = name.length();
                }
            }
        }
        return code;
    }

    private static void lines(String name, boolean gzip, Consumer<String> consumer) {
        InputStream in = NumberTables.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("Reference file " + name + " is missing from the engine jar");
        }
        try (InputStream data = gzip ? new GZIPInputStream(in, 1 << 16) : in;
                BufferedReader reader = new BufferedReader(new InputStreamReader(data, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    consumer.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference file " + name, e);
        }
    }
}
