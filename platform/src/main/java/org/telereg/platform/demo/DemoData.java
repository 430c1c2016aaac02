package org.telereg.platform.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.NewOrganisation;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.Role;
import org.telereg.platform.antifraud.FraudDisposal;
import org.telereg.platform.antifraud.NewSuspect;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyInput;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyType;
import org.telereg.platform.numbering.NewAllocation;
import org.telereg.platform.numbering.NumberResources;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Fills an empty database with demo operators and an access provider, one account per role, and
 * companies across all provinces (the ministry and the 31 administrations come with the migrations).
 * Runs once: a database that already has the demo operators is left alone.
 */
@Component
@Profile("demo")
@Order(DemoData.ORDER)
class DemoData implements ApplicationRunner {

    /** Runs before the modules that seed their own demo records on top of these organisations. */
    static final int ORDER = 0;

    static final String MINISTRY = "MIIT";

    /** The accounts the README lists: user name, display name, organisation code, role. */
    /** The names the basic operators go by in speed-test files, appeals and the press. */
    private static final Map<String, List<String>> ALIASES = Map.of(
            "OP-CMCC", List.of("中国移动", "China Mobile", "CMCC"),
            "OP-CUCC", List.of("中国联通", "China Unicom", "CUCC"),
            "OP-CTCC", List.of("中国电信", "China Telecom", "CTCC"),
            "OP-CBN", List.of("中国广电", "China Broadnet", "CBN"));

    static final List<String[]> ACCOUNTS = List.of(
            new String[] {"admin", "部系统管理员", MINISTRY, "MINISTRY_ADMIN"},
            new String[] {"officer", "部业务处室", MINISTRY, "MINISTRY_OFFICER"},
            new String[] {"gd", "广东省管局业务员", "CA-44", "PROVINCIAL_OFFICER"},
            new String[] {"bj", "北京市管局业务员", "CA-11", "PROVINCIAL_OFFICER"},
            new String[] {"cmcc", "中国移动接口员", "OP-CMCC", "OPERATOR"},
            new String[] {"isp", "接入服务商用户", "AP-DEMO", "ACCESS_PROVIDER"},
            new String[] {"auditor", "审计员", MINISTRY, "AUDITOR"});

    private final AccessManagement access;
    private final CompanyRegistry companies;
    private final CompanyAliases aliases;
    private final FraudDisposal fraud;
    private final NumberResources numbers;
    private final DemoSettings settings;

    DemoData(
            AccessManagement access,
            CompanyRegistry companies,
            CompanyAliases aliases,
            FraudDisposal fraud,
            NumberResources numbers,
            DemoSettings settings) {
        this.access = access;
        this.companies = companies;
        this.aliases = aliases;
        this.fraud = fraud;
        this.numbers = numbers;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (access.organisation("OP-CMCC").isPresent()) {
            return;
        }
        Random random = new Random(settings.seed());
        CompanyNames names = new CompanyNames(random);
        Actor system = Actor.system();

        String[][] operators = {
            {"OP-CMCC", "中国移动通信集团有限公司", "11", "STATE_OWNED", "30000000000000"},
            {"OP-CUCC", "中国联合网络通信集团有限公司", "11", "STATE_OWNED", "21365000000000"},
            {"OP-CTCC", "中国电信集团有限公司", "11", "STATE_OWNED", "21310000000000"},
            {"OP-CBN", "中国广电网络股份有限公司", "11", "JOINT_STOCK", "15000000000000"},
            {"OP-MVNO1", "示例虚拟运营通信有限公司", "44", "LIMITED_LIABILITY", "100000000"},
            {"OP-MVNO2", "样例移动转售科技有限公司", "31", "LIMITED_LIABILITY", "50000000"},
            {"AP-DEMO", "示例云计算服务有限公司", "44", "LIMITED_LIABILITY", "20000000"}
        };
        for (String[] operator : operators) {
            String creditCode = names.creditCode(operator[2]);
            companies.save(
                    system,
                    new CompanyInput(
                            creditCode,
                            operator[1],
                            operator[3],
                            names.person(),
                            operator[4],
                            operator[2],
                            names.address(operator[2]),
                            null));
            for (String alias : ALIASES.getOrDefault(operator[0], List.of())) {
                aliases.add(system, creditCode, alias);
            }
            access.createOrganisation(new NewOrganisation(
                    operator[0],
                    operator[1],
                    operator[0].startsWith("AP-") ? OrganisationType.ACCESS_PROVIDER : OrganisationType.OPERATOR,
                    operator[2],
                    creditCode,
                    null));
        }
        for (String[] account : ACCOUNTS) {
            access.createUser(
                    new NewUser(account[0], settings.password(), account[1], account[2], Role.valueOf(account[3])));
        }
        List<String> groupHeads = new ArrayList<>();
        List<String> registered = new ArrayList<>();
        List<ProvinceCode> provinces = ProvinceCode.administered();
        for (int i = 0; i < settings.enterprises(); i++) {
            // Busy provinces (Guangdong, Beijing, Shanghai, Zhejiang, Jiangsu) get more companies.
            String province = random.nextInt(3) == 0
                    ? List.of("44", "11", "31", "33", "32").get(random.nextInt(5))
                    : provinces.get(random.nextInt(provinces.size())).code();
            String creditCode = names.creditCode(province);
            String group = !groupHeads.isEmpty() && random.nextInt(10) == 0
                    ? groupHeads.get(random.nextInt(groupHeads.size()))
                    : null;
            CompanyType type = CompanyType.values()[random.nextInt(5)];
            companies.save(
                    system,
                    new CompanyInput(
                            creditCode,
                            names.company(province),
                            type.name(),
                            names.person(),
                            Long.toString((1 + random.nextInt(500)) * 100_000L),
                            province,
                            names.address(province),
                            group));
            if (group == null && random.nextInt(8) == 0) {
                groupHeads.add(creditCode);
            }
            registered.add(creditCode);
        }
        smsPorts(registered, system);
        suspects(random, system);
    }

    /** 106 SMS ports held by some of the demo companies, national and provincial, on each carrier. */
    private void smsPorts(List<String> holders, Actor system) {
        String[][] ports = {
            {"1069012345", "", "OP-CMCC", "2023-03-01", "工信部码号〔2023〕112号"},
            {"10655888", "", "OP-CUCC", "2022-07-15", "工信部码号〔2022〕087号"},
            {"10690577", "", "OP-CTCC", "2024-01-10", "工信部码号〔2024〕009号"},
            {"1069144001", "44", "OP-CMCC", "2024-05-20", "粤通信〔2024〕31号"},
            {"1069111002", "11", "OP-CUCC", "2025-02-18", "京通信〔2025〕12号"}
        };
        for (int i = 0; i < ports.length && i < holders.size(); i++) {
            String[] port = ports[i];
            numbers.allocate(
                    system, new NewAllocation("SMS_PORT", port[0], port[1], holders.get(i), port[2], port[3], port[4]));
        }
    }

    /**
     * Suspected fraud numbers as a scan would report them, spread over the basic operators; a few
     * already confirmed so the disposal pages have something in every state.
     */
    private void suspects(Random random, Actor system) {
        String[][] operators = {
            {"OP-CMCC", "138", "139", "150", "187"},
            {"OP-CUCC", "130", "131", "156", "186"},
            {"OP-CTCC", "133", "153", "177", "189"},
            {"OP-CBN", "192", "192", "192", "192"}
        };
        String[] reasons = {
            "out_calls=%d;max_out_per_day=%d;connected_ratio=0.%02d",
            "short_call_ratio=0.%03d;repeat_contact_ratio=0.0%d;night_ratio=0.%02d",
            "distinct_callees=%d;shared_imeis=%d;sequential_ratio=0.%02d"
        };
        for (int i = 0; i < settings.suspects(); i++) {
            String[] operator = operators[random.nextInt(operators.length)];
            var organisation = access.organisation(operator[0]).orElseThrow();
            String number = operator[1 + random.nextInt(4)] + String.format("%08d", random.nextInt(100_000_000));
            var view = fraud.registerSuspect(new NewSuspect(
                    number,
                    organisation.creditCode(),
                    organisation.name(),
                    BigDecimal.valueOf(600 + random.nextInt(400), 3),
                    String.format(
                            reasons[random.nextInt(reasons.length)],
                            50 + random.nextInt(400),
                            1 + random.nextInt(9),
                            random.nextInt(100))));
            if (random.nextInt(5) == 0) {
                fraud.confirm(system, view.id());
            }
        }
    }

    /** Plausible Chinese names, addresses and valid credit codes from one random source. */
    static final class CompanyNames {

        private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".split("");
        private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华".split("");
        private static final String[] WORDS = "信达 云联 数智 天网 博通 讯捷 光华 星海 智联 恒信 万维 锐捷 中盈 易通 联创 汇通".split(" ");
        private static final String[] TRADES = "网络科技 信息技术 通信技术 数据服务 云计算 电子商务 软件".split(" ");
        private static final String[] STREETS = "人民路 建设路 中山路 解放路 科技路 创业大道 高新大道".split(" ");
        private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

        private final Random random;
        private final java.util.Set<String> issued = new java.util.HashSet<>();

        CompanyNames(Random random) {
            this.random = random;
        }

        String person() {
            return pick(SURNAMES) + pick(GIVEN) + (random.nextBoolean() ? pick(GIVEN) : "");
        }

        String company(String province) {
            String prefix =
                    Divisions.standard().province(province).orElseThrow().shortName();
            return prefix + pick(WORDS) + pick(TRADES) + "有限公司";
        }

        String address(String province) {
            List<Division> cities = Divisions.standard().cities(province);
            String city = cities.isEmpty()
                    ? ""
                    : cities.get(random.nextInt(cities.size())).name();
            if (city.equals("市辖区") || city.equals("县")) {
                city = "";
            }
            return Divisions.standard().province(province).orElseThrow().name() + city + pick(STREETS)
                    + (1 + random.nextInt(999)) + "号";
        }

        /** A never-repeated code: 9 (industry and commerce), 1 (company), a county of the province. */
        String creditCode(String province) {
            while (true) {
                List<Division> counties = new ArrayList<>();
                for (Division city : Divisions.standard().cities(province)) {
                    counties.addAll(Divisions.standard().counties(city.code()));
                }
                String division = counties.isEmpty()
                        ? province + "0000"
                        : counties.get(random.nextInt(counties.size())).code();
                StringBuilder organisation = new StringBuilder();
                for (int i = 0; i < 8; i++) {
                    organisation.append(CODE_ALPHABET.charAt(random.nextInt(10)));
                }
                organisation.append(organisationCheck(organisation));
                String first17 = "91" + division + organisation;
                String code = first17 + CreditCodes.checkCharacter(first17);
                if (issued.add(code)) {
                    return code;
                }
            }
        }

        /** GB 11714 check digit of the embedded organisation code. */
        private static char organisationCheck(CharSequence eight) {
            int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 8; i++) {
                sum += Character.digit(eight.charAt(i), 10) * weights[i];
            }
            int check = 11 - sum % 11;
            return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
