package org.telereg.bench;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToCarrierMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.telereg.engine.numbering.Carrier;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;

/**
 * Looks up the carrier and home region of the same generated Chinese mobile numbers with TeleReg's {@link
 * PhoneNumbers} and with libphonenumber (parse, carrier mapper, offline geocoder), checks that both name the
 * same carrier for most numbers, and prints the lookups per second of each and their ratio.
 *
 * <p>Usage: {@code java -cp ... org.telereg.bench.PhoneLookupComparison [numbers] [timed passes]}.
 */
public final class PhoneLookupComparison {

    // Segments allocated to mobile operators, including those newer than some of the reference data.
    private static final int[] SEGMENTS = {
        130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159,
        166, 170, 171, 172, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
        192, 193, 195, 196, 197, 198, 199
    };
    private static final long SEED = 20240601L;
    private static final int WARM_UP_PASSES = 2;

    private final PhoneNumbers telereg = PhoneNumbers.standard();
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToCarrierMapper carriers = PhoneNumberToCarrierMapper.getInstance();
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();

    private PhoneLookupComparison() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String[] numbers = generate(count);
        PhoneLookupComparison comparison = new PhoneLookupComparison();

        comparison.compareAnswers(numbers);

        double teleregRate = comparison.measure("TeleReg PhoneNumbers", numbers, passes, comparison::teleregPass);
        double libphonenumberRate =
                comparison.measure("libphonenumber 9.0.23", numbers, passes, comparison::libphonenumberPass);
        System.out.printf(Locale.ROOT, "ratio TeleReg / libphonenumber: %.1fx%n", teleregRate / libphonenumberRate);
    }

    /** National mobile numbers from a fixed seed: an allocated segment and eight random digits. */
    static String[] generate(int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        String[] numbers = new String[count];
        for (int i = 0; i < count; i++) {
            int segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
            numbers[i] = segment + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
        }
        return numbers;
    }

    private void compareAnswers(String[] numbers) {
        long sameCarrier = 0;
        long differentCarrier = 0;
        long onlyTelereg = 0;
        long onlyLibphonenumber = 0;
        long neither = 0;
        long sameRegion = 0;
        long bothRegions = 0;
        for (String number : numbers) {
            PhoneLookup ours = telereg.lookup(number);
            String ourCarrier =
                    ours.carrier() == Carrier.UNKNOWN ? "" : ours.carrier().chineseName();
            String theirCarrier;
            String theirRegion;
            try {
                PhoneNumber parsed = util.parse(number, "CN");
                theirCarrier = carriers.getNameForNumber(parsed, Locale.CHINA);
                theirRegion = geocoder.getDescriptionForNumber(parsed, Locale.CHINA);
            } catch (NumberParseException e) {
                theirCarrier = "";
                theirRegion = "";
            }
            if (ourCarrier.isEmpty() && theirCarrier.isEmpty()) {
                neither++;
            } else if (theirCarrier.isEmpty()) {
                onlyTelereg++;
            } else if (ourCarrier.isEmpty()) {
                onlyLibphonenumber++;
            } else if (ourCarrier.equals(theirCarrier)) {
                sameCarrier++;
            } else {
                differentCarrier++;
            }
            // libphonenumber falls back to the country name (中国) where it knows no region.
            if (ours.region() != null && !theirRegion.isEmpty() && !theirRegion.equals("中国")) {
                bothRegions++;
                if (ours.region().equals(theirRegion)) {
                    sameRegion++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "carrier over %,d numbers: same %,d, different %,d, only TeleReg %,d, only libphonenumber %,d,"
                        + " neither %,d%n",
                numbers.length,
                sameCarrier,
                differentCarrier,
                onlyTelereg,
                onlyLibphonenumber,
                neither);
        System.out.printf(Locale.ROOT, "region where both know one: same %,d of %,d%n", sameRegion, bothRegions);
        if (sameCarrier * 2 <= numbers.length) {
            throw new IllegalStateException("TeleReg and libphonenumber agree on the carrier of only " + sameCarrier
                    + " of " + numbers.length + " numbers");
        }
    }

    private long teleregPass(String[] numbers) {
        long sink = 0;
        for (String number : numbers) {
            PhoneLookup lookup = telereg.lookup(number);
            sink += lookup.carrier().ordinal();
            if (lookup.region() != null) {
                sink += lookup.region().length();
            }
        }
        return sink;
    }

    private long libphonenumberPass(String[] numbers) {
        long sink = 0;
        for (String number : numbers) {
            try {
                PhoneNumber parsed = util.parse(number, "CN");
                sink += carriers.getNameForNumber(parsed, Locale.CHINA).length();
                sink += geocoder.getDescriptionForNumber(parsed, Locale.CHINA).length();
            } catch (NumberParseException e) {
                sink--;
            }
        }
        return sink;
    }

    private interface Pass {
        long run(String[] numbers);
    }

    /** Runs warm-up passes, then timed passes; prints and returns the median lookups per second. */
    private double measure(String name, String[] numbers, int passes, Pass pass) {
        long sink = 0;
        for (int i = 0; i < WARM_UP_PASSES; i++) {
            sink += pass.run(numbers);
        }
        double[] rates = new double[passes];
        for (int i = 0; i < passes; i++) {
            long start = System.nanoTime();
            sink += pass.run(numbers);
            rates[i] = numbers.length / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        double median = rates[passes / 2];
        System.out.printf(
                Locale.ROOT,
                "%-24s median %,.0f lookups/s (min %,.0f, max %,.0f over %d passes of %,d; sink %d)%n",
                name,
                median,
                rates[0],
                rates[passes - 1],
                passes,
                numbers.length,
                sink);
        return median;
    }
}
