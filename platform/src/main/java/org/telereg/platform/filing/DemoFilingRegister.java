package org.telereg.platform.filing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeds the filing register as the migration from the old national system would leave it: the five
 * real MIIT records of {@code demo/icp-records.json} and a few hundred generated ones in the same shape
 * across all 31 provinces (websites and Apps, active, lapsed and cancelled), the IP ranges the basic
 * operators and the demo access provider allocated (IPv4 and IPv6, with sub-allocations), and
 * blacklist entries of every kind and severity, one of them on a filed domain. Plain JDBC in one
 * transaction; a register that already holds the real records is left alone.
 */
@Component
@Profile("demo")
@Order(66)
class DemoFilingRegister implements ApplicationRunner {

    /** How many generated sponsors (subjects) the register gets besides the real records. */
    static final int SUBJECTS = 320;

    /** A real record's subject number: the register holds it once seeded. */
    static final String MARKER = "京ICP备10046444号";

    private static final String[] SYLLABLES =
            ("an bai bao bei bo cai chang chen cheng chuang da dian ding dong fang fei"
                            + " feng fu gao guang hai hang hao he heng hong hua hui jia jian jin jing kai kang lan le li lian"
                            + " long mei ming nan ning pin qi qian qing rui shan sheng shi shu tai tian tong wan wei wen xiang"
                            + " xin xing xu ya yang yi yong you yu yuan yun ze zhi zhong zhuo")
                    .split(" ");
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华".split("");
    private static final String[] WORDS = "信达 云联 数智 天网 博通 讯捷 光华 星海 智联 恒信 万维 中盈 易通 联创 汇通".split(" ");
    private static final String[] TRADES = "网络科技 信息技术 文化传媒 数据服务 电子商务 软件 教育科技".split(" ");
    private static final String[] CONTENT = {"", "", "", "新闻", "出版", "文化", "广播电影电视节目", "医疗保健", "教育"};
    private static final String[] SUFFIXES = {".cn", ".com.cn", ".com", ".net.cn"};
    private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final DateTimeFormatter RECORD_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** One record of the MIIT query, real or generated, plus what the migration knows besides. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MiitRecord(
            String domain,
            String homeUrl,
            String homepage,
            String unitName,
            String natureName,
            String mainLicence,
            String serviceLicence,
            String serviceName,
            String updateRecordTime,
            String contentTypeName,
            String appIdentifier) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MiitFile(List<MiitRecord> records) {}

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final JsonMapper json;
    private final Hashes.Keyed hashes;
    private final Clock clock;

    DemoFilingRegister(
            JdbcClient jdbc,
            AccessManagement access,
            JsonMapper json,
            Clock clock,
            // The register's personal-data hashes are made with the workflow's key, so they match.
            ApplicationSettings settings) {
        this.jdbc = jdbc;
        this.access = access;
        this.json = json;
        this.hashes = Hashes.keyed(settings.personKey());
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from filing_subject where subject_number = :n")
                        .param("n", MARKER)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        List<OrganisationView> providers = new ArrayList<>();
        for (String code : List.of("AP-DEMO", "OP-CTCC", "OP-CUCC", "OP-CMCC")) {
            access.organisation(code).ifPresent(providers::add);
        }
        if (providers.size() < 4) {
            return;
        }
        Random random = new Random(66);
        Generator generator = new Generator(random, LocalDate.now(clock));
        Ranges ranges = ipRanges(generator, providers);
        for (MiitRecord record : realRecords()) {
            // The public records carry no personal data and no access provider: the migration marks the
            // provider as the basic operator of the sponsor's city and leaves the principals unknown.
            migrate(generator, record, providers.get(1), "ACTIVE", null, ranges, true);
        }
        Set<String> numbers = new HashSet<>();
        List<ProvinceCode> provinces = ProvinceCode.administered();
        for (int i = 0; i < SUBJECTS; i++) {
            String province = i < provinces.size()
                    ? provinces.get(i).code()
                    : random.nextInt(3) == 0
                            ? List.of("44", "11", "31", "33", "32").get(random.nextInt(5))
                            : provinces.get(random.nextInt(provinces.size())).code();
            String subjectNumber;
            do {
                subjectNumber = random.nextInt(4) == 0
                        // The older eight-digit numbers, issued before 2019.
                        ? new FilingNumber(
                                        province,
                                        false,
                                        String.format("%08d", 10_000_000 + random.nextInt(9_000_000)),
                                        0,
                                        false)
                                .toString()
                        // The generated ten-digit numbers stop at 2025: this year's come from the workflow.
                        : FilingNumber.subject(province, 2019 + random.nextInt(7), 1 + random.nextInt(99_999))
                                .toString();
            } while (!numbers.add(subjectNumber));
            double roll = random.nextDouble();
            String subjectStatus = roll < 0.05 ? "CANCELLED" : "ACTIVE";
            List<MiitRecord> services = generator.services(province, subjectNumber);
            OrganisationView provider = providers.get(random.nextInt(10) < 4 ? 0 : 1 + random.nextInt(3));
            long subjectId = -1;
            for (MiitRecord service : services) {
                String status = subjectStatus;
                if (status.equals("ACTIVE")) {
                    double r = random.nextDouble();
                    status = r < 0.80 ? "ACTIVE" : r < 0.92 ? "LAPSED" : "CANCELLED";
                }
                subjectId = subjectId < 0
                        ? migrate(generator, service, provider, status, subjectStatus, ranges, false)
                        : addService(generator, subjectId, service, provider, status, ranges, false);
            }
        }
        blacklist(generator);
    }

    private List<MiitRecord> realRecords() {
        try (InputStream in = new ClassPathResource("demo/icp-records.json").getInputStream()) {
            return json.readValue(in, MiitFile.class).records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subject of a record, then its service; returns the subject's id. */
    private long migrate(
            Generator generator,
            MiitRecord record,
            OrganisationView provider,
            String serviceStatus,
            String subjectStatus,
            Ranges ranges,
            boolean real) {
        String province = province(record.mainLicence());
        boolean individual = "个人".equals(record.natureName());
        String nature = nature(record.natureName());
        String certificate = real ? "" : individual ? generator.idNumber(province) : generator.creditCode(province);
        String principal = real ? "" : individual ? record.unitName() : generator.person();
        String principalId = real ? "" : individual ? certificate : generator.idNumber(province);
        Division county = generator.county(province);
        LocalDate approved = approvedOn(record);
        String status = subjectStatus == null ? "ACTIVE" : subjectStatus;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into filing_subject (subject_number, province_code, nature, sponsor_name, certificate_type,
                    certificate_number, certificate_hash, city_code, county_code, address, principal_name,
                    principal_id_number, principal_id_hash, principal_phone, status, approved_on, cancelled_on,
                    updated_at)
                values (:number, :province, :nature, :name, :certType, :cert, :certHash, :city, :county, :address,
                    :principal, :principalId, :principalHash, :phone, :status, :approved, :cancelled, :at)""")
                .param("number", record.mainLicence())
                .param("province", province)
                .param("nature", nature)
                .param("name", record.unitName())
                .param("certType", individual ? "ID_CARD" : "CREDIT_CODE")
                .param("cert", certificate)
                .param("certHash", certificate.isEmpty() ? "" : hashes.of(certificate))
                .param("city", county.code().substring(0, 4) + "00")
                .param("county", county.code())
                .param("address", real ? "" : generator.address(province, county))
                .param("principal", principal)
                .param("principalId", principalId)
                .param("principalHash", principalId.isEmpty() ? "" : hashes.of(principalId))
                .param("phone", real ? "" : generator.phone())
                .param("status", status)
                .param("approved", approved)
                .param("cancelled", status.equals("CANCELLED") ? generator.daysAgo(5, 200) : null)
                .param("at", updatedAt(record))
                .update(key, "id");
        long subjectId = key.getKey().longValue();
        addService(generator, subjectId, record, provider, serviceStatus, ranges, real);
        return subjectId;
    }

    private long addService(
            Generator generator,
            long subjectId,
            MiitRecord record,
            OrganisationView provider,
            String status,
            Ranges ranges,
            boolean real) {
        String province = province(record.mainLicence());
        boolean app = record.appIdentifier() != null;
        String responsible = real ? "" : generator.person();
        String responsibleId = real ? "" : generator.idNumber(province);
        String home = record.homeUrl() != null ? record.homeUrl() : record.homepage();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into filing_service (subject_id, service_number, kind, name, home_url, app_identifier,
                    content_type, responsible_name, responsible_id_number, responsible_id_hash, responsible_phone,
                    access_provider_credit_code, access_provider_name, status, approved_on, access_withdrawn_on,
                    cancelled_on, updated_at)
                values (:subject, :number, :kind, :name, :home, :app, :content, :responsible, :responsibleId,
                    :responsibleHash, :phone, :provider, :providerName, :status, :approved, :withdrawn, :cancelled,
                    :at)""")
                .param("subject", subjectId)
                .param("number", record.serviceLicence())
                .param("kind", app ? (record.appIdentifier().startsWith("wx") ? "MINI_PROGRAM" : "APP") : "WEBSITE")
                // Some records of the query carry no service name; the sponsor's stands in.
                .param("name", record.serviceName() == null ? record.unitName() : record.serviceName())
                .param("home", app ? null : home == null ? "www." + record.domain() : home)
                .param("app", record.appIdentifier())
                .param(
                        "content",
                        record.contentTypeName() == null
                                        || record.contentTypeName().isEmpty()
                                ? null
                                : record.contentTypeName())
                .param("responsible", responsible)
                .param("responsibleId", responsibleId)
                .param("responsibleHash", responsibleId.isEmpty() ? "" : hashes.of(responsibleId))
                .param("phone", real ? "" : generator.phone())
                .param("provider", provider.creditCode())
                .param("providerName", provider.name())
                .param("status", status)
                .param("approved", approvedOn(record))
                .param("withdrawn", status.equals("LAPSED") ? generator.daysAgo(10, 90) : null)
                .param("cancelled", status.equals("CANCELLED") ? generator.daysAgo(5, 300) : null)
                .param("at", updatedAt(record))
                .update(key, "id");
        long serviceId = key.getKey().longValue();
        if (!app) {
            jdbc.sql("insert into filing_service_domain (service_id, domain) values (:id, :domain)")
                    .param("id", serviceId)
                    .param("domain", record.domain())
                    .update();
        }
        for (String ip : ranges.addressesFor(provider.creditCode(), generator.random)) {
            ServiceAddresses.addToService(jdbc, serviceId, ip);
        }
        return subjectId;
    }

    /** The ranges services are reached at, by access provider: the ones the provider uses itself. */
    private static final class Ranges {
        final Map<String, List<long[]>> byProvider = new LinkedHashMap<>();

        void add(String provider, String first, String last) {
            byProvider.computeIfAbsent(provider, p -> new ArrayList<>()).add(new long[] {
                Integer.toUnsignedLong(IpAddresses.parseIpv4Int(first)),
                Integer.toUnsignedLong(IpAddresses.parseIpv4Int(last))
            });
        }

        List<String> addressesFor(String provider, Random random) {
            List<long[]> ranges = byProvider.getOrDefault(provider, List.of());
            if (ranges.isEmpty()) {
                return List.of();
            }
            Set<String> addresses = new java.util.TreeSet<>();
            int count = 1 + random.nextInt(2);
            for (int i = 0; i < count; i++) {
                long[] range = ranges.get(random.nextInt(ranges.size()));
                long address = range[0] + 1 + random.nextInt((int) Math.max(1, range[1] - range[0] - 1));
                addresses.add(ipv4(address));
            }
            return List.copyOf(addresses);
        }
    }

    /**
     * The basic operators' allocations across the provinces, the demo access provider's IDC blocks from
     * China Telecom with its own sub-allocations to customers, IPv6 blocks, and two withdrawn ranges.
     */
    private Ranges ipRanges(Generator generator, List<OrganisationView> providers) {
        OrganisationView ap = providers.get(0);
        OrganisationView ctcc = providers.get(1);
        OrganisationView cucc = providers.get(2);
        OrganisationView cmcc = providers.get(3);
        Ranges ranges = new Ranges();
        List<ProvinceCode> provinces = ProvinceCode.administered();
        // Each operator: one /20 per province for units there, from a /16 of its own per ten provinces.
        String[][] blocks = {
            {"61.140", "61.141", "61.142", "61.143"},
            {"58.248", "58.249", "58.250", "58.251"},
            {"120.196", "120.197", "120.198", "120.199"}
        };
        OrganisationView[] operators = {ctcc, cucc, cmcc};
        IpUse[] uses = {
            IpUse.IDC,
            IpUse.ENTERPRISE,
            IpUse.HOME_BROADBAND,
            IpUse.MOBILE,
            IpUse.GOVERNMENT,
            IpUse.EDUCATION,
            IpUse.OTHER
        };
        for (int o = 0; o < operators.length; o++) {
            for (int p = 0; p < provinces.size(); p++) {
                String province = provinces.get(p).code();
                String slash16 = blocks[o][p / 10];
                int third = (p % 10) * 16 + 32;
                String first = slash16 + "." + third + ".0";
                String last = slash16 + "." + (third + 15) + ".255";
                if (o == 0 && province.equals("44")) {
                    // China Telecom's Guangdong block goes to the demo access provider's data centre.
                    range(first, last, ap.name(), ap.creditCode(), IpUse.IDC, ctcc, province, null, "ACTIVE");
                    continue;
                }
                IpUse use = uses[(o + p) % uses.length];
                String unitCode = generator.creditCode(province);
                range(first, last, generator.company(province), unitCode, use, operators[o], province, null, "ACTIVE");
                if (use == IpUse.IDC || use == IpUse.ENTERPRISE) {
                    ranges.add(operators[o].creditCode(), first, last);
                }
            }
            // A range given back last year, so the register shows withdrawn filings too.
            String old = blocks[o][3] + ".240.0";
            range(
                    old,
                    blocks[o][3] + ".247.255",
                    generator.company("11"),
                    null,
                    IpUse.OTHER,
                    operators[o],
                    "11",
                    null,
                    "WITHDRAWN");
        }
        // The demo access provider re-allocates /24s of its Guangdong block to its customers.
        String apBlock = blocks[0][(indexOf(provinces, "44")) / 10];
        int apThird = (indexOf(provinces, "44") % 10) * 16 + 32;
        for (int i = 0; i < 8; i++) {
            String first = apBlock + "." + (apThird + i) + ".0";
            String last = apBlock + "." + (apThird + i) + ".255";
            range(
                    first,
                    last,
                    generator.company("44"),
                    generator.creditCode("44"),
                    IpUse.IDC,
                    ap,
                    "44",
                    "440300",
                    "ACTIVE");
            ranges.add(ap.creditCode(), first, last);
        }
        // IPv6: each operator a /32 per five provinces' units, and the access provider a /40 from Telecom.
        String[] v6 = {"240e:3", "2408:8", "2409:8"};
        for (int o = 0; o < operators.length; o++) {
            for (int p = 0; p < 5; p++) {
                String province = provinces.get(p * 6).code();
                String prefix = v6[o] + String.format("%x0", p + 1);
                range(
                        prefix + "::",
                        prefix + ":ffff:ffff:ffff:ffff:ffff:ffff",
                        generator.company(province),
                        generator.creditCode(province),
                        uses[p],
                        operators[o],
                        province,
                        null,
                        "ACTIVE");
            }
        }
        range(
                "240e:3f0:1000::",
                "240e:3f0:10ff:ffff:ffff:ffff:ffff:ffff",
                ap.name(),
                ap.creditCode(),
                IpUse.IDC,
                ctcc,
                "44",
                "440300",
                "ACTIVE");
        range(
                "240e:3f0:1001::",
                "240e:3f0:1001:ffff:ffff:ffff:ffff:ffff",
                generator.company("44"),
                generator.creditCode("44"),
                IpUse.IDC,
                ap,
                "44",
                "440300",
                "ACTIVE");
        return ranges;
    }

    private static int indexOf(List<ProvinceCode> provinces, String code) {
        return provinces.indexOf(new ProvinceCode(code));
    }

    private void range(
            String first,
            String last,
            String unit,
            String unitCode,
            IpUse use,
            OrganisationView isp,
            String province,
            String city,
            String status) {
        byte[] firstBytes = IpAddresses.parse(first);
        byte[] lastBytes = IpAddresses.parse(last);
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                insert into filing_ip_range (first_address, last_address, first_hex, last_hex, family,
                    user_unit_name, user_unit_credit_code, usage, allocating_isp_credit_code, allocating_isp_name,
                    province_code, city_code, status, filed_on, withdrawn_on, updated_at)
                values (:first, :last, :firstHex, :lastHex, :family, :unit, :unitCode, :usage, :isp, :ispName,
                    :province, :city, :status, :filed, :withdrawn, :at)""")
                .param("first", IpAddresses.format(firstBytes))
                .param("last", IpAddresses.format(lastBytes))
                .param("firstHex", IpFilings.hex(firstBytes))
                .param("lastHex", IpFilings.hex(lastBytes))
                .param("family", firstBytes.length == 4 ? 4 : 6)
                .param("unit", unit)
                .param("unitCode", unitCode)
                .param("usage", use.name())
                .param("isp", isp.creditCode())
                .param("ispName", isp.name())
                .param("province", province)
                .param("city", city)
                .param("status", status)
                .param("filed", today.minusDays(400))
                .param("withdrawn", status.equals("WITHDRAWN") ? today.minusDays(200) : null)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * Entries of every kind and severity; the first is a filed, active domain of the register, so the
     * blacklist shows the link to its filing.
     */
    private void blacklist(Generator generator) {
        String filed = jdbc.sql("select min(d.domain) from filing_service_domain d join filing_service s"
                        + " on s.id = d.service_id where s.status = 'ACTIVE' and d.domain not in"
                        + " ('mi.cn', 'baidu.com', 'bilibili.com', 'qq.com', 'zorelworld.com')")
                .query(String.class)
                .single();
        Object[][] entries = {
            {"DOMAIN", filed, "已备案网站（涉赌）", 2, "GAMBLING", "网站提供境外赌博平台链接，责令整改并暂停接入", "44"},
            {"DOMAIN", "bet-" + generator.pinyin() + ".com", "境外博彩", 1, "GAMBLING", "网络赌博网站，全网拦截", "MIIT"},
            {"DOMAIN", generator.pinyin() + "-jiaoyi.cn", "虚假投资理财", 1, "FRAUD", "涉诈网站，公安机关通报", "MIIT"},
            {"DOMAIN", "login-" + generator.pinyin() + ".com.cn", "仿冒银行登录页", 1, "PHISHING", "仿冒金融机构的钓鱼网站", "MIIT"},
            {"DOMAIN", generator.pinyin() + "tv.net.cn", "盗版影视", 2, "ILLEGAL_CONTENT", "传播侵权影视作品", "31"},
            {"DOMAIN", generator.pinyin() + ".cn", "未备案网站", 3, "UNFILED", "未履行备案手续即开通服务，予以警示", "11"},
            {"APP", "com." + generator.pinyin() + ".loan", "极速借款", 1, "FRAUD", "涉诈App，下架并阻断分发", "MIIT"},
            {"APP", "com." + generator.pinyin() + ".cleaner", "手机清理大师", 2, "PRIVACY", "违规收集个人信息，责令下架整改", "MIIT"},
            {"APP", "com." + generator.pinyin() + ".game", "趣味小游戏", 3, "MALWARE", "捆绑恶意扣费插件，予以警示", "44"},
            {"IP", "61.141.40.17", null, 1, "MALWARE", "僵尸网络控制服务器", "MIIT"},
            {"IP", "240e:3a0::66", null, 2, "PHISHING", "钓鱼网站托管地址", "44"},
            {"IP", "58.249.64.9", null, 3, "PORNOGRAPHY", "传播淫秽色情信息的服务器，予以警示", "33"}
        };
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < entries.length; i++) {
            Object[] e = entries[i];
            jdbc.sql("""
                    insert into filing_blacklist (target_kind, target, name, severity, category, reason,
                        authority_code, listed_on, status, updated_at)
                    values (:kind, :target, :name, :severity, :category, :reason, :authority, :listed, 'ACTIVE', :at)""")
                    .param("kind", e[0])
                    .param("target", e[0].equals("IP") ? IpAddresses.normalise((String) e[1]) : e[1])
                    .param("name", e[2])
                    .param("severity", e[3])
                    .param("category", e[4])
                    .param("reason", e[5])
                    .param("authority", e[6])
                    .param("listed", today.minusDays(3L * (i + 1)))
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
        jdbc.sql("""
                insert into filing_blacklist (target_kind, target, name, severity, category, reason,
                    authority_code, listed_on, status, lifted_on, lift_reason, updated_at)
                values ('DOMAIN', :target, '已整改网站', 2, 'ILLEGAL_CONTENT', '发布违法违规信息', '44', :listed,
                    'LIFTED', :lifted, '已删除违规内容并完成整改', :at)""")
                .param("target", generator.pinyin() + ".com.cn")
                .param("listed", today.minusDays(120))
                .param("lifted", today.minusDays(30))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static String province(String mainLicence) {
        try {
            return FilingNumber.parse(mainLicence).provinceCode();
        } catch (InvalidValueException e) {
            // An ICP business licence such as 粤B2-20090059: its first character is the province.
            return ProvinceCode.of(mainLicence.substring(0, 1)).code();
        }
    }

    private static String nature(String natureName) {
        return switch (natureName == null ? "" : natureName) {
            case "个人" -> "INDIVIDUAL";
            case "政府机关" -> "GOVERNMENT";
            case "事业单位" -> "PUBLIC_INSTITUTION";
            case "社会团体" -> "SOCIAL_ORGANISATION";
            default -> "ENTERPRISE";
        };
    }

    private static LocalDate approvedOn(MiitRecord record) {
        return LocalDateTime.parse(record.updateRecordTime(), RECORD_TIME).toLocalDate();
    }

    private static OffsetDateTime updatedAt(MiitRecord record) {
        return LocalDateTime.parse(record.updateRecordTime(), RECORD_TIME).atOffset(ZoneOffset.ofHours(8));
    }

    private static String ipv4(long address) {
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }

    /** Names, numbers and records in the shape of the MIIT query, from one seeded random source. */
    static final class Generator {

        final Random random;
        private final LocalDate today;
        private final Set<String> issued = new HashSet<>();

        Generator(Random random, LocalDate today) {
            this.random = random;
            this.today = today;
        }

        /** One to three services of a new subject: websites ({@code -n}) and Apps ({@code -nA}). */
        List<MiitRecord> services(String province, String subjectNumber) {
            boolean individual = random.nextInt(5) == 0;
            String unit = individual ? person() : company(province);
            String nature = individual
                    ? "个人"
                    : List.of("企业", "企业", "企业", "事业单位", "政府机关", "社会团体").get(random.nextInt(6));
            FilingNumber subject = FilingNumber.parse(subjectNumber);
            LocalDate approved = today.minusDays(30 + random.nextInt(2500));
            String time = approved.atTime(9 + random.nextInt(8), random.nextInt(60), random.nextInt(60))
                    .format(RECORD_TIME);
            int count = individual ? 1 : 1 + random.nextInt(3);
            List<MiitRecord> records = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                boolean app = !individual && i > 1 && random.nextBoolean();
                String word = pinyin();
                String content = CONTENT[random.nextInt(CONTENT.length)];
                if (app) {
                    String identifier = random.nextInt(3) == 0 ? "wx" + hex16() : "com." + word + ".app";
                    records.add(new MiitRecord(
                            null,
                            null,
                            null,
                            unit,
                            nature,
                            subjectNumber,
                            subject.service(i, true).toString(),
                            unit.length() > 8 ? word + "App" : unit + "App",
                            time,
                            content,
                            identifier));
                } else {
                    String domain = word + SUFFIXES[random.nextInt(SUFFIXES.length)];
                    records.add(new MiitRecord(
                            domain,
                            "www." + domain,
                            null,
                            unit,
                            nature,
                            subjectNumber,
                            subject.service(i, false).toString(),
                            individual ? unit + "的个人网站" : unit.replace("有限公司", "") + "官网",
                            time,
                            content,
                            null));
                }
            }
            return records;
        }

        /** Two or three pinyin syllables, never the same word twice (so domains do not repeat). */
        String pinyin() {
            while (true) {
                String word = pick(SYLLABLES) + pick(SYLLABLES) + (random.nextBoolean() ? pick(SYLLABLES) : "");
                if (issued.add("w:" + word)) {
                    return word;
                }
            }
        }

        String person() {
            return pick(SURNAMES) + pick(GIVEN) + (random.nextBoolean() ? pick(GIVEN) : "");
        }

        String company(String province) {
            return Divisions.standard().province(province).orElseThrow().shortName() + pick(WORDS) + pick(TRADES)
                    + "有限公司";
        }

        Division county(String province) {
            List<Division> counties = new ArrayList<>();
            for (Division city : Divisions.standard().cities(province)) {
                counties.addAll(Divisions.standard().counties(city.code()));
            }
            if (counties.isEmpty()) {
                counties.addAll(Divisions.standard().cities(province));
            }
            return counties.get(random.nextInt(counties.size()));
        }

        String address(String province, Division county) {
            return Divisions.standard().province(province).orElseThrow().name() + county.name()
                    + List.of("人民路", "建设路", "中山路", "科技路", "创业大道").get(random.nextInt(5)) + (1 + random.nextInt(999))
                    + "号";
        }

        /** A valid 18-digit resident ID number of a county of the province, born 1960–2000. */
        String idNumber(String province) {
            String county = county(province).code();
            LocalDate birth = LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String first17 = county
                    + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", random.nextInt(1000));
            return first17 + IdNumbers.checkCharacter(first17);
        }

        /** A never-repeated valid credit code of a company registered in the province. */
        String creditCode(String province) {
            while (true) {
                String county = county(province).code();
                StringBuilder organisation = new StringBuilder();
                for (int i = 0; i < 8; i++) {
                    organisation.append(CODE_ALPHABET.charAt(random.nextInt(10)));
                }
                int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
                int sum = 0;
                for (int i = 0; i < 8; i++) {
                    sum += Character.digit(organisation.charAt(i), 10) * weights[i];
                }
                int check = 11 - sum % 11;
                organisation.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
                String first17 = "91" + county + organisation;
                String code = first17 + CreditCodes.checkCharacter(first17);
                if (issued.add(code)) {
                    return code;
                }
            }
        }

        String phone() {
            return List.of("138", "139", "150", "186", "189", "133", "177").get(random.nextInt(7))
                    + String.format("%08d", random.nextInt(100_000_000));
        }

        LocalDate daysAgo(int from, int to) {
            return today.minusDays(from + random.nextInt(to - from + 1));
        }

        private String hex16() {
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                hex.append(Integer.toHexString(random.nextInt(16)));
            }
            return hex.toString();
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
