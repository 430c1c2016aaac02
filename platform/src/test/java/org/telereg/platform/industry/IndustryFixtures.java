package org.telereg.platform.industry;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.data.domain.PageRequest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.NewOrganisation;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/** Fresh operators with their own schedules, so no two tests share a report. */
final class IndustryFixtures {

    static final String MONTHLY = "BROADBAND_MOBILE_MONTHLY";
    static final String QUARTERLY = "INFRASTRUCTURE_QUARTERLY";
    static final String PASSWORD = "TeleReg@2026";

    private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private IndustryFixtures() {}

    /** A test operator: its actor, credit code, organisation code and the username of its console user. */
    record Operator(Actor actor, String creditCode, String code, String username) {}

    static Operator operator(AccessManagement access, String province) {
        int n = COUNTER.incrementAndGet();
        String suffix = String.format("%06d", n);
        String creditCode = "91" + province + "0000MA" + suffix + "0X";
        OrganisationView organisation = access.createOrganisation(new NewOrganisation(
                "OP-IND" + suffix, "测试统计通信有限公司" + suffix, OrganisationType.OPERATOR, province, creditCode, null));
        String username = "ind" + suffix;
        access.createUser(new NewUser(username, PASSWORD, "统计填报员" + suffix, organisation.code(), Role.OPERATOR));
        Actor actor = new Actor(
                username,
                "统计填报员" + suffix,
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(creditCode));
        return new Operator(actor, creditCode, organisation.code(), username);
    }

    /** Assigns the template from {@code startsOn}, opens its reports up to {@code today} and returns them by period. */
    static Map<String, ReportView> reports(
            ReportSchedules schedules,
            OperatorReports reports,
            Operator operator,
            String template,
            String province,
            LocalDate startsOn,
            LocalDate today) {
        schedules.assign(
                Actor.system(),
                template,
                operator.creditCode(),
                province,
                template.equals(MONTHLY) ? "10" : "20",
                startsOn.toString());
        schedules.open(today);
        Map<String, ReportView> byPeriod = new LinkedHashMap<>();
        List<ReportView> found = reports.search(
                        operator.actor().scope(),
                        new OperatorReports.Search(null, template, null, null, null),
                        PageRequest.of(0, 500))
                .getContent();
        found.stream()
                .sorted(Comparator.comparing(ReportView::periodCode))
                .forEach(r -> byPeriod.put(r.periodCode(), r));
        return byPeriod;
    }

    /** Consistent monthly figures: SHARE_100M 95, SHARE_1000M 30, SHARE_5G 60, 0.1143 yuan/Mbps, 1.8182 yuan/GB. */
    static Map<String, String> monthly() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("BROADBAND_USERS", "1000000");
        values.put("USERS_100M", "950000");
        values.put("USERS_1000M", "300000");
        values.put("MOBILE_USERS", "3000000");
        values.put("USERS_5G", "1800000");
        values.put("FIXED_DOWNLOAD_MBPS", "105.5");
        values.put("MOBILE_DOWNLOAD_MBPS", "120.25");
        values.put("FIXED_BROADBAND_REVENUE", "4000");
        values.put("SUBSCRIBED_BANDWIDTH", "35000");
        values.put("MOBILE_DATA_REVENUE", "10000");
        values.put("MOBILE_DATA_TRAFFIC", "5500");
        return values;
    }

    /** Consistent quarterly figures: FTTH_SHARE 96. */
    static Map<String, String> quarterly() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("BROADBAND_PORTS", "2000000");
        values.put("FTTH_PORTS", "1920000");
        values.put("MOBILE_BASE_STATIONS", "80000");
        values.put("BASE_STATIONS_5G", "30000");
        return values;
    }

    static Map<String, String> with(Map<String, String> values, String... codeValuePairs) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        for (int i = 0; i < codeValuePairs.length; i += 2) {
            if (codeValuePairs[i + 1] == null) {
                changed.remove(codeValuePairs[i]);
            } else {
                changed.put(codeValuePairs[i], codeValuePairs[i + 1]);
            }
        }
        return changed;
    }
}
