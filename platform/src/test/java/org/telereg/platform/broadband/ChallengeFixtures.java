package org.telereg.platform.broadband;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.NewOrganisation;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyInput;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;
import org.telereg.platform.industry.ReportView;

/**
 * Fresh operators — a registered company with an alias speed-test files use, an operator organisation
 * and console user, a monthly report with the declared speeds a test needs — and their speed tests.
 */
final class ChallengeFixtures {

    static final String PASSWORD = "TeleReg@2026";
    static final String MONTHLY = "BROADBAND_MOBILE_MONTHLY";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessManagement access;
    private final CompanyRegistry companies;
    private final CompanyAliases aliases;
    private final ReportSchedules schedules;
    private final OperatorReports reports;
    private final MeasurementImport imports;

    ChallengeFixtures(
            AccessManagement access,
            CompanyRegistry companies,
            CompanyAliases aliases,
            ReportSchedules schedules,
            OperatorReports reports,
            MeasurementImport imports) {
        this.access = access;
        this.companies = companies;
        this.aliases = aliases;
        this.schedules = schedules;
        this.reports = reports;
        this.imports = imports;
    }

    /** A test operator: its actor, credit code, the alias its tests are named by and its username. */
    record Operator(Actor actor, String creditCode, String alias, String username) {}

    /** The month the tests compare: two months ago, so its report is open for filing. */
    YearMonth month() {
        return YearMonth.from(reports.today()).minusMonths(2);
    }

    Operator operator(String province) {
        String creditCode = creditCode(province);
        String suffix = creditCode.substring(8, 16);
        companies.save(
                Actor.system(),
                new CompanyInput(
                        creditCode,
                        "测速质疑通信有限公司" + suffix,
                        "LIMITED_LIABILITY",
                        "赵六",
                        "100000000",
                        province,
                        "测试路 9 号",
                        null));
        String alias = "质疑测试" + suffix;
        aliases.add(Actor.system(), creditCode, alias);
        OrganisationView organisation = access.createOrganisation(new NewOrganisation(
                "OP-CH" + suffix, "测速质疑通信有限公司" + suffix, OrganisationType.OPERATOR, province, creditCode, null));
        String username = "ch" + suffix.toLowerCase();
        access.createUser(new NewUser(username, PASSWORD, "质疑答复员" + suffix, organisation.code(), Role.OPERATOR));
        Actor actor = new Actor(
                username,
                "质疑答复员" + suffix,
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(creditCode));
        return new Operator(actor, creditCode, alias, username);
    }

    /** Files the operator's monthly report for the province and {@link #month()} declaring these speeds. */
    ReportView declare(Operator operator, String province, String fixedMbps, String mobileMbps) {
        YearMonth month = month();
        schedules.assign(
                Actor.system(),
                MONTHLY,
                operator.creditCode(),
                province,
                "10",
                month.atDay(1).toString());
        schedules.open(reports.today());
        ReportView report = reports.search(
                        operator.actor().scope(),
                        new OperatorReports.Search(null, MONTHLY, month.toString(), province, null),
                        PageRequest.of(0, 10))
                .getContent()
                .get(0);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("BROADBAND_USERS", "1000000");
        values.put("USERS_100M", "950000");
        values.put("USERS_1000M", "300000");
        values.put("MOBILE_USERS", "3000000");
        values.put("USERS_5G", "1800000");
        values.put("FIXED_DOWNLOAD_MBPS", fixedMbps);
        values.put("MOBILE_DOWNLOAD_MBPS", mobileMbps);
        values.put("FIXED_BROADBAND_REVENUE", "4000");
        values.put("SUBSCRIBED_BANDWIDTH", "35000");
        values.put("MOBILE_DATA_REVENUE", "10000");
        values.put("MOBILE_DATA_TRAFFIC", "5500");
        return reports.submit(operator.actor(), report.id(), values, OperatorReports.Channel.API);
    }

    /** Imports {@code count} tests of the operator (named by its alias) in the county, all at {@code mbps}. */
    ImportResult tests(String operatorName, String county, String technology, int count, double mbps) {
        return tests(operatorName, county, technology, count, mbps, month());
    }

    ImportResult tests(String operatorName, String county, String technology, int count, double mbps, YearMonth month) {
        StringBuilder csv = new StringBuilder(BroadbandFiles.HEADER);
        for (int i = 0; i < count; i++) {
            LocalDateTime time = month.atDay(1 + i % 28).atTime(10, i % 60);
            csv.append(time.toString().replace('T', ' '))
                    .append(',')
                    .append(county)
                    .append(',')
                    .append(operatorName)
                    .append(',')
                    .append(technology)
                    .append(',')
                    .append(mbps)
                    .append(",10,10,0,\n");
        }
        return imports.importFile(
                Actor.system(),
                new MeasurementUpload(UUID.randomUUID().toString(), "csv", null, null, null, null),
                "tests.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String creditCode(String province) {
        StringBuilder organisation = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            organisation.append(RANDOM.nextInt(10));
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(organisation.charAt(i), 10) * weights[i];
        }
        int check = 11 - sum % 11;
        organisation.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        String first17 = "91" + province + "0100" + organisation;
        return first17 + CreditCodes.checkCharacter(first17);
    }
}
