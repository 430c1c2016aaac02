package org.telereg.platform.tariffs;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
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
import org.telereg.platform.broadband.MeasurementImport;
import org.telereg.platform.broadband.MeasurementUpload;
import org.telereg.platform.entity.CompanyInput;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;
import org.telereg.platform.industry.ReportView;

/** Fresh operators (a registered company, an organisation and a console user each), so no two tests share data. */
final class TariffFixtures {

    static final String MONTHLY = "BROADBAND_MOBILE_MONTHLY";
    static final String PASSWORD = "TeleReg@2026";

    private static final Random RANDOM = new Random();

    private TariffFixtures() {}

    /** A test operator: its actor, credit code, registered name, organisation code and console username. */
    record Operator(Actor actor, String creditCode, String name, String code, String username) {}

    static Operator operator(AccessManagement access, CompanyRegistry companies, String province) {
        String creditCode = creditCode(province);
        String suffix = creditCode.substring(8, 16);
        String name = "测试资费通信有限公司" + suffix;
        companies.save(
                Actor.system(),
                new CompanyInput(creditCode, name, "LIMITED_LIABILITY", "张三", "100000000", province, "测试路 9 号", null));
        OrganisationView organisation = access.createOrganisation(
                new NewOrganisation("OP-TRF" + suffix, name, OrganisationType.OPERATOR, province, creditCode, null));
        String username = "trf" + suffix.toLowerCase(java.util.Locale.ROOT);
        access.createUser(new NewUser(username, PASSWORD, "资费填报员" + suffix, organisation.code(), Role.OPERATOR));
        Actor actor = new Actor(
                username, "资费填报员" + suffix, Role.OPERATOR, organisation.id(), name, DataScope.enterprise(creditCode));
        return new Operator(actor, creditCode, name, organisation.code(), username);
    }

    /** A valid unified social credit code of the province, with random organisation digits. */
    static String creditCode(String province) {
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

    /** Assigns the monthly template from {@code startsOn} and opens its reports up to {@code today}, by period. */
    static Map<String, ReportView> reports(
            ReportSchedules schedules,
            OperatorReports reports,
            Operator operator,
            String province,
            LocalDate startsOn,
            LocalDate today) {
        schedules.assign(Actor.system(), MONTHLY, operator.creditCode(), province, "10", startsOn.toString());
        schedules.open(today);
        Map<String, ReportView> byPeriod = new LinkedHashMap<>();
        reports
                .search(
                        DataScope.enterprise(operator.creditCode()),
                        new OperatorReports.Search(null, MONTHLY, null, null, null),
                        PageRequest.of(0, 500))
                .getContent()
                .stream()
                .filter(r -> r.provinceCode().equals(province))
                .forEach(r -> byPeriod.put(r.periodCode(), r));
        return byPeriod;
    }

    /**
     * Monthly figures with the given revenues and volumes: fixed price = fixedRevenue / bandwidth, mobile
     * price = mobileRevenue / traffic; 1,000,000 broadband users, 300,000 of them on gigabit plans (30 %).
     */
    static Map<String, String> monthly(
            String fixedRevenue, String bandwidth, String mobileRevenue, String traffic, String downloadMbps) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("BROADBAND_USERS", "1000000");
        values.put("USERS_100M", "950000");
        values.put("USERS_1000M", "300000");
        values.put("MOBILE_USERS", "3000000");
        values.put("USERS_5G", "1800000");
        values.put("FIXED_DOWNLOAD_MBPS", downloadMbps);
        values.put("MOBILE_DOWNLOAD_MBPS", "120.25");
        values.put("FIXED_BROADBAND_REVENUE", fixedRevenue);
        values.put("SUBSCRIBED_BANDWIDTH", bandwidth);
        values.put("MOBILE_DATA_REVENUE", mobileRevenue);
        values.put("MOBILE_DATA_TRAFFIC", traffic);
        return values;
    }

    /** Imports fibre speed tests of one operator (named as the file names it) with the given downloads. */
    static void speedTests(
            MeasurementImport imports, String operatorName, String division, String day, double... downloads) {
        StringBuilder csv = new StringBuilder(
                "time,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps\n");
        int hour = 9;
        for (double download : downloads) {
            csv.append(day)
                    .append(' ')
                    .append(String.format("%02d", hour++))
                    .append(":00,")
                    .append(division)
                    .append(',')
                    .append(operatorName)
                    .append(",FTTH,")
                    .append(download)
                    .append(",50,10,0,1000\n");
        }
        imports.importFile(
                Actor.system(),
                new MeasurementUpload(UUID.randomUUID().toString(), "csv", null, null, null, null),
                "tests.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A fixed broadband plan as typed. */
    static PlanInput fixed(String code, String province, String fee, String mbps, String validFrom, String effective) {
        return new PlanInput(
                code,
                "宽带 " + mbps + "M",
                "FIXED_BROADBAND",
                province,
                fee,
                mbps,
                null,
                null,
                null,
                "12",
                validFrom,
                null,
                "ON_SALE",
                effective);
    }

    /** A mobile plan as typed. */
    static PlanInput mobile(String code, String province, String fee, String gb, String validFrom, String effective) {
        return new PlanInput(
                code,
                "畅享 " + gb + "GB",
                "MOBILE",
                province,
                fee,
                null,
                gb,
                "500",
                null,
                "0",
                validFrom,
                null,
                "ON_SALE",
                effective);
    }
}
