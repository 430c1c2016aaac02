package org.telereg.platform.universal;

import java.nio.charset.Charset;
import java.util.concurrent.atomic.AtomicInteger;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/**
 * Fresh batches so no two tests share villages, actors of the demo organisations, and village lines.
 * Test villages lie around 33.5° N 80.5° E (far west of Tibet), where the demo data place no site.
 */
final class UniversalFixtures {

    static final String HEADER =
            "village_code,name,latitude,longitude,population,households,border,island,operator,plan,"
                    + "construction_cost,yearly_operation_cost\n";
    static final double LAT = 33.5;
    static final double LON = 80.5;

    private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 100_000));

    private UniversalFixtures() {}

    static PilotBatch batch(PilotBatches batches, String share, String ordinary, String border, String due) {
        return batches.save(
                Actor.system(),
                null,
                new BatchForm(
                        "测试批次" + COUNTER.incrementAndGet(),
                        "2025",
                        share,
                        ordinary,
                        border,
                        "6",
                        "5",
                        "20",
                        "100",
                        due));
    }

    static PilotBatch batch(PilotBatches batches) {
        return batch(batches, "30", "6", "10", "2026-12-31");
    }

    static Actor province(String code, String name) {
        return new Actor("test-" + code, "测试专员", Role.PROVINCIAL_OFFICER, 0, name, DataScope.province(code));
    }

    static Actor operator(AccessManagement access, String code) {
        OrganisationView organisation = access.organisation(code).orElseThrow();
        return new Actor(
                "test-" + code,
                "测试建设专员",
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(organisation.creditCode()));
    }

    static String line(
            String code,
            String name,
            double lat,
            String operator,
            String plan,
            String construction,
            String yearly,
            boolean border,
            boolean island) {
        return String.join(
                        ",",
                        code,
                        name,
                        String.format("%.6f", lat),
                        String.format("%.6f", LON),
                        "1200",
                        "300",
                        String.valueOf(border),
                        String.valueOf(island),
                        operator,
                        plan,
                        construction,
                        yearly)
                + "\n";
    }

    static String village(String code, String operator, String plan) {
        return line(code, "测试村" + code.substring(9), LAT, operator, plan, "500000", "40000", false, false);
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }
}
