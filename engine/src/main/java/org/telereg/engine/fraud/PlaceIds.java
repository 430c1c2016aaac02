package org.telereg.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The places (city, county) one reader has met, as dense ids: a file has a few hundred at most, so a row's place
 * becomes a small int without a {@code String}. Ids are in order of first appearance; {@link #id} gives id + 1, 0
 * for a row with neither field.
 */
final class PlaceIds {

    /** Joins city and county in a place's key: a unit separator, which cannot occur in either. */
    private static final byte SEPARATOR = 0x1F;

    private static final int CACHE = 1024;

    private final ByteDictionary places = new ByteDictionary();
    private int[] cityLength = new int[64];
    private byte[] key = new byte[256];
    /** Open addressing over the places by the hash of their two fields: id + 1 (0 = empty) and that hash. */
    private int[] slots = new int[256];

    private long[] hashes = new long[256];
    private int mask = 255;

    private final long[] cachedCity = new long[CACHE];
    private final long[] cachedCounty = new long[CACHE];
    private final long[] cachedCountyRest = new long[CACHE];
    private final int[] cachedLengths = new int[CACHE];
    private final int[] cachedPlace = new int[CACHE];

    /** The id + 1 of the place (city, county), adding it when new, or 0 when both are empty. */
    int id(byte[] b, int cityFrom, int cityTo, int countyFrom, int countyTo) {
        if (cityFrom == cityTo && countyFrom == countyTo) {
            return 0;
        }
        int cityLength = cityTo - cityFrom;
        int countyLength = countyTo - countyFrom;
        if (cityLength > 8 || countyLength > 16 || cityFrom + 8 > b.length || countyFrom + 16 > b.length) {
            return byBytes(b, cityFrom, cityTo, countyFrom, countyTo);
        }
        // A city of up to 8 bytes and a county of up to 16 (two or three Chinese characters each) are their own
        // exact key in three words and the lengths, so a cache of recent places needs no byte comparison.
        long city = Bytes.longAt(b, cityFrom) & lowBytes(cityLength);
        long county = Bytes.longAt(b, countyFrom) & lowBytes(countyLength);
        long countyRest = countyLength > 8 ? Bytes.longAt(b, countyFrom + 8) & lowBytes(countyLength - 8) : 0;
        int lengths = 1 | cityLength << 8 | countyLength << 16;
        int slot = (int) Bytes.mix(city * 0x9E3779B97F4A7C15L + Long.rotateLeft(county, 21) + countyRest + lengths)
                & (CACHE - 1);
        if (cachedLengths[slot] == lengths
                && cachedCity[slot] == city
                && cachedCounty[slot] == county
                && cachedCountyRest[slot] == countyRest) {
            return cachedPlace[slot];
        }
        int place = byBytes(b, cityFrom, cityTo, countyFrom, countyTo);
        cachedLengths[slot] = lengths;
        cachedCity[slot] = city;
        cachedCounty[slot] = county;
        cachedCountyRest[slot] = countyRest;
        cachedPlace[slot] = place;
        return place;
    }

    /** The low {@code count} bytes of a little-endian word, that is the first {@code count} bytes read. */
    private static long lowBytes(int count) {
        return count >= 8 ? -1L : (1L << (count << 3)) - 1;
    }

    private int byBytes(byte[] b, int cityFrom, int cityTo, int countyFrom, int countyTo) {
        // Hashing the two fields where they are, rather than joining them first, and comparing the bytes once.
        long hash = Bytes.combine(Bytes.hash(b, cityFrom, cityTo), Bytes.hash(b, countyFrom, countyTo));
        int slot = (int) hash & mask;
        while (slots[slot] != 0) {
            int id = slots[slot] - 1;
            if (hashes[slot] == hash && places.is(id, b, cityFrom, cityTo, SEPARATOR, countyFrom, countyTo)) {
                return id + 1;
            }
            slot = (slot + 1) & mask;
        }
        int length = cityTo - cityFrom + 1 + countyTo - countyFrom;
        if (length > key.length) {
            key = new byte[Math.max(length, key.length * 2)];
        }
        System.arraycopy(b, cityFrom, key, 0, cityTo - cityFrom);
        key[cityTo - cityFrom] = SEPARATOR;
        System.arraycopy(b, countyFrom, key, cityTo - cityFrom + 1, countyTo - countyFrom);
        int id = places.intern(key, 0, length, Bytes.hash(key, 0, length));
        if (id == cityLength.length) {
            cityLength = Arrays.copyOf(cityLength, id * 2);
        }
        cityLength[id] = cityTo - cityFrom;
        slots[slot] = id + 1;
        hashes[slot] = hash;
        if (2 * places.size() > slots.length) {
            rehash();
        }
        return id + 1;
    }

    private void rehash() {
        int[] oldSlots = slots;
        long[] oldHashes = hashes;
        slots = new int[oldSlots.length * 2];
        hashes = new long[slots.length];
        mask = slots.length - 1;
        for (int i = 0; i < oldSlots.length; i++) {
            if (oldSlots[i] != 0) {
                int to = (int) oldHashes[i] & mask;
                while (slots[to] != 0) {
                    to = (to + 1) & mask;
                }
                slots[to] = oldSlots[i];
                hashes[to] = oldHashes[i];
            }
        }
    }

    /** How many places there are: ids {@code 0 … size() - 1}. */
    int size() {
        return places.size();
    }

    /** The bytes of place {@code id}'s key (city, separator, county) lie in this array … */
    byte[] arena() {
        return places.arena();
    }

    /** … from here … */
    int start(int id) {
        return places.start(id);
    }

    /** … to here. */
    int end(int id) {
        return places.end(id);
    }

    /** The length in bytes of place {@code id}'s city, the first part of its key. */
    int cityLength(int id) {
        return cityLength[id];
    }

    /** The city of place {@code id} as text. */
    String city(int id) {
        return new String(places.arena(), places.start(id), cityLength[id], StandardCharsets.UTF_8);
    }

    /** The county of place {@code id} as text. */
    String county(int id) {
        int from = places.start(id) + cityLength[id] + 1;
        return new String(places.arena(), from, places.end(id) - from, StandardCharsets.UTF_8);
    }
}
