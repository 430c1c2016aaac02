package org.telereg.platform.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.engine.filing.IpAddresses;

/**
 * Finds the active filed services at a domain, an IP address or within an address block, for modules
 * that match their own lists (threat intelligence) against the register. Read-only.
 */
@Service
public class FiledSites {

    private static final String SELECT = """
            select s.id, s.service_number, s.name, s.access_provider_credit_code, s.access_provider_name,
                   j.province_code, %s as matched
            from filing_service s join filing_subject j on j.id = s.subject_id""";

    private final JdbcClient jdbc;

    FiledSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The active services with a filed domain that is the host or a parent of it: a filing of
     * {@code example.cn} covers {@code www.example.cn}. Text that is not a host name finds nothing.
     */
    @Transactional(readOnly = true)
    public List<FiledSite> coveringHost(String host) {
        String name;
        try {
            name = DomainIndex.normalise(host);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String current = name; current.indexOf('.') > 0; current = current.substring(current.indexOf('.') + 1)) {
            names.add(current);
        }
        if (names.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT.formatted("d.domain")
                        + " join filing_service_domain d on d.service_id = s.id"
                        + " where d.domain in (:names) and s.status = 'ACTIVE' order by s.id")
                .param("names", names)
                .query(FiledSites::site)
                .list();
    }

    /** The active services filed at an IP address (any text form); text that is not one finds nothing. */
    @Transactional(readOnly = true)
    public List<FiledSite> atAddress(String address) {
        String canonical;
        try {
            canonical = IpAddresses.normalise(address);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return jdbc.sql(SELECT.formatted("i.address")
                        + " join filing_service_ip i on i.service_id = s.id"
                        + " where i.address = :address and s.status = 'ACTIVE' order by s.id")
                .param("address", canonical)
                .query(FiledSites::site)
                .list();
    }

    /**
     * The active services filed at an address within the block {@code network/prefixLength}: a range of the
     * index on the addresses' hex form, plus any address whose hex form is not filled yet ({@link
     * FiledAddressBackfill}), read apart.
     *
     * @param network the block's address bytes, four or sixteen
     */
    @Transactional(readOnly = true)
    public List<FiledSite> inBlock(byte[] network, int prefixLength) {
        byte[] first = network.clone();
        byte[] last = network.clone();
        for (int bit = Math.max(0, prefixLength); bit < 8 * network.length; bit++) {
            first[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            last[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        String join = " join filing_service_ip i on i.service_id = s.id where s.status = 'ACTIVE' and ";
        List<FiledSite> found = new ArrayList<>(
                jdbc.sql(SELECT.formatted("i.address") + join + "i.address_hex between :first and :last")
                        .param("first", IpFilings.hex(first))
                        .param("last", IpFilings.hex(last))
                        .query(FiledSites::site)
                        .list());
        found.addAll(jdbc.sql(SELECT.formatted("i.address") + join + "i.address_hex is null")
                .query(FiledSites::site)
                .list());
        // The range holds the block's addresses and, for an IPv6 block over ::ffff:0:0/96, IPv4 ones: the family
        // decides, as it does for the rows read apart.
        return found.stream()
                .filter(site -> within(site.matched(), network, prefixLength))
                .sorted(Comparator.comparingLong(FiledSite::serviceId).thenComparing(FiledSite::matched))
                .toList();
    }

    /**
     * Some active filed services with a domain, one row each, in filing order (for demo data that
     * must hit the register).
     */
    @Transactional(readOnly = true)
    public List<FiledSite> withDomains(int limit) {
        return jdbc.sql(SELECT.formatted("d.domain")
                        + " join filing_service_domain d on d.service_id = s.id"
                        + " where s.status = 'ACTIVE' and d.domain = (select min(e.domain) from filing_service_domain e"
                        + " where e.service_id = s.id) order by s.id limit :limit")
                .param("limit", Math.max(0, limit))
                .query(FiledSites::site)
                .list();
    }

    /** Some active filed services with an IPv4 address, one row each, in filing order (for demo data). */
    @Transactional(readOnly = true)
    public List<FiledSite> withAddresses(int limit) {
        return jdbc.sql(SELECT.formatted("i.address")
                        + " join filing_service_ip i on i.service_id = s.id"
                        + " where s.status = 'ACTIVE' and i.address = (select min(a.address) from filing_service_ip a"
                        + " where a.service_id = s.id and a.address not like '%:%') order by s.id limit :limit")
                .param("limit", Math.max(0, limit))
                .query(FiledSites::site)
                .list();
    }

    private static boolean within(String text, byte[] network, int prefixLength) {
        byte[] address = IpAddresses.parseOrNull(text);
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    private static FiledSite site(ResultSet rs, int row) throws SQLException {
        return new FiledSite(
                rs.getLong("id"),
                rs.getString("service_number"),
                rs.getString("name"),
                rs.getString("matched"),
                rs.getString("province_code"),
                rs.getString("access_provider_credit_code"),
                rs.getString("access_provider_name"));
    }
}
