package org.telereg.platform.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/** Sponsors, domains and actors for the filing tests: each call gives fresh, valid values. */
final class FilingFixtures {

    private static final Random RANDOM = new Random();

    /** The smallest PNG: what a check photo looks like to FileTypes. */
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};

    private FilingFixtures() {}

    static String creditCode() {
        StringBuilder organisation = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            organisation.append(RANDOM.nextInt(10));
        }
        organisation.append(organisationCheck(organisation.toString()));
        String first17 = "91440106" + organisation;
        return first17 + CreditCodes.checkCharacter(first17);
    }

    static char organisationCheck(String eight) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = eight.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    static String residentId() {
        String first17 = "440106" + "1985" + String.format("%02d", 1 + RANDOM.nextInt(12)) + "1" + RANDOM.nextInt(10)
                + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    static String mobile() {
        return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    static String domain() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".example-test.cn";
    }

    static String sponsorName() {
        return "测试科技" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
    }

    /** Registers the domain to the registrant, as a registrar's record. */
    static void register(DomainRegistrations registrations, String domain, String registrant) {
        registrations.save(new DomainRegistrations.Registration(
                domain, registrant, "阿里云计算有限公司", LocalDate.of(2024, 3, 1), LocalDate.of(2030, 3, 1)));
    }

    static NewApplication.NewService website(String name, String domains) {
        return new NewApplication.NewService(
                null, "WEBSITE", name, domains, null, null, "", "综合门户", "李四", residentId(), mobile(), "192.0.2.10");
    }

    static NewApplication.NewService app(String name, String identifier) {
        return new NewApplication.NewService(
                null, "APP", name, null, null, identifier, null, null, "王五", residentId(), mobile(), null);
    }

    /** An enterprise in 广州市天河区 filing the services through the provider. */
    static NewApplication enterprise(
            String sponsor, String creditCode, String provider, List<NewApplication.NewService> services) {
        return new NewApplication(
                "NEW",
                null,
                null,
                "ENTERPRISE",
                sponsor,
                "CREDIT_CODE",
                creditCode,
                "440100",
                "440106",
                "广州市天河区测试路1号",
                "张三",
                residentId(),
                mobile(),
                "zhang@example-test.cn",
                null,
                provider,
                null,
                services);
    }

    static OrganisationView apDemo(AccessManagement access) {
        return access.organisation("AP-DEMO").orElseThrow();
    }

    static Actor provider(OrganisationView organisation) {
        return new Actor(
                "isp",
                "接入服务商用户",
                Role.ACCESS_PROVIDER,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(organisation.creditCode()));
    }

    static Actor officer(String province) {
        return new Actor("gd", "广东省管局业务员", Role.PROVINCIAL_OFFICER, 0, "管局", DataScope.province(province));
    }
}
