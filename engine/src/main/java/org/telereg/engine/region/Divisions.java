package org.telereg.engine.region;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.telereg.engine.region.Division.Level;

/**
 * China's administrative divisions (GB/T 2260) as shipped inside the engine jar: the 34 province-level
 * divisions, the 2023 cities and counties, and every code listed in some revision between 1980 and 2019.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class Divisions {

    private static final int STILL_IN_USE = Integer.MAX_VALUE;

    private final List<Province> provinces;
    private final Map<String, Province> provincesByKey;
    private final Map<String, Division> divisionsByCode;
    private final Map<String, List<Division>> citiesByProvince;
    private final Map<String, List<Division>> countiesByCity;
    private final int[] addressCodes;
    private final int[] inUseThrough;

    private Divisions(
            List<Province> provinces,
            Map<String, Division> divisionsByCode,
            Map<String, List<Division>> citiesByProvince,
            Map<String, List<Division>> countiesByCity,
            TreeMap<Integer, Integer> inUseThroughByCode) {
        this.provinces = List.copyOf(provinces);
        this.provincesByKey = new HashMap<>();
        for (Province province : provinces) {
            provincesByKey.put(province.code(), province);
            provincesByKey.put(province.code() + "0000", province);
            provincesByKey.put(province.name(), province);
            provincesByKey.put(province.shortName(), province);
            provincesByKey.put(province.abbreviation(), province);
            province.aliases().forEach(alias -> provincesByKey.put(alias, province));
        }
        this.divisionsByCode = Map.copyOf(divisionsByCode);
        this.citiesByProvince = copyOfLists(citiesByProvince);
        this.countiesByCity = copyOfLists(countiesByCity);
        this.addressCodes = new int[inUseThroughByCode.size()];
        this.inUseThrough = new int[inUseThroughByCode.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> entry : inUseThroughByCode.entrySet()) {
            addressCodes[i] = entry.getKey();
            inUseThrough[i] = entry.getValue();
            i++;
        }
    }

    /** The divisions shipped in the engine jar, loaded on first use. */
    public static Divisions standard() {
        return Standard.INSTANCE;
    }

    /** The 34 province-level divisions in code order (11 北京市 … 65 新疆维吾尔自治区, 71, 81, 82). */
    public List<Province> provinces() {
        return provinces;
    }

    /**
     * Finds a province by its two-digit code ({@code 44}), six-digit code ({@code 440000}), full name ({@code
     * 广东省}), short name ({@code 广东}), abbreviation ({@code 粤}) or alias ({@code 黔} 贵州, {@code 滇} 云南,
     * {@code 蜀} 四川, {@code 陇} 甘肃). Surrounding whitespace is ignored.
     */
    public Optional<Province> province(String codeNameOrAbbreviation) {
        if (codeNameOrAbbreviation == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(provincesByKey.get(codeNameOrAbbreviation.strip()));
    }

    /**
     * Finds a division in the current (2023) list by a 2-digit province, 4-digit city or 6-digit code. A
     * six-digit code ending in {@code 0000} is its province and one ending in {@code 00} its city (so {@code
     * 440300} is 深圳市), except where no such city exists and a county carries the code.
     */
    public Optional<Division> current(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String key = code.strip();
        if (key.length() == 6 && key.endsWith("0000")) {
            key = key.substring(0, 2);
        } else if (key.length() == 6 && key.endsWith("00") && divisionsByCode.containsKey(key.substring(0, 4))) {
            key = key.substring(0, 4);
        }
        return Optional.ofNullable(divisionsByCode.get(key));
    }

    /**
     * The current cities of a province, in code order; empty for an unknown province and for Taiwan, Hong
     * Kong and Macao. The province may be given in any form {@link #province(String)} accepts.
     */
    public List<Division> cities(String provinceCode) {
        return province(provinceCode)
                .map(p -> citiesByProvince.getOrDefault(p.code(), List.of()))
                .orElse(List.of());
    }

    /**
     * The current counties of a city given by its 4-digit code or 6-digit code ending in {@code 00}, in code
     * order; empty for an unknown city.
     */
    public List<Division> counties(String cityCode) {
        if (cityCode == null) {
            return List.of();
        }
        String key = cityCode.strip();
        if (key.length() == 6 && key.endsWith("00")) {
            key = key.substring(0, 4);
        }
        return key.length() == 4 ? countiesByCity.getOrDefault(key, List.of()) : List.of();
    }

    /**
     * Whether a six-digit code is an address code that exists now or existed in any GB/T 2260 revision from
     * 1980 to 2019, at any level ({@code 110000}, {@code 110100} and {@code 110105} are all known).
     */
    public boolean isKnownAddressCode(String sixDigits) {
        return indexOf(sixDigits) >= 0;
    }

    /**
     * Whether an address code may still have been in use in {@code month} or later. True for every code in
     * the current list. A code that was dropped from the lists counts as in use through the month of the
     * first revision that no longer lists it: the lists only show that it was gone by then, not on which
     * day it was abolished. Since an ID number carries an address code valid when it was issued, which is
     * after birth, a code for which this is false for the birth month cannot appear in that person's ID
     * number. False for unknown codes.
     */
    public boolean addressCodeInUseOnOrAfter(String sixDigits, YearMonth month) {
        int index = indexOf(sixDigits);
        if (index < 0) {
            return false;
        }
        int yyyymm = month.getYear() * 100 + month.getMonthValue();
        return inUseThrough[index] == STILL_IN_USE || yyyymm <= inUseThrough[index];
    }

    private int indexOf(String sixDigits) {
        if (sixDigits == null || sixDigits.length() != 6) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < 6; i++) {
            char c = sixDigits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        int index = Arrays.binarySearch(addressCodes, code);
        return index >= 0 ? index : -1;
    }

    private static Map<String, List<Division>> copyOfLists(Map<String, List<Division>> lists) {
        Map<String, List<Division>> copy = new HashMap<>();
        lists.forEach((key, value) -> copy.put(key, List.copyOf(value)));
        return Map.copyOf(copy);
    }

    private static final class Standard {
        // The JVM initialises this holder on first access, exactly once, and safely publishes the result.
        static final Divisions INSTANCE = load();
    }

    private static Divisions load() {
        List<Province> provinces = new ArrayList<>();
        Map<String, Division> divisions = new LinkedHashMap<>();
        Map<String, List<Division>> citiesByProvince = new HashMap<>();
        Map<String, List<Division>> countiesByCity = new HashMap<>();
        TreeMap<Integer, Integer> inUseThrough = new TreeMap<>();

        for (String[] row : ReferenceFile.rows("provinces.tsv", '\t')) {
            List<String> aliases = row[4].isEmpty() ? List.of() : List.of(row[4].split(","));
            Province province = new Province(row[0], row[1], row[2], row[3], aliases, row[5].equals("yes"));
            provinces.add(province);
            divisions.put(
                    province.code(), new Division(province.code(), province.name(), Level.PROVINCE, province.code()));
            // Taiwan, Hong Kong and Macao are absent from the 2023 list but their codes are as current as any.
            inUseThrough.put(Integer.parseInt(province.code() + "0000"), STILL_IN_USE);
        }
        for (String[] row : ReferenceFile.rows("cities.csv", ',')) {
            Division city = new Division(row[0], row[1], Level.CITY, row[2]);
            divisions.put(city.code(), city);
            citiesByProvince
                    .computeIfAbsent(city.provinceCode(), k -> new ArrayList<>())
                    .add(city);
            inUseThrough.put(Integer.parseInt(city.code() + "00"), STILL_IN_USE);
        }
        for (String[] row : ReferenceFile.rows("areas.csv", ',')) {
            Division county = new Division(row[0], row[1], Level.COUNTY, row[3]);
            divisions.put(county.code(), county);
            countiesByCity.computeIfAbsent(row[2], k -> new ArrayList<>()).add(county);
            inUseThrough.put(Integer.parseInt(county.code()), STILL_IN_USE);
        }

        int[] revisions = ReferenceFile.rows("gb2260-revisions.tsv", '\t').stream()
                .mapToInt(row -> Integer.parseInt(row[0]))
                .sorted()
                .toArray();
        for (String[] row : ReferenceFile.rows("gb2260-all-codes-1980-2019.tsv", '\t')) {
            int lastSeen = Integer.parseInt(row[3]);
            int firstRevisionWithout = firstAfter(revisions, lastSeen);
            inUseThrough.putIfAbsent(Integer.parseInt(row[0]), firstRevisionWithout);
        }
        return new Divisions(provinces, divisions, citiesByProvince, countiesByCity, inUseThrough);
    }

    private static int firstAfter(int[] sortedMonths, int month) {
        for (int candidate : sortedMonths) {
            if (candidate > month) {
                return candidate;
            }
        }
        throw new IllegalStateException("No GB/T 2260 revision after " + month + " in gb2260-revisions.tsv");
    }
}
