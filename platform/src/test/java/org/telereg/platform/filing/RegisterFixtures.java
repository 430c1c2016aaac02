package org.telereg.platform.filing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Register rows the query tests look up, written straight into the V1 tables (the workflow that
 * approves filings is another part of the module). Names and domains are unique to these tests.
 */
final class RegisterFixtures {

    static final String COMPANY = "查询测试网络科技有限公司";
    static final String COMPANY_NUMBER = "粤ICP备2026990001号";
    static final String COMPANY_SITE = "粤ICP备2026990001号-1";
    static final String COMPANY_APP = "粤ICP备2026990001号-2A";
    static final String PRINCIPAL_ID = "11010519491231002X";
    static final String PRINCIPAL_PHONE = "13800138000";
    static final String PERSON = "欧阳查询";
    static final String PERSON_NUMBER = "川ICP备2026990002号";
    static final String PERSON_ID = "510104198801011234";
    static final String CANCELLED_NUMBER = "京ICP备2026990003号";

    private RegisterFixtures() {}

    /** Writes the rows once; later calls find them. */
    static synchronized void insert(JdbcClient jdbc) {
        boolean present = jdbc.sql("select count(*) from filing_subject where subject_number = :n")
                        .param("n", COMPANY_NUMBER)
                        .query(Long.class)
                        .single()
                > 0;
        if (present) {
            return;
        }
        long company = subject(jdbc, COMPANY_NUMBER, "44", "ENTERPRISE", COMPANY, "91440300MA5EXAMPLE", "ACTIVE");
        long site = service(
                jdbc, company, COMPANY_SITE, "WEBSITE", "查询测试门户", "https://www.query-e-test.cn", null, "ACTIVE");
        domain(jdbc, site, "query-e-test.cn");
        domain(jdbc, site, "query-e-test.com.cn");
        ServiceAddresses.addToService(jdbc, site, "203.0.113.10");
        service(jdbc, company, COMPANY_APP, "APP", "查询测试助手", null, "cn.query.etest.app", "ACTIVE");
        for (int i = 3; i <= 5; i++) {
            long more = service(
                    jdbc,
                    company,
                    COMPANY_NUMBER + "-" + i,
                    "WEBSITE",
                    "查询测试分站" + i,
                    "https://s" + i + ".query-e-test.net",
                    null,
                    i == 5 ? "LAPSED" : "ACTIVE");
            domain(jdbc, more, "s" + i + ".query-e-test.net");
        }

        long person = subject(jdbc, PERSON_NUMBER, "51", "INDIVIDUAL", PERSON, PERSON_ID, "ACTIVE");
        long blog = service(
                jdbc, person, PERSON_NUMBER + "-1", "WEBSITE", "查询测试个人博客", "https://person-e-test.cn", null, "ACTIVE");
        domain(jdbc, blog, "person-e-test.cn");

        long gone =
                subject(jdbc, CANCELLED_NUMBER, "11", "ENTERPRISE", "查询测试已注销有限公司", "91110000MA00GONE0X", "CANCELLED");
        long old = service(
                jdbc, gone, CANCELLED_NUMBER + "-1", "WEBSITE", "查询测试旧站", "https://gone-e-test.cn", null, "ACTIVE");
        domain(jdbc, old, "gone-e-test.cn");

        blacklist(jdbc, "DOMAIN", "bad-e-test.cn", "查询测试赌博站", 1);
        blacklist(jdbc, "IP", "198.51.100.77", null, 2);
        blacklist(jdbc, "APP", "cn.bad.etest", "查询测试贷款", 1);
    }

    static long subject(
            JdbcClient jdbc,
            String number,
            String province,
            String nature,
            String name,
            String certificate,
            String status) {
        jdbc.sql("""
                        insert into filing_subject (subject_number, province_code, nature, sponsor_name, certificate_type,
                            certificate_number, certificate_hash, city_code, county_code, address, principal_name,
                            principal_id_number, principal_id_hash, principal_phone, principal_email, status, approved_on,
                            cancelled_on, updated_at)
                        values (:number, :province, :nature, :name, :type, :certificate, 'h', :city, :county,
                            '测试路 1 号', '张查询', :id, 'h', :phone, 'e@query-e-test.cn', :status, :approved,
                            :cancelled, :at)
                        """)
                .param("number", number)
                .param("province", province)
                .param("nature", nature)
                .param("name", name)
                .param("type", nature.equals("INDIVIDUAL") ? "ID_CARD" : "CREDIT_CODE")
                .param("certificate", certificate)
                .param("city", province + "0100")
                .param("county", province + "0104")
                .param("id", PRINCIPAL_ID)
                .param("phone", PRINCIPAL_PHONE)
                .param("status", status)
                .param("approved", LocalDate.of(2026, 3, 2))
                .param("cancelled", status.equals("CANCELLED") ? LocalDate.of(2026, 9, 1) : null)
                .param("at", Timestamp.from(Instant.parse("2026-09-01T02:00:00Z")))
                .update();
        return jdbc.sql("select id from filing_subject where subject_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    static long service(
            JdbcClient jdbc,
            long subject,
            String number,
            String kind,
            String name,
            String url,
            String app,
            String status) {
        jdbc.sql("""
                        insert into filing_service (subject_id, service_number, kind, name, home_url, app_identifier,
                            pre_approval_items, content_type, responsible_name, responsible_id_number, responsible_id_hash,
                            responsible_phone, access_provider_credit_code, access_provider_name, status, approved_on,
                            access_withdrawn_on, updated_at)
                        values (:subject, :number, :kind, :name, :url, :app, 'NEWS', '综合门户', '李负责', :id, 'h',
                            '13912345678', '91440300MA5ACCESS1', '示例云计算服务有限公司', :status, :approved, :withdrawn, :at)
                        """)
                .param("subject", subject)
                .param("number", number)
                .param("kind", kind)
                .param("name", name)
                .param("url", url)
                .param("app", app)
                .param("id", "440301199003071234")
                .param("status", status)
                .param("approved", LocalDate.of(2026, 3, 2))
                .param("withdrawn", status.equals("LAPSED") ? LocalDate.of(2026, 10, 1) : null)
                .param("at", Timestamp.from(Instant.parse("2026-09-01T02:00:00Z")))
                .update();
        return jdbc.sql("select id from filing_service where service_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    private static void domain(JdbcClient jdbc, long service, String domain) {
        jdbc.sql("insert into filing_service_domain (service_id, domain) values (:s, :d)")
                .param("s", service)
                .param("d", domain)
                .update();
    }

    private static void blacklist(JdbcClient jdbc, String kind, String target, String name, int severity) {
        jdbc.sql("""
                        insert into filing_blacklist (target_kind, target, name, severity, category, reason,
                            authority_code, listed_on, status, updated_at)
                        values (:kind, :target, :name, :severity, 'GAMBLING', '查询测试：经认定提供违法服务', 'MIIT',
                            :listed, 'ACTIVE', :at)
                        """)
                .param("kind", kind)
                .param("target", target)
                .param("name", name)
                .param("severity", severity)
                .param("listed", LocalDate.of(2026, 6, 1))
                .param("at", Timestamp.from(Instant.parse("2026-06-01T02:00:00Z")))
                .update();
    }
}
