package org.telereg.platform.universal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/**
 * Two pilot batches (last year's, now past its completion date, and this year's) with about 150
 * villages in western, border and island counties (and a few in Guangdong), assigned to the three
 * basic operators, with their sites and signal tests, and walked through the same services a user
 * would call, so villages stand in every status: some late, some accepted on a nearby site, some on
 * every place having signal, and some failed for a reason the village page shows (the nearest site
 * 7 km away and a clinic without signal; a fibre downlink of 60 Mbps).
 */
@Component
@Profile("demo")
@Order(62)
class DemoUniversal implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUniversal.class);

    private static final String[] OPERATORS = {"OP-CMCC", "OP-CTCC", "OP-CUCC"};

    /** Province, approximate centre (lat, lon), and whether its counties include border or island villages. */
    private static final Object[][] PROVINCES = {
        {"54", 30.0, 91.0, "border"},
        {"65", 42.0, 85.0, "border"},
        {"53", 24.5, 101.5, "border"},
        {"45", 23.5, 108.5, "border"},
        {"15", 43.0, 113.0, "border"},
        {"63", 35.5, 97.0, ""},
        {"62", 36.0, 103.8, ""},
        {"52", 26.6, 106.7, ""},
        {"46", 19.2, 109.8, "island"},
        {"23", 47.5, 128.0, "border"},
        {"44", 23.5, 113.3, "island"},
    };

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final PilotBatches batches;
    private final PilotVillages villages;
    private final CoverageEvidence evidence;
    private final Acceptances acceptances;
    private final long seed;

    DemoUniversal(
            JdbcClient jdbc,
            AccessManagement access,
            PilotBatches batches,
            PilotVillages villages,
            CoverageEvidence evidence,
            Acceptances acceptances,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.jdbc = jdbc;
        this.access = access;
        this.batches = batches;
        this.villages = villages;
        this.evidence = evidence;
        this.acceptances = acceptances;
        this.seed = seed;
    }

    /** What the demo makes of a village. */
    private enum Target {
        PLANNED,
        UNDER_CONSTRUCTION,
        BUILT,
        ACCEPTED_SITE,
        ACCEPTED_SIGNAL,
        FAILED
    }

    private record Planned(String code, double lat, double lon, String operator, Plan plan, Target target) {}

    /** A built village awaiting the demo's acceptance decision, with the day it was built. */
    private record Built(long id, Planned village, LocalDate builtOn) {}

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Long existing = jdbc.sql("select count(*) from universal_batch")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        Map<String, OrganisationView> operators = new LinkedHashMap<>();
        for (String code : OPERATORS) {
            access.organisation(code).filter(o -> o.creditCode() != null).ifPresent(o -> operators.put(code, o));
        }
        if (operators.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(seed + 62);
        LocalDate today = batches.today();
        int year = today.getYear();
        Actor ministry = Actor.system();
        PilotBatch eighth = batches.save(
                ministry,
                null,
                new BatchForm(
                        "第八批",
                        String.valueOf(year - 1),
                        "30",
                        "6",
                        "10",
                        "6",
                        "5",
                        "20",
                        "100",
                        (year - 1) + "-12-31"));
        PilotBatch ninth = batches.save(
                ministry,
                null,
                new BatchForm(
                        "第九批", String.valueOf(year), "30", "6", "10", "6", "5", "20", "100", (year + 1) + "-12-31"));
        Map<String, List<String>> sites = new LinkedHashMap<>();
        List<Built> built = new ArrayList<>();
        built.addAll(batch(
                eighth, 70, random, operators, sites, today, 360, new double[] {0.05, 0.12, 0.08, 0.45, 0.18, 0.12}));
        built.addAll(batch(
                ninth, 80, random, operators, sites, today, 0, new double[] {0.25, 0.35, 0.15, 0.12, 0.05, 0.08}));
        sites.forEach((operator, lines) -> loudly(evidence.importSites(
                ministry,
                operator,
                ("site_code,latitude,longitude,technology\n" + String.join("\n", lines) + "\n")
                        .getBytes(StandardCharsets.UTF_8))));
        for (Built village : built) {
            String on = village.builtOn().plusDays(20).toString();
            boolean fibre = !village.village().plan().mobile();
            switch (village.village().target()) {
                case ACCEPTED_SITE, ACCEPTED_SIGNAL ->
                    acceptances.record(
                            ministry,
                            village.id(),
                            new AcceptanceForm("ACCEPTED", on, fibre ? "true" : null, fibre ? "300" : null, null));
                case FAILED ->
                    acceptances.record(
                            ministry,
                            village.id(),
                            new AcceptanceForm(
                                    "FAILED_ACCEPTANCE",
                                    on,
                                    fibre ? "true" : null,
                                    fibre ? "60" : null,
                                    fibre ? "实测下行 60 Mbps，未达 100 Mbps" : "最近基站约 7 km，卫生室无信号，请补建后复测"));
                default -> {}
            }
        }
        log.info(
                "Universal-service demo: 2 batches and {} acceptance decisions in {} ms",
                built.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Built> batch(
            PilotBatch batch,
            int count,
            Random random,
            Map<String, OrganisationView> operators,
            Map<String, List<String>> sites,
            LocalDate today,
            int daysEarlier,
            double[] shares) {
        StringBuilder csv = new StringBuilder(
                "village_code,name,latitude,longitude,population,households,border,island,operator,plan,"
                        + "construction_cost,yearly_operation_cost\n");
        List<Planned> planned = new ArrayList<>();
        List<String> operatorCodes = new ArrayList<>(operators.keySet());
        for (int i = 0; i < count; i++) {
            Object[] province = PROVINCES[i % PROVINCES.length];
            Optional<Division> county = county((String) province[0], random);
            if (county.isEmpty()) {
                continue;
            }
            String code = county.get().code() + String.format("%03d%03d", 1 + random.nextInt(15), 200 + i);
            double lat = (double) province[1] + (random.nextDouble() - 0.5) * 2;
            double lon = (double) province[2] + (random.nextDouble() - 0.5) * 2;
            boolean border = province[3].equals("border") && random.nextDouble() < 0.45;
            boolean island = province[3].equals("island") && random.nextDouble() < 0.5;
            double p = random.nextDouble();
            Plan plan = p < 0.2 ? Plan.FIBRE : p < 0.75 ? Plan.FOUR_G : Plan.FIVE_G;
            int households = 60 + random.nextInt(400);
            int population = households * (3 + random.nextInt(2)) + random.nextInt(3);
            long construction = (plan == Plan.FIBRE ? 200_000 : plan == Plan.FOUR_G ? 300_000 : 600_000)
                    + random.nextInt(6000) * 100L;
            long operation = (plan == Plan.FIBRE ? 10_000 : 20_000) + random.nextInt(400) * 100L;
            String operatorCode = operatorCodes.get(random.nextInt(operatorCodes.size()));
            OrganisationView operator = operators.get(operatorCode);
            Target target = target(random.nextDouble(), shares);
            if (!plan.mobile() && target == Target.ACCEPTED_SIGNAL) {
                target = Target.ACCEPTED_SITE;
            }
            String name = county.get().name().replaceAll("(县|市|区|旗|自治县|自治旗)$", "")
                    + VILLAGE_NAMES[i % VILLAGE_NAMES.length] + "村";
            csv.append(code)
                    .append(',')
                    .append(name)
                    .append(',')
                    .append(String.format("%.6f,%.6f", lat, lon))
                    .append(',')
                    .append(population)
                    .append(',')
                    .append(households)
                    .append(',')
                    .append(border)
                    .append(',')
                    .append(island)
                    .append(',')
                    .append(operator.creditCode())
                    .append(',')
                    .append(plan.code())
                    .append(',')
                    .append(construction)
                    .append(',')
                    .append(operation)
                    .append('\n');
            planned.add(new Planned(code, lat, lon, operator.creditCode(), plan, target));
            if (plan.mobile()) {
                // A site near the committee for the villages accepted on it, 7 km away for the failed ones.
                double km = switch (target) {
                    case ACCEPTED_SITE, BUILT, UNDER_CONSTRUCTION, PLANNED -> 0.8 + random.nextDouble() * 3.5;
                    case ACCEPTED_SIGNAL -> 9 + random.nextDouble() * 4;
                    case FAILED -> 7.0 + random.nextDouble() * 0.8;
                };
                sites.computeIfAbsent(operator.creditCode(), o -> new ArrayList<>())
                        .add(String.format(
                                "%s-%s,%.6f,%.6f,%s",
                                plan == Plan.FIVE_G ? "NR" : "LTE", code, lat + km / 111.195, lon, plan.code()));
            }
        }
        loudly(villages.importCsv(Actor.system(), batch.id(), csv.toString().getBytes(StandardCharsets.UTF_8)));
        Map<String, VillageView> byCode = new LinkedHashMap<>();
        for (VillageView village : villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id()))) {
            byCode.put(village.code(), village);
        }
        StringBuilder tests = new StringBuilder("village_code,kind,name,households,signal,technology,tested_at\n");
        List<Built> built = new ArrayList<>();
        for (Planned village : planned) {
            VillageView view = byCode.get(village.code());
            if (view == null) {
                continue;
            }
            Actor operator = operatorActor(village.operator(), operators);
            LocalDate started = today.minusDays(daysEarlier + 200 + random.nextInt(60));
            LocalDate builtOn = today.minusDays(daysEarlier + 60 + random.nextInt(60));
            switch (village.target()) {
                case PLANNED -> {}
                case UNDER_CONSTRUCTION ->
                    villages.reportProgress(
                            operator,
                            view.id(),
                            new ProgressForm(
                                    "UNDER_CONSTRUCTION",
                                    String.valueOf(10 + random.nextInt(80)),
                                    started.toString(),
                                    null));
                // Straight to built, one call a village, so the demo starts quickly.
                default ->
                    villages.reportProgress(
                            operator, view.id(), new ProgressForm("BUILT", "100", builtOn.toString(), null));
            }
            if (village.plan().mobile() && village.target().ordinal() >= Target.BUILT.ordinal()) {
                String at = builtOn.plusDays(5) + " 10:00";
                String tech = village.plan().code();
                boolean failing = village.target() == Target.FAILED;
                tests.append(village.code())
                        .append(",COMMITTEE,村委会,,yes,")
                        .append(tech)
                        .append(',')
                        .append(at)
                        .append('\n');
                tests.append(village.code())
                        .append(",SCHOOL,村小学,,yes,")
                        .append(tech)
                        .append(',')
                        .append(at)
                        .append('\n');
                tests.append(village.code())
                        .append(",CLINIC,村卫生室,,")
                        .append(failing ? "no," : "yes," + tech)
                        .append(',')
                        .append(at)
                        .append('\n');
                tests.append(village.code())
                        .append(",SETTLEMENT,上寨组,")
                        .append(25 + random.nextInt(40))
                        .append(",yes,")
                        .append(tech)
                        .append(',')
                        .append(at)
                        .append('\n');
                // 19 households: below the batch's minimum, so its missing signal does not count.
                tests.append(village.code())
                        .append(",SETTLEMENT,后山组,19,no,,")
                        .append(at)
                        .append('\n');
            }
            if (village.target().ordinal() > Target.BUILT.ordinal()) {
                built.add(new Built(view.id(), village, builtOn));
            }
        }
        if (tests.indexOf("\n") < tests.length() - 1) {
            evidence.importTestPoints(
                    Actor.system(), batch.id(), tests.toString().getBytes(StandardCharsets.UTF_8));
        }
        return built;
    }

    /** The demo's files are generated to be valid; a refused one is a bug to see at start, not an empty page. */
    private static void loudly(ImportOutcome outcome) {
        if (outcome.status() == ImportOutcome.Status.REJECTED) {
            throw new IllegalStateException("demo file refused: "
                    + outcome.errors().stream()
                            .limit(5)
                            .map(e -> e.line() + " " + e.field() + " " + e.defaultMessage() + " "
                                    + java.util.Arrays.toString(e.arguments()))
                            .toList());
        }
    }

    private static Target target(double draw, double[] shares) {
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (draw < sum) {
                return Target.values()[i];
            }
        }
        return Target.PLANNED;
    }

    private static Optional<Division> county(String province, Random random) {
        List<Division> cities = Divisions.standard().cities(province);
        for (int attempt = 0; attempt < 10 && !cities.isEmpty(); attempt++) {
            List<Division> counties = Divisions.standard()
                    .counties(cities.get(random.nextInt(cities.size())).code());
            List<Division> rural =
                    counties.stream().filter(c -> !c.name().endsWith("区")).toList();
            if (!rural.isEmpty()) {
                return Optional.of(rural.get(random.nextInt(rural.size())));
            }
        }
        return Optional.empty();
    }

    private static Actor operatorActor(String creditCode, Map<String, OrganisationView> operators) {
        OrganisationView organisation = operators.values().stream()
                .filter(o -> creditCode.equals(o.creditCode()))
                .findFirst()
                .orElseThrow();
        return new Actor(
                "demo-" + organisation.code().toLowerCase(java.util.Locale.ROOT),
                "普遍服务建设专员",
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(creditCode));
    }

    private static final String[] VILLAGE_NAMES = {
        "岗巴", "达孜", "草原", "红旗", "团结", "幸福", "新民", "曲吉", "牧场", "东风", "边防", "向阳", "海岸", "沙湾", "石门", "河口"
    };
}
