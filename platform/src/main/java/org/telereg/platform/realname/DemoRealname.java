package org.telereg.platform.realname;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/**
 * Demo subscriber snapshots of the basic operators and one MVNO, submitted through the same import
 * operators use, with a handful of identities over the per-operator cap and a few that spread their
 * cards over several operators. Runs once, after the demo organisations exist.
 */
@Component
@Profile("demo")
@Order(30)
class DemoRealname implements ApplicationRunner {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String HEADER =
            "phone_number,document_type,document_number,name,activated_on,status,sales_outlet\n";
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"
    };
    private static final String[] GIVEN = {
        "伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "海燕"
    };
    private static final String[] PROVINCES = {"11", "31", "44", "32", "33", "51", "42", "37"};

    /** Organisation code and the number prefixes its blocks start with. */
    private static final String[][] OPERATORS = {
        {"OP-CMCC", "138", "139", "150", "187"},
        {"OP-CUCC", "130", "131", "156", "186"},
        {"OP-CTCC", "133", "153", "177", "189"},
        {"OP-MVNO1", "171", "171", "171", "171"}
    };

    private final SnapshotImport imports;
    private final AccessManagement access;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int subscribers;
    private final long seed;

    DemoRealname(
            SnapshotImport imports,
            AccessManagement access,
            JdbcClient jdbc,
            Clock clock,
            @Value("${telereg.demo.realname-subscribers:300}") int subscribers,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.imports = imports;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        this.subscribers = subscribers;
        this.seed = seed;
    }

    private record Person(String documentType, String documentNumber, String name) {}

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from realname_batch").query(Long.class).single() > 0) {
            return;
        }
        Random random = new Random(seed + 30);
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<String> addressCodes = addressCodes();
        Set<String> usedNumbers = new HashSet<>();
        List<StringBuilder> files = new ArrayList<>();
        for (int i = 0; i < OPERATORS.length; i++) {
            files.add(new StringBuilder(HEADER));
        }
        // Identities over the cap of one operator: 6 to 9 numbers at CMCC or CUCC.
        for (int i = 0; i < 6; i++) {
            Person person = resident(random, addressCodes);
            int operator = i % 2;
            int cards = 6 + random.nextInt(4);
            for (int c = 0; c < cards; c++) {
                line(files.get(operator), random, OPERATORS[operator], person, usedNumbers, today);
            }
        }
        // Identities within each operator's cap but with many numbers in all.
        for (int i = 0; i < 2; i++) {
            Person person = resident(random, addressCodes);
            for (int operator = 0; operator < OPERATORS.length; operator++) {
                for (int c = 0; c < 3; c++) {
                    line(files.get(operator), random, OPERATORS[operator], person, usedNumbers, today);
                }
            }
        }
        for (int operator = 0; operator < OPERATORS.length; operator++) {
            int count = operator == OPERATORS.length - 1 ? subscribers / 4 : subscribers;
            for (int i = 0; i < count; ) {
                Person person = random.nextInt(25) == 0 ? other(random) : resident(random, addressCodes);
                int cards = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
                for (int c = 0; c < cards; c++, i++) {
                    line(files.get(operator), random, OPERATORS[operator], person, usedNumbers, today);
                }
            }
        }
        for (int operator = 0; operator < OPERATORS.length; operator++) {
            OrganisationView organisation =
                    access.organisation(OPERATORS[operator][0]).orElse(null);
            if (organisation == null) {
                continue;
            }
            Actor actor = new Actor(
                    "demo",
                    "演示数据",
                    Role.OPERATOR,
                    organisation.id(),
                    organisation.name(),
                    DataScope.enterprise(organisation.creditCode()));
            SnapshotResult result = imports.importCsv(
                    actor,
                    "demo-" + OPERATORS[operator][0],
                    "demo.csv",
                    files.get(operator).toString().getBytes(StandardCharsets.UTF_8));
            if (result.status() == SnapshotResult.Status.REJECTED) {
                throw new IllegalStateException(
                        "demo snapshot rejected: " + result.errors().get(0).defaultMessage() + " at line "
                                + result.errors().get(0).line());
            }
        }
    }

    private static void line(
            StringBuilder file, Random random, String[] operator, Person person, Set<String> used, LocalDate today) {
        String number;
        do {
            number = operator[1 + random.nextInt(4)] + String.format("%08d", random.nextInt(100_000_000));
        } while (!used.add(number));
        int roll = random.nextInt(20);
        String status = roll == 0 ? "CANCELLED" : roll == 1 ? "SUSPENDED" : "NORMAL";
        String city = List.of("朝阳", "浦东", "天河", "鼓楼", "西湖", "武侯", "江汉", "历下").get(random.nextInt(8));
        file.append(number)
                .append(',')
                .append(person.documentType())
                .append(',')
                .append(person.documentNumber())
                .append(',')
                .append(person.name())
                .append(',')
                .append(today.minusDays(1 + random.nextInt(3650)))
                .append(',')
                .append(status)
                .append(',')
                .append(city)
                .append(random.nextBoolean() ? "营业厅" : "合作代理点")
                .append('\n');
    }

    private static Person resident(Random random, List<String> addressCodes) {
        String address = addressCodes.get(random.nextInt(addressCodes.size()));
        return new Person("RESIDENT_ID", idNumber(random, address), name(random));
    }

    /** A residence permit of a Hong Kong, Macao or Taiwan resident, or a foreigner's passport. */
    private static Person other(Random random) {
        if (random.nextBoolean()) {
            String address = List.of("810000", "820000", "830000").get(random.nextInt(3));
            return new Person("HMT_RESIDENCE_PERMIT", idNumber(random, address), name(random));
        }
        String passport = "E" + (char) ('A' + random.nextInt(26)) + String.format("%07d", random.nextInt(10_000_000));
        return new Person(
                "PASSPORT",
                passport,
                List.of("SMITH JOHN", "KIM MINJUN", "TANAKA YUKI").get(random.nextInt(3)));
    }

    private static String idNumber(Random random, String address) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(45 * 365));
        String first17 = address + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static String name(Random random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
    }

    /** Current county codes of a few populous provinces: valid for every birth year the demo uses. */
    private static List<String> addressCodes() {
        Divisions divisions = Divisions.standard();
        List<String> codes = new ArrayList<>();
        for (String province : PROVINCES) {
            for (Division city : divisions.cities(province)) {
                for (Division county : divisions.counties(city.code())) {
                    codes.add(county.code());
                }
            }
        }
        return codes;
    }
}
