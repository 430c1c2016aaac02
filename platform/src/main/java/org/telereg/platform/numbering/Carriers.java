package org.telereg.platform.numbering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;

/**
 * The carrier of a mobile number at an instant: the recipient of the number's last port that took
 * effect by then, else the holder of its block on that day.
 */
@Service
public class Carriers {

    /** Beijing time, in which portability's days and whole hours are counted. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-()]");
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final NumberResources resources;
    private final PortabilitySettings settings;

    Carriers(JdbcClient jdbc, NumberResources resources, PortabilitySettings settings) {
        this.jdbc = jdbc;
        this.resources = resources;
        this.settings = settings;
    }

    /** The most numbers one bulk lookup answers. */
    public int bulkMax() {
        return settings.bulkMax();
    }

    /**
     * A mobile number in national form (11 digits, 13–19), from text that may carry spaces, dashes
     * and a +86 or 0086 prefix; null when it is not one.
     */
    public static String mobile(String text) {
        if (text == null) {
            return null;
        }
        String digits = SEPARATORS.matcher(text.strip()).replaceAll("");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        } else if (digits.length() == 13 && digits.startsWith("86")) {
            digits = digits.substring(2);
        }
        return MOBILE.matcher(digits).matches() ? digits : null;
    }

    /** The instant a date's answers are for: its start, Beijing time. */
    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(CHINA).toInstant();
    }

    /** The carrier of a national mobile number at an instant. */
    @Transactional(readOnly = true)
    public CarrierAnswer carrierAt(String number, Instant at) {
        return carriersAt(List.of(number), at).get(0);
    }

    /** The carriers of many national mobile numbers at one instant, in the order given. */
    @Transactional(readOnly = true)
    public List<CarrierAnswer> carriersAt(List<String> numbers, Instant at) {
        OffsetDateTime asOf = at.atOffset(ZoneOffset.ofHours(8));
        LocalDate day = LocalDate.ofInstant(at, CHINA);
        Map<String, LastPort> ports = lastPorts(numbers, at);
        // A mobile number's block is a 7-digit segment (or a shorter short code): the first seven
        // digits decide the holder, so one lookup serves every number of a segment.
        Map<String, Optional<AllocationView>> blocks = new HashMap<>();
        List<CarrierAnswer> answers = new ArrayList<>(numbers.size());
        for (String number : numbers) {
            Optional<AllocationView> block = blocks.computeIfAbsent(
                    number.substring(0, 7), segment -> resources.holderOf(segment + "0000", day));
            if (block.isEmpty()) {
                answers.add(CarrierAnswer.unknown(number, asOf));
                continue;
            }
            AllocationView holder = block.get();
            LastPort port = ports.get(number);
            answers.add(new CarrierAnswer(
                    number,
                    asOf,
                    true,
                    port == null ? holder.holderCreditCode() : port.recipientCreditCode(),
                    port == null ? holder.holderName() : port.recipientName(),
                    holder.holderCreditCode(),
                    holder.holderName(),
                    holder.prefix(),
                    homeProvince(holder, number),
                    port == null ? null : port.effectiveAt()));
        }
        return answers;
    }

    /** The province of an allocation made for one, else the region of the number's segment. */
    private static String homeProvince(AllocationView holder, String number) {
        if (holder.provinceCode() != null) {
            return holder.provinceCode();
        }
        PhoneLookup lookup = PhoneNumbers.standard().lookup(number);
        return lookup.valid() ? lookup.provinceCode() : null;
    }

    private record LastPort(String recipientCreditCode, String recipientName, OffsetDateTime effectiveAt) {}

    private Map<String, LastPort> lastPorts(List<String> numbers, Instant at) {
        Map<String, LastPort> last = new HashMap<>();
        for (int from = 0; from < numbers.size(); from += CHUNK) {
            List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + CHUNK));
            jdbc.sql("""
                            select phone_number, recipient_credit_code, recipient_name, effective_at
                            from numbering_port_order
                            where phone_number in (:numbers) and status in ('SCHEDULED', 'COMPLETED')
                              and effective_at <= :at
                            order by effective_at, id""")
                    .param("numbers", chunk)
                    .param("at", at.atOffset(ZoneOffset.UTC))
                    .query(rs -> {
                        last.put(rs.getString(1), toPort(rs));
                    });
        }
        return last;
    }

    private static LastPort toPort(ResultSet rs) throws SQLException {
        return new LastPort(
                rs.getString(2),
                rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant().atOffset(ZoneOffset.ofHours(8)));
    }
}
