package org.telereg.platform.filing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes approved applications into the register (filing_subject, filing_service and their domains and
 * IPs), issues the numbers, and publishes {@link FilingChanged} in the same transaction. Numbers: a new
 * subject gets its province's next sequence of the year ({@code 粤ICP备2026000001号}), a sponsor
 * already filed keeps its subject number, and each service the next {@code -n} (or {@code -nA}) under
 * the subject, never reused even after a cancellation.
 */
@Component
class RegisterWriter {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RegisterWriter(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes a NEW or CHANGE application, numbering what is new.
     *
     * @return the subject number
     */
    @Transactional(propagation = Propagation.MANDATORY)
    String approve(ApplicationView app, Long subjectId, LocalDate today) {
        Instant now = clock.instant();
        boolean change = app.kind() == ApplicationKind.CHANGE;
        String subjectNumber;
        if (subjectId == null) {
            subjectNumber = nextSubjectNumber(app.provinceCode(), today.getYear());
            jdbc.sql("""
                    insert into filing_subject (subject_number, province_code, nature, sponsor_name, certificate_type,
                        certificate_number, certificate_hash, city_code, county_code, address, principal_name,
                        principal_id_number, principal_id_hash, principal_phone, principal_email, status, approved_on,
                        updated_at)
                    select :number, province_code, nature, sponsor_name, certificate_type, certificate_number,
                        certificate_hash, city_code, county_code, address, principal_name, principal_id_number,
                        principal_id_hash, principal_phone, principal_email, 'ACTIVE', :today, :now
                    from filing_application where id = :app""")
                    .param("number", subjectNumber)
                    .param("today", today)
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .param("app", app.id())
                    .update();
            subjectId = jdbc.sql("select id from filing_subject where subject_number = :n")
                    .param("n", subjectNumber)
                    .query(Long.class)
                    .single();
        } else {
            subjectNumber = jdbc.sql("select subject_number from filing_subject where id = :id")
                    .param("id", subjectId)
                    .query(String.class)
                    .single();
            if (change) {
                jdbc.sql("""
                        update filing_subject s set (nature, sponsor_name, city_code, county_code, address,
                            principal_name, principal_id_number, principal_id_hash, principal_phone, principal_email)
                          = (select nature, sponsor_name, city_code, county_code, address, principal_name,
                            principal_id_number, principal_id_hash, principal_phone, principal_email
                             from filing_application where id = :app),
                          updated_at = :now, version = version + 1
                        where id = :id""")
                        .param("app", app.id())
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("id", subjectId)
                        .update();
            }
        }
        FilingNumber subject = FilingNumber.parse(subjectNumber);
        List<String> serviceNumbers = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql(
                        "select * from filing_application_service where application_id = :app" + " order by position")
                .param("app", app.id())
                .query()
                .listOfRows()) {
            long proposed = ((Number) row.get("id")).longValue();
            Number target = (Number) row.get("target_service_id");
            ServiceKind kind = ServiceKind.valueOf((String) row.get("kind"));
            long serviceId;
            String serviceNumber;
            if (target != null) {
                serviceId = target.longValue();
                serviceNumber = jdbc.sql("select service_number from filing_service where id = :id")
                        .param("id", serviceId)
                        .query(String.class)
                        .single();
                jdbc.sql("""
                        update filing_service s set (kind, name, home_url, app_identifier, pre_approval_items, content_type,
                            responsible_name, responsible_id_number, responsible_id_hash, responsible_phone)
                          = (select kind, name, home_url, app_identifier, pre_approval_items, content_type,
                            responsible_name, responsible_id_number, responsible_id_hash, responsible_phone
                             from filing_application_service where id = :proposed),
                          access_provider_credit_code = :provider, access_provider_name = :providerName,
                          status = 'ACTIVE', access_withdrawn_on = null, updated_at = :now, version = version + 1
                        where id = :id""")
                        .param("proposed", proposed)
                        .param("provider", app.providerCreditCode())
                        .param("providerName", app.providerName())
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("id", serviceId)
                        .update();
                jdbc.sql("delete from filing_service_domain where service_id = :id")
                        .param("id", serviceId)
                        .update();
                jdbc.sql("delete from filing_service_ip where service_id = :id")
                        .param("id", serviceId)
                        .update();
            } else {
                serviceNumber = subject.service(nextServiceSequence(subjectId), kind.app())
                        .toString();
                jdbc.sql("""
                        insert into filing_service (subject_id, service_number, kind, name, home_url, app_identifier,
                            pre_approval_items, content_type, responsible_name, responsible_id_number,
                            responsible_id_hash, responsible_phone, access_provider_credit_code, access_provider_name,
                            status, approved_on, updated_at)
                        select :subject, :number, kind, name, home_url, app_identifier, pre_approval_items, content_type,
                            responsible_name, responsible_id_number, responsible_id_hash, responsible_phone,
                            :provider, :providerName, 'ACTIVE', :today, :now
                        from filing_application_service where id = :proposed""")
                        .param("subject", subjectId)
                        .param("number", serviceNumber)
                        .param("provider", app.providerCreditCode())
                        .param("providerName", app.providerName())
                        .param("today", today)
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("proposed", proposed)
                        .update();
                serviceId = jdbc.sql("select id from filing_service where service_number = :n")
                        .param("n", serviceNumber)
                        .query(Long.class)
                        .single();
            }
            jdbc.sql(
                            "insert into filing_service_domain (service_id, domain)"
                                    + " select :service, domain from filing_application_domain where application_service_id = :proposed")
                    .param("service", serviceId)
                    .param("proposed", proposed)
                    .update();
            jdbc.sql("insert into filing_service_ip (service_id, address, address_hex) select :service, address,"
                            + " address_hex from filing_application_ip where application_service_id = :proposed")
                    .param("service", serviceId)
                    .param("proposed", proposed)
                    .update();
            jdbc.sql("update filing_application_service set service_number = :n where id = :id")
                    .param("n", serviceNumber)
                    .param("id", proposed)
                    .update();
            serviceNumbers.add(serviceNumber);
        }
        events.publishEvent(new FilingChanged(
                change ? FilingChanged.Change.CHANGED : FilingChanged.Change.APPROVED,
                subjectNumber,
                serviceNumbers,
                app.provinceCode(),
                sponsorName(subjectId),
                now));
        return subjectNumber;
    }

    /** Cancels a subject with all its services, or one service; returns the service numbers cancelled. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<String> cancel(long subjectId, Long serviceId, LocalDate today) {
        Instant now = clock.instant();
        String condition = serviceId == null ? "subject_id = :subject" : "id = :service";
        List<String> numbers = jdbc.sql("select service_number from filing_service where " + condition
                        + " and status <> 'CANCELLED' order by id")
                .param("subject", subjectId)
                .param("service", serviceId == null ? -1L : serviceId)
                .query(String.class)
                .list();
        jdbc.sql("update filing_service set status = 'CANCELLED', cancelled_on = :today, updated_at = :now,"
                        + " version = version + 1 where " + condition + " and status <> 'CANCELLED'")
                .param("subject", subjectId)
                .param("service", serviceId == null ? -1L : serviceId)
                .param("today", today)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        if (serviceId == null) {
            jdbc.sql("update filing_subject set status = 'CANCELLED', cancelled_on = :today, updated_at = :now,"
                            + " version = version + 1 where id = :subject")
                    .param("subject", subjectId)
                    .param("today", today)
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update();
        }
        Map<String, Object> subject = subject(subjectId);
        events.publishEvent(new FilingChanged(
                FilingChanged.Change.CANCELLED,
                (String) subject.get("subject_number"),
                numbers,
                (String) subject.get("province_code"),
                (String) subject.get("sponsor_name"),
                now));
        return numbers;
    }

    /** The access provider withdrew access: the service lapses. */
    @Transactional(propagation = Propagation.MANDATORY)
    void lapse(long serviceId, LocalDate today) {
        Instant now = clock.instant();
        jdbc.sql("update filing_service set status = 'LAPSED', access_withdrawn_on = :today, updated_at = :now,"
                        + " version = version + 1 where id = :id")
                .param("today", today)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", serviceId)
                .update();
        Map<String, Object> row = jdbc.sql("select s.service_number, j.subject_number, j.province_code, j.sponsor_name"
                        + " from filing_service s join filing_subject j on j.id = s.subject_id where s.id = :id")
                .param("id", serviceId)
                .query()
                .singleRow();
        events.publishEvent(new FilingChanged(
                FilingChanged.Change.LAPSED,
                (String) row.get("subject_number"),
                List.of((String) row.get("service_number")),
                (String) row.get("province_code"),
                (String) row.get("sponsor_name"),
                now));
    }

    private Map<String, Object> subject(long subjectId) {
        return jdbc.sql("select * from filing_subject where id = :id")
                .param("id", subjectId)
                .query()
                .singleRow();
    }

    private String sponsorName(long subjectId) {
        return (String) subject(subjectId).get("sponsor_name");
    }

    /**
     * The province's next subject number of the year. The sequence row is locked for the transaction,
     * so two approvals never draw the same number; numbers already in the register (imported filings)
     * are skipped.
     */
    private String nextSubjectNumber(String provinceCode, int year) {
        int updated = jdbc.sql("update filing_number_sequence set last_sequence = last_sequence + 1"
                        + " where province_code = :p and issue_year = :y")
                .param("p", provinceCode)
                .param("y", year)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into filing_number_sequence (province_code, issue_year, last_sequence) values (:p, :y, 1)")
                    .param("p", provinceCode)
                    .param("y", year)
                    .update();
        }
        while (true) {
            int sequence = jdbc.sql("select last_sequence from filing_number_sequence where province_code = :p"
                            + " and issue_year = :y")
                    .param("p", provinceCode)
                    .param("y", year)
                    .query(Integer.class)
                    .single();
            String number = FilingNumber.subject(provinceCode, year, sequence).toString();
            boolean taken = jdbc.sql("select count(*) from filing_subject where subject_number = :n")
                            .param("n", number)
                            .query(Long.class)
                            .single()
                    > 0;
            if (!taken) {
                return number;
            }
            jdbc.sql("update filing_number_sequence set last_sequence = last_sequence + 1"
                            + " where province_code = :p and issue_year = :y")
                    .param("p", provinceCode)
                    .param("y", year)
                    .update();
        }
    }

    /** One more than the highest service sequence ever issued under the subject. */
    private int nextServiceSequence(long subjectId) {
        int highest = 0;
        for (String number : jdbc.sql("select service_number from filing_service where subject_id = :s")
                .param("s", subjectId)
                .query(String.class)
                .list()) {
            highest = Math.max(highest, FilingNumber.parse(number).service());
        }
        return highest + 1;
    }
}
