package org.telereg.platform.appeals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.TrackingNumbers;

/**
 * A year of demo appeals across provinces and operators, in every state, so the queues, deadlines
 * and statistics have something to show. Written straight into the table with past dates (the
 * desk only takes appeals dated today); runs after the demo organisations exist.
 */
@Component
@Profile("demo")
@Order(10)
class DemoAppeals implements ApplicationRunner {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String[] NAMES = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周婷", "吴强"};
    private static final String[] REQUESTS = {"退还不明扣费", "恢复网络信号", "解除合约并免除违约金", "按宣传资费收费", "办理携号转网", "删除个人信息并道歉"};

    private final JdbcClient jdbc;
    private final AppealDesk desk;
    private final WorkingDays workingDays;
    private final Clock clock;
    private final int count;
    private final long seed;

    DemoAppeals(
            JdbcClient jdbc,
            AppealDesk desk,
            WorkingDays workingDays,
            Clock clock,
            @Value("${telereg.demo.appeals:600}") int count,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.workingDays = workingDays;
        this.clock = clock;
        this.count = count;
        this.seed = seed;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from appeals_appeal").query(Long.class).single() > 0) {
            return;
        }
        List<OrganisationView> operators = desk.respondents();
        if (operators.isEmpty()) {
            return;
        }
        Random random = new Random(seed + 7);
        List<ProvinceCode> provinces = ProvinceCode.administered();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        AppealSubject[] subjects = AppealSubject.values();
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < count; i++) {
            int ageDays = random.nextInt(365);
            Instant received = now.minus(ageDays, ChronoUnit.DAYS).minus(random.nextInt(600), ChronoUnit.MINUTES);
            LocalDate receivedOn = LocalDate.ofInstant(received, CHINA);
            // The big three take most appeals, as they hold most users.
            OrganisationView operator = operators.get(
                    random.nextInt(4) > 0
                            ? random.nextInt(Math.min(3, operators.size()))
                            : random.nextInt(operators.size()));
            String province = random.nextInt(3) == 0
                    ? List.of("44", "11", "31", "33", "32").get(random.nextInt(5))
                    : provinces.get(random.nextInt(provinces.size())).code();
            AppealSubject subject = subjects[random.nextInt(subjects.length)];
            LocalDate occurred = receivedOn.minusDays(20 + random.nextInt(60));
            LocalDate contacted = occurred.plusDays(1 + random.nextInt(3));
            LocalDate answered = random.nextInt(4) == 0 ? null : contacted.plusDays(2 + random.nextInt(10));
            AppealStatus status = status(random, ageDays);
            LocalDate decidedOn = workingDays.plus(receivedOn, 1 + random.nextInt(4));
            boolean accepted = status == AppealStatus.ACCEPTED
                    || status == AppealStatus.RESPONDED
                    || status == AppealStatus.CLOSED;
            LocalDate respondBy = accepted ? workingDays.plus(decidedOn, 10) : null;
            Outcome outcome = status == AppealStatus.CLOSED
                    ? (random.nextInt(5) == 0 ? Outcome.NOT_SETTLED : Outcome.SETTLED)
                    : null;
            Instant closed = outcome == null ? null : received.plus(12 + random.nextInt(18), ChronoUnit.DAYS);
            jdbc.sql("""
                            insert into appeals_appeal (tracking_number, channel, complainant_name, complainant_phone,
                                respondent_credit_code, respondent_name, province_code, subject, category, request,
                                facts, occurred_on, operator_contacted_on, operator_contact, operator_answered_on,
                                settled, handled_before, elsewhere, status, rule_outcome, rule_reasons, received_at,
                                acceptance_deadline, decided_at, decided_by, answer_deadline, response_deadline,
                                response_text, responded_at, responded_by, mediation_record, outcome, outcome_note,
                                closed_at, closed_by, rating, fingerprint)
                            values (:tracking, :channel, :name, :phone, :operator, :operatorName, :province, :subject,
                                :category, :request, :facts, :occurred, :contacted, 'HOTLINE', :answered, false, false,
                                false, :status, :rule, :reasons, :received, :acceptBy, :decidedAt, :decidedBy,
                                :answerBy, :respondBy, :response, :respondedAt, :respondedBy, :mediation, :outcome,
                                :note, :closedAt, :closedBy, :rating, :fingerprint)""")
                    .param("tracking", TrackingNumbers.next("SS", receivedOn, no -> !issued.add(no)))
                    .param("channel", random.nextInt(3) == 0 ? "PHONE" : "PORTAL")
                    .param("name", NAMES[random.nextInt(NAMES.length)])
                    .param("phone", "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)))
                    .param("operator", operator.creditCode())
                    .param("operatorName", operator.name())
                    .param("province", province)
                    .param("subject", subject.name())
                    .param("category", subject.category().name())
                    .param("request", REQUESTS[random.nextInt(REQUESTS.length)])
                    .param("facts", "演示数据：用户向企业投诉后未获满意答复。")
                    .param("occurred", occurred)
                    .param("contacted", contacted)
                    .param("answered", answered)
                    .param("status", status.name())
                    .param("rule", status == AppealStatus.RECEIVED ? "ACCEPTED" : accepted ? "ACCEPTED" : status.name())
                    .param(
                            "reasons",
                            status == AppealStatus.REFERRED_TO_OPERATOR
                                    ? "appeals.rule.operatorNotContacted"
                                    : status == AppealStatus.REFUSED ? "appeals.rule.elsewhere" : null)
                    .param("received", received.atOffset(ZoneOffset.UTC))
                    .param("acceptBy", workingDays.plus(receivedOn, AppealDesk.ACCEPTANCE_WORKING_DAYS))
                    .param(
                            "decidedAt",
                            status == AppealStatus.RECEIVED
                                    ? null
                                    : decidedOn
                                            .atStartOfDay(CHINA)
                                            .plusHours(10)
                                            .toOffsetDateTime())
                    .param("decidedBy", status == AppealStatus.RECEIVED ? null : "gd")
                    .param("answerBy", accepted ? decidedOn.plusDays(AppealDesk.ANSWER_DAYS) : null)
                    .param("respondBy", respondBy)
                    .param(
                            "response",
                            status == AppealStatus.RESPONDED || status == AppealStatus.CLOSED ? "已核实并按用户诉求处理。" : null)
                    .param(
                            "respondedAt",
                            status == AppealStatus.RESPONDED || status == AppealStatus.CLOSED
                                    ? respondBy
                                            .minusDays(random.nextInt(6))
                                            .atStartOfDay(CHINA)
                                            .plusHours(15)
                                            .toOffsetDateTime()
                                    : null)
                    .param(
                            "respondedBy",
                            status == AppealStatus.RESPONDED || status == AppealStatus.CLOSED ? "token:demo" : null)
                    .param("mediation", outcome == null ? null : "电话调解。")
                    .param("outcome", outcome == null ? null : outcome.name())
                    .param("note", outcome == Outcome.NOT_SETTLED ? "已告知可申请仲裁或向人民法院起诉。" : null)
                    .param("closedAt", closed == null ? null : closed.atOffset(ZoneOffset.UTC))
                    .param("closedBy", closed == null ? null : "gd")
                    .param("rating", closed != null && random.nextBoolean() ? 2 + random.nextInt(4) : null)
                    .param("fingerprint", Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()))
                    .update();
        }
        userCounts(operators, today, random);
    }

    /** Users per operator for the last five quarters, near the operators' published sizes. */
    private void userCounts(List<OrganisationView> operators, LocalDate today, Random random) {
        Map<String, Long> sizes = Map.of(
                "OP-CMCC", 1_000_000_000L,
                "OP-CUCC", 340_000_000L,
                "OP-CTCC", 420_000_000L,
                "OP-CBN", 30_000_000L);
        Quarter quarter = Quarter.of(today);
        for (int q = 0; q < 5; q++, quarter = quarter.previous()) {
            for (OrganisationView operator : operators) {
                long base = sizes.getOrDefault(operator.code(), 5_000_000L);
                jdbc.sql("""
                                insert into appeals_user_count (operator_credit_code, operator_name, quarter, users,
                                    imported_by, imported_at)
                                values (:o, :name, :q, :users, 'system', :at)""")
                        .param("o", operator.creditCode())
                        .param("name", operator.name())
                        .param("q", quarter.toString())
                        .param("users", base - q * base / 200 + random.nextInt(1_000_000))
                        .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .update();
            }
        }
    }

    /** Old appeals are mostly closed; the last weeks' are spread over the open states. */
    private static AppealStatus status(Random random, int ageDays) {
        int roll = random.nextInt(100);
        if (roll < 10) {
            return AppealStatus.REFUSED;
        }
        if (roll < 16) {
            return AppealStatus.REFERRED_TO_OPERATOR;
        }
        if (ageDays > 40) {
            return AppealStatus.CLOSED;
        }
        if (ageDays < 5) {
            return roll < 70 ? AppealStatus.RECEIVED : AppealStatus.ACCEPTED;
        }
        return roll < 50 ? AppealStatus.ACCEPTED : roll < 80 ? AppealStatus.RESPONDED : AppealStatus.CLOSED;
    }
}
