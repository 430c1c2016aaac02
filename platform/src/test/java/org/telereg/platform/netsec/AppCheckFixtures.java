package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.platform.access.Actor;

/** What the App governance tests share: fresh companies, batches and Apps no other test touches. */
final class AppCheckFixtures {

    static final String HEADER =
            "app_name,package_name,version,credit_code,company_name,store,rule,sdk,sdk_company,detail\n";

    private AppCheckFixtures() {}

    /** A valid credit code no demo company has: a random organisation part in the given province. */
    static String creditCode(String province) {
        StringBuilder first17 = new StringBuilder("91").append(province).append("0305");
        for (int i = 0; i < 9; i++) {
            first17.append(ThreadLocalRandom.current().nextInt(10));
        }
        return first17.toString() + CreditCodes.checkCharacter(first17);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A package name of its own, so one test's Apps never meet another's. */
    static String packageName() {
        return "com.test." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    static AppCheckBatchView batch(AppChecks checks, String name) {
        LocalDate today = checks.today();
        return checks.createBatch(
                Actor.system(),
                new AppCheckBatchForm(
                        unique(name),
                        "测试实验室",
                        today.minusDays(30).toString(),
                        today.minusDays(20).toString(),
                        "应用宝"));
    }

    static AppCheckReport.App app(
            String name, String packageName, String version, String creditCode, AppCheckReport.Finding... findings) {
        return new AppCheckReport.App(
                name,
                packageName,
                version,
                creditCode,
                "测试企业" + creditCode.substring(10),
                "应用宝",
                List.of(),
                List.of(findings));
    }

    static AppCheckReport.Finding finding(AppRule rule) {
        return new AppCheckReport.Finding(rule.name(), null, null);
    }

    static AppCheckReport.Finding finding(AppRule rule, String sdk) {
        return new AppCheckReport.Finding(rule.name(), sdk, null);
    }

    /** Imports the Apps into the batch and returns the batch's Apps. */
    static List<AppCheckView> imported(AppChecks checks, long batchId, AppCheckReport.App... apps) {
        AppCheckImportResult result = checks.importReport(Actor.system(), batchId, new AppCheckReport(List.of(apps)));
        if (!result.imported()) {
            throw new AssertionError("not imported: " + result.errors());
        }
        return checks.apps(org.telereg.platform.access.DataScope.all(), batchId, null, false);
    }
}
