package org.telereg.engine.fraud;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-level helpers of the CSV hot path: hashing, newline search, numbers and timestamps without a String. */
final class Bytes {

    /** Reads eight bytes at any offset as one little-endian long; the JIT turns it into a single load. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long ZEROS = 0x3030303030303030L;
    private static final long SIXES = 0x0606060606060606L;
    private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
    /** Bytes 2 and 5 of "HH:mm:ss" read as a little-endian word. */
    private static final long COLON_BYTES = 0x0000_FF00_00FF_0000L;

    private static final long COLONS = 0x0000_3A00_003A_0000L;
    private static final long K1 = 0x9E3779B97F4A7C15L;
    private static final long K2 = 0xC2B2AE3D27D4EB4FL;

    /** Marks a field that is not a well-formed number or timestamp. */
    static final long INVALID = Long.MIN_VALUE;

    private static final int[] DAYS_IN_MONTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private Bytes() {}

    /** Index of the first {@code '\n'} in {@code [from, to)}, or -1. */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        return indexOf(bytes, from, to, (byte) '\n');
    }

    /**
     * Where the quoted field whose opening quote is at {@code open} ends: at the next quote that is not doubled
     * ({@code ""} stands for a quote within the field), or at {@code lineEnd} when none closes it.
     */
    static int closingQuote(byte[] bytes, int open, int lineEnd) {
        int close = open + 1;
        while (close < lineEnd && (bytes[close] != '"' || (close + 1 < lineEnd && bytes[close + 1] == '"'))) {
            close += bytes[close] == '"' ? 2 : 1;
        }
        return close;
    }

    /** Index of the first {@code ','} in {@code [from, to)}, or {@code to}. */
    static int indexOfComma(byte[] bytes, int from, int to) {
        int at = indexOf(bytes, from, to, (byte) ',');
        return at < 0 ? to : at;
    }

    /**
     * Index of the first byte {@code value} in {@code [from, to)}, or -1. Tests eight bytes per step: XOR with
     * the value in every byte turns each match into a zero byte, and {@code (x - 0x01…) & ~x & 0x80…} sets the
     * high bit of every zero byte; the lowest flag is always exact, so its byte position is the answer.
     */
    static int indexOf(byte[] bytes, int from, int to, byte value) {
        long pattern = ONES * (value & 0xFF);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = (long) LONGS.get(bytes, i) ^ pattern;
            long zeros = (word - ONES) & ~word & HIGHS;
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** A 64-bit hash of {@code [from, to)}, eight bytes per step, finished with MurmurHash3's avalanche mix. */
    static long hash(byte[] bytes, int from, int to) {
        long h = (to - from) * K1;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = Long.rotateLeft(h ^ ((long) LONGS.get(bytes, i) * K2), 29) * K1;
        }
        long tail = 0;
        for (int shift = 0; i < to; i++, shift += 8) {
            tail |= (bytes[i] & 0xFFL) << shift;
        }
        h = Long.rotateLeft(h ^ (tail * K2), 29) * K1;
        return mix(h);
    }

    /** Combines two field hashes into the hash of the pair, order-sensitive. */
    static long combine(long first, long second) {
        return mix(first * K1 + Long.rotateLeft(second, 17));
    }

    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h;
    }

    /** The non-negative decimal integer in {@code [from, to)}, or {@link #INVALID}; at most 18 digits. */
    static long parseCount(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > 18) {
            return INVALID;
        }
        // Up to 16 digits in one or two eight-byte steps; the words end at the field's end, so they need the
        // eight (sixteen) bytes before it to lie within the array.
        if (length <= 8 && to >= 8) {
            return lastDigits(bytes, to, length);
        }
        if (length <= 16 && to >= 16) {
            long high = lastDigits(bytes, to - 8, length - 8);
            long low = lastDigits(bytes, to, 8);
            return (high | low) < 0 ? INVALID : high * 100_000_000L + low;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return INVALID;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /**
     * The value of the {@code count} (1 to 8) digits before {@code end}, or {@link #INVALID}. Reads the eight
     * bytes before {@code end} as one little-endian word, so the field's digits are its high bytes; the bytes
     * before the field become {@code '0'}, which adds leading zeros and leaves the value alone. A byte is a digit
     * when its high nibble is 3 and adding 6 keeps it so (0x39 + 6 = 0x3F, 0x3A + 6 = 0x40). The conversion is
     * Lemire's: pairs of digits, then pairs of pairs, then the two halves, each with one multiply.
     */
    private static long lastDigits(byte[] bytes, int end, int count) {
        long word = (long) LONGS.get(bytes, end - 8);
        long keep = -1L << ((8 - count) << 3);
        word = (word & keep) | (ZEROS & ~keep);
        if ((word & HIGH_NIBBLES) != ZEROS || ((word + SIXES) & HIGH_NIBBLES) != ZEROS) {
            return INVALID;
        }
        long value = word - ZEROS;
        value = value * 10 + (value >>> 8);
        return (((value & 0x0000_00FF_0000_00FFL) * (100 + (1_000_000L << 32)))
                        + (((value >>> 16) & 0x0000_00FF_0000_00FFL) * (1 + (10_000L << 32))))
                >>> 32;
    }

    /** The eight bytes at {@code at} as one little-endian long. */
    static long longAt(byte[] bytes, int at) {
        return (long) LONGS.get(bytes, at);
    }

    /**
     * Seconds since midnight of the {@code ' HH:mm:ss'} (or {@code 'THH:mm:ss'}) at {@code at}, or {@link
     * #INVALID}: the time half of {@link #parseDateTime}, for a date already read.
     */
    static long parseTimeOfDay(byte[] b, int at) {
        if (b[at] != ' ' && b[at] != 'T') {
            return INVALID;
        }
        // "HH:mm:ss" is one word: the colons checked and made '0', the six digits checked as in lastDigits.
        long word = (long) LONGS.get(b, at + 1);
        if ((word & COLON_BYTES) != COLONS) {
            return INVALID;
        }
        word = (word & ~COLON_BYTES) | (ZEROS & COLON_BYTES);
        if ((word & HIGH_NIBBLES) != ZEROS || ((word + SIXES) & HIGH_NIBBLES) != ZEROS) {
            return INVALID;
        }
        long d = word - ZEROS;
        int hour = (int) (d & 0xFF) * 10 + (int) (d >>> 8 & 0xFF);
        int minute = (int) (d >>> 24 & 0xFF) * 10 + (int) (d >>> 32 & 0xFF);
        int second = (int) (d >>> 48 & 0xFF) * 10 + (int) (d >>> 56);
        if (hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        return hour * 3_600L + minute * 60L + second;
    }

    /**
     * Seconds since 1970-01-01T00:00:00 of a {@code yyyy-MM-dd HH:mm:ss} local time (also with {@code T} between
     * date and time), read as if it were UTC so that days and hours are those of the local calendar; {@link
     * #INVALID} for anything else, including dates that do not exist such as 2020-02-30.
     */
    static long parseDateTime(byte[] b, int from, int to) {
        if (to - from != 19
                || b[from + 4] != '-'
                || b[from + 7] != '-'
                || (b[from + 10] != ' ' && b[from + 10] != 'T')
                || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return INVALID;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > daysInMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return INVALID;
        }
        return epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
    }

    /** Decimal value of {@code count} digits at {@code from}, or -1 when one of them is not a digit. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = b[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
            return 29;
        }
        return DAYS_IN_MONTH[month];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = (y >= 0 ? y : y - 399) / 400;
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
