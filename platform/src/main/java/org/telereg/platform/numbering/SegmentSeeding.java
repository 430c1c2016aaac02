package org.telereg.platform.numbering;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.numbering.Carrier;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;

/**
 * Fills the register with the basic operators' mobile segments from the reference number tables the
 * engine ships (libphonenumber's carrier prefixes over the 2015 segment table and the later
 * allocations): the 7-digit prefixes are merged up to the shortest prefix one carrier holds entirely
 * (every 7-digit prefix under {@code 138} is China Mobile's, so {@code 138} is one block). Running it
 * again adds only what is missing; a block that overlaps one already held is left alone and counted.
 */
@Service
public class SegmentSeeding {

    /** The document number recorded on seeded allocations, naming where they came from. */
    static final String SOURCE = "参考号段数据 reference segments";

    private static final int FIRST_PREFIX = 1_300_000;
    private static final int PREFIXES = 700_000;

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final CompanyRegistry companies;
    private final AuditTrail audit;
    private final NumberingSettings settings;
    private final Clock clock;

    SegmentSeeding(
            JdbcClient jdbc,
            AccessManagement access,
            CompanyRegistry companies,
            AuditTrail audit,
            NumberingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.companies = companies;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What one run did.
     *
     * @param blocks the blocks the reference data gives the four basic operators
     * @param created allocations added now
     * @param alreadyHeld blocks the same holder already had
     * @param overlapping blocks left alone because another allocation covers part of them
     * @param missingHolders carriers with no registered operator (organisation code and company) to
     *     hold their blocks; their blocks were skipped
     */
    public record SeedResult(int blocks, int created, int alreadyHeld, int overlapping, List<String> missingHolders) {}

    /** A block of the reference data: a prefix and the carrier holding every number under it. */
    record ReferenceBlock(String prefix, Carrier carrier) {}

    /**
     * Seeds the segments; ministry staff and the platform itself only.
     *
     * @throws AccessDeniedException for anyone else
     */
    @Transactional
    public SeedResult seed(Actor actor) {
        if (!NumberResources.mayAllocate(actor, AllocationKind.MOBILE_SEGMENT, null)) {
            throw new AccessDeniedException("only the ministry allocates mobile segments");
        }
        Map<Carrier, CompanyView> holders = new EnumMap<>(Carrier.class);
        List<String> missing = new ArrayList<>();
        for (Carrier carrier :
                List.of(Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM, Carrier.CHINA_TELECOM, Carrier.CHINA_BROADNET)) {
            Optional<CompanyView> holder = Optional.ofNullable(
                            settings.segmentHolders().get(carrier.name()))
                    .flatMap(access::organisation)
                    .map(OrganisationView::creditCode)
                    .flatMap(code -> companies.find(DataScope.all(), code));
            holder.ifPresentOrElse(h -> holders.put(carrier, h), () -> missing.add(carrier.name()));
        }
        List<AllocationView> held = jdbc.sql("select * from numbering_allocation where withdrawn_on is null")
                .query((rs, n) -> NumberResources.toView(rs))
                .list();
        List<ReferenceBlock> blocks = referenceBlocks();
        int created = 0;
        int already = 0;
        int overlapping = 0;
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        for (ReferenceBlock block : blocks) {
            CompanyView holder = holders.get(block.carrier());
            if (holder == null) {
                continue;
            }
            Optional<AllocationView> covering = held.stream()
                    .filter(a -> a.prefix().startsWith(block.prefix())
                            || block.prefix().startsWith(a.prefix()))
                    .findFirst();
            if (covering.isPresent()) {
                AllocationView other = covering.get();
                if (other.prefix().equals(block.prefix())
                        && other.holderCreditCode().equals(holder.creditCode())) {
                    already++;
                } else {
                    overlapping++;
                }
                continue;
            }
            jdbc.sql("""
                            insert into numbering_allocation (kind, prefix, province_code, holder_credit_code,
                                holder_name, allocated_on, document_number, created_by, created_at)
                            values (:kind, :prefix, null, :holder, :holderName, :on, :document, :by, :at)""")
                    .param("kind", AllocationKind.MOBILE_SEGMENT.name())
                    .param("prefix", block.prefix())
                    .param("holder", holder.creditCode())
                    .param("holderName", holder.name())
                    .param("on", settings.segmentsAllocatedOn())
                    .param("document", SOURCE)
                    .param("by", actor.username())
                    .param("at", now)
                    .update();
            created++;
        }
        SeedResult result = new SeedResult(blocks.size(), created, already, overlapping, List.copyOf(missing));
        if (created > 0) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("created", created);
            summary.put("alreadyHeld", already);
            summary.put("overlapping", overlapping);
            summary.put("missingHolders", missing);
            audit.record("numbering", "Allocation", "reference-segments", "seeded", null, summary);
        }
        return result;
    }

    /** The blocks of the reference data, in prefix order. */
    static List<ReferenceBlock> referenceBlocks() {
        return Reference.BLOCKS;
    }

    private static final class Reference {
        // Computed once, on first use: a million lookups take well under a second.
        static final List<ReferenceBlock> BLOCKS = merge();
    }

    private static List<ReferenceBlock> merge() {
        Carrier[] carriers = new Carrier[PREFIXES];
        PhoneNumbers numbers = PhoneNumbers.standard();
        for (int i = 0; i < PREFIXES; i++) {
            PhoneLookup lookup = numbers.lookup((FIRST_PREFIX + i) + "0000");
            carriers[i] = lookup.valid() ? lookup.carrier() : Carrier.UNKNOWN;
        }
        List<ReferenceBlock> blocks = new ArrayList<>();
        for (int second = 3; second <= 9; second++) {
            for (int third = 0; third <= 9; third++) {
                collect(carriers, "1" + second + third, blocks);
            }
        }
        return List.copyOf(blocks);
    }

    /** Adds the prefix as one block when one carrier holds all of it, else looks one digit deeper. */
    private static void collect(Carrier[] carriers, String prefix, List<ReferenceBlock> blocks) {
        int scale = 1;
        for (int i = prefix.length(); i < 7; i++) {
            scale *= 10;
        }
        int from = Integer.parseInt(prefix) * scale - FIRST_PREFIX;
        Carrier first = carriers[from];
        boolean whole = first != Carrier.UNKNOWN;
        for (int i = from + 1; i < from + scale && whole; i++) {
            whole = carriers[i] == first;
        }
        if (whole) {
            blocks.add(new ReferenceBlock(prefix, first));
        } else if (prefix.length() < 7) {
            for (int digit = 0; digit <= 9; digit++) {
                collect(carriers, prefix + digit, blocks);
            }
        }
    }
}
