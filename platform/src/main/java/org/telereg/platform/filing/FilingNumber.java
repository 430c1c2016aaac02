package org.telereg.platform.filing;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A filing number as MIIT issues it: the subject's {@code 粤ICP备2026012345号} (ten digits starting
 * with the year; older subjects have eight, {@code 京ICP备13052560号}), a website's
 * {@code 粤ICP备2026012345号-1} and an App's or mini-program's {@code 粤ICP备2026012345号-2A}. Sites of
 * commercial sponsors are also found under the ICP licence, {@code 京ICP证030173号-1}. Parsing
 * accepts the province aliases (黔 滇 蜀 陇), full-width hyphens and stray spaces; {@link #toString()}
 * uses the primary abbreviation.
 *
 * @param provinceCode the province whose administration issued it
 * @param licence whether the stem is an ICP licence ({@code ICP证}) rather than a filing ({@code ICP备})
 * @param serial the digits of the stem, leading zeros kept
 * @param service the service's sequence under the subject, or 0 for the subject itself
 * @param app whether the service is an App, mini-program or quick app ({@code -nA})
 */
public record FilingNumber(String provinceCode, boolean licence, String serial, int service, boolean app) {

    private static final Pattern NUMBER = Pattern.compile("^(\\p{IsHan})ICP([备证])(\\d{6,10})号(?:-(\\d{1,4})([Aa])?)?$");

    public FilingNumber {
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(serial, "serial");
        if (service < 0 || (service == 0 && app)) {
            throw new IllegalArgumentException("service " + service + (app ? "A" : ""));
        }
    }

    /** A new subject's number: the year and a six-digit sequence within the province and year. */
    public static FilingNumber subject(String provinceCode, int year, int sequence) {
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("sequence " + sequence + " does not fit six digits");
        }
        return new FilingNumber(provinceCode, false, year + String.format("%06d", sequence), 0, false);
    }

    /**
     * Parses a filing number as printed at the foot of a web page or in a query.
     *
     * @throws InvalidValueException {@code filing.invalid.number} when it is not one, and
     *     {@code filing.invalid.numberProvince} when its province is unknown
     */
    public static FilingNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("filing.invalid.number", "filing number is empty", "");
        }
        String cleaned = text.strip()
                .replace(" ", "")
                .replace("\u3000", "")
                .replace('－', '-')
                .replace('—', '-')
                .replace('–', '-')
                .replace("ｉｃｐ", "ICP")
                .replace("icp", "ICP")
                .replace("ＩＣＰ", "ICP");
        Matcher matcher = NUMBER.matcher(cleaned);
        if (!matcher.matches()) {
            throw new InvalidValueException("filing.invalid.number", "not a filing number: " + text, text.strip());
        }
        String province;
        try {
            province = ProvinceCode.of(matcher.group(1)).code();
            if (!ProvinceCode.administered().contains(new ProvinceCode(province))) {
                // Hong Kong, Macao and Taiwan have no administration that issues filing numbers.
                throw new InvalidValueException("filing.invalid.numberProvince", "no administration", province);
            }
        } catch (InvalidValueException e) {
            throw new InvalidValueException(
                    "filing.invalid.numberProvince", "unknown province in " + text, matcher.group(1));
        }
        boolean licence = matcher.group(2).equals("证");
        String serial = matcher.group(3);
        if (!licence && serial.length() != 8 && serial.length() != 10) {
            throw new InvalidValueException(
                    "filing.invalid.number", "a filing stem has 8 or 10 digits: " + text, text.strip());
        }
        int service = matcher.group(4) == null ? 0 : Integer.parseInt(matcher.group(4));
        if (matcher.group(4) != null && service == 0) {
            throw new InvalidValueException(
                    "filing.invalid.number", "service numbers start at 1: " + text, text.strip());
        }
        return new FilingNumber(province, licence, serial, service, matcher.group(5) != null);
    }

    /** The number of the service with this sequence under this subject. */
    public FilingNumber service(int sequence, boolean isApp) {
        if (sequence < 1) {
            throw new IllegalArgumentException("service sequence " + sequence);
        }
        return new FilingNumber(provinceCode, licence, serial, sequence, isApp);
    }

    /** The subject's number, without a service suffix. */
    public FilingNumber subject() {
        return new FilingNumber(provinceCode, licence, serial, 0, false);
    }

    public boolean isSubject() {
        return service == 0;
    }

    @Override
    public String toString() {
        String stem = new ProvinceCode(provinceCode).abbreviation() + "ICP" + (licence ? "证" : "备") + serial + "号";
        return service == 0 ? stem : stem + "-" + service + (app ? "A" : "");
    }
}
