package org.telereg.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.LineError;

@PlatformIntegrationTest
class UtilisationReportsIntegrationTests {

    private static final String HEADER = "prefix,period,in_use,assigned\n";

    @Autowired
    Clock clock;

    @Autowired
    UtilisationReports reports;

    @Autowired
    NumberResources resources;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private static byte[] csv(String... lines) {
        return (HEADER + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String batch() {
        return UUID.randomUUID().toString();
    }

    /** The seeded China Mobile block the demo operator account holds. */
    private AllocationView block(String number) {
        return resources.holderOf(number, LocalDate.now(clock)).orElseThrow();
    }

    @Test
    void aReportIsWrittenOnceAndALaterReportOfTheSameMonthReplacesIt() {
        Actor cmcc = SignIn.actor(users, "cmcc");
        AllocationView block139 = block("13900000000");
        String earlier = thisMonth().minusMonths(2).toString();
        String later = thisMonth().minusMonths(1).toString();
        byte[] file = csv("139," + earlier + ",1200000,1500000", "139," + later + ",1000000,1400000");
        String batchId = batch();

        UtilisationResult first = reports.importCsv(cmcc, batchId, "october.csv", file);
        assertThat(first.status()).isEqualTo(UtilisationResult.Status.IMPORTED);
        assertThat(first.rows()).isEqualTo(2);
        assertThat(reports.importCsv(cmcc, batchId, "october.csv", file).status())
                .as("the same batch again")
                .isEqualTo(UtilisationResult.Status.ALREADY_IMPORTED);
        UtilisationResult reused = reports.importCsv(cmcc, batchId, "other.csv", csv("139," + later + ",1,1"));
        assertThat(reused.status()).isEqualTo(UtilisationResult.Status.REJECTED);
        assertThat(reused.errors()).extracting(LineError::code).containsExactly("numbering.utilisation.batchReused");

        assertThat(reports.series(DataScope.all(), block139.id()))
                .extracting(BlockUtilisation::period, BlockUtilisation::inUse, BlockUtilisation::capacity)
                .containsExactly(tuple(earlier, 1_200_000L, 100_000_000L), tuple(later, 1_000_000L, 100_000_000L));

        reports.importCsv(cmcc, batch(), "correction.csv", csv("139," + later + ",1100000,1400000"));
        assertThat(reports.series(DataScope.all(), block139.id()))
                .extracting(BlockUtilisation::inUse)
                .containsExactly(1_200_000L, 1_100_000L);
        assertThat(reports.latest(block139))
                .hasValueSatisfying(u -> assertThat(u.ratio()).isEqualByComparingTo("0.011"));
    }

    @Test
    void everyBadLineIsNamedByLineAndColumnAndNothingIsWritten() {
        Actor cmcc = SignIn.actor(users, "cmcc");
        AllocationView block150 = block("15000000000");
        String month = thisMonth().minusMonths(1).toString();
        UtilisationResult result = reports.importCsv(
                cmcc,
                batch(),
                "bad.csv",
                csv(
                        "150," + month + ",10,20",
                        "130," + month + ",10,20",
                        "150,2026-13,10,20",
                        "150," + thisMonth().plusMonths(1) + ",10,20",
                        "150," + thisMonth().minusMonths(3) + ",30,20",
                        "150," + thisMonth().minusMonths(4) + ",10,999999999999",
                        "150," + thisMonth().minusMonths(5) + ",-1,x",
                        "150," + month + ",11,21"));

        assertThat(result.status()).isEqualTo(UtilisationResult.Status.REJECTED);
        assertThat(result.badLines()).isEqualTo(7);
        assertThat(result.errors())
                .extracting(LineError::line, LineError::field, e -> e.code())
                .containsExactly(
                        tuple(3L, "prefix", "numbering.utilisation.notHeld"),
                        tuple(4L, "period", "numbering.utilisation.badPeriod"),
                        tuple(5L, "period", "numbering.utilisation.futurePeriod"),
                        tuple(6L, "in_use", "numbering.utilisation.moreThanAssigned"),
                        tuple(7L, "assigned", "numbering.utilisation.overCapacity"),
                        tuple(8L, "in_use", "numbering.utilisation.badCount"),
                        tuple(8L, "assigned", "numbering.utilisation.badCount"),
                        tuple(9L, "prefix", "numbering.utilisation.duplicate"));
        assertThat(reports.series(DataScope.all(), block150.id()))
                .as("nothing half-written")
                .isEmpty();

        UtilisationResult noColumns = reports.importCsv(
                cmcc, batch(), "x.csv", "prefix,month\n150,2026-01\n".getBytes(StandardCharsets.UTF_8));
        assertThat(noColumns.errors())
                .extracting(LineError::line, LineError::field)
                .containsExactly(tuple(1L, "period"), tuple(1L, "in_use"), tuple(1L, "assigned"));
        assertThat(reports.importCsv(cmcc, batch(), "empty.csv", new byte[0]).errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.empty");
    }

    @Test
    void aGbkFileWithChineseHeadersIsRead() {
        Actor cmcc = SignIn.actor(users, "cmcc");
        AllocationView block187 = block("18700000000");
        String text = "码号,月份,在用数,已分配数\n187," + thisMonth().minusMonths(1) + ",500,800\n";

        UtilisationResult result = reports.importCsv(cmcc, batch(), "使用情况.csv", text.getBytes(Charset.forName("GBK")));

        assertThat(result.status()).isEqualTo(UtilisationResult.Status.IMPORTED);
        assertThat(result.encoding()).isEqualTo("GB18030");
        assertThat(reports.series(DataScope.all(), block187.id()))
                .extracting(BlockUtilisation::inUse)
                .containsExactly(500L);
    }

    @Test
    void onlyAnOperatorReportsAndOnlyForBlocksItHolds() {
        assertThatThrownBy(() ->
                        reports.importCsv(SignIn.actor(users, "officer"), batch(), "x.csv", csv("138,2026-01,1,1")))
                .isInstanceOf(AccessDeniedException.class);
        UtilisationResult result = reports.importCsv(
                SignIn.actor(users, "cmcc"),
                batch(),
                "x.csv",
                csv("186," + thisMonth().minusMonths(1) + ",1,1"));
        assertThat(result.errors()).extracting(LineError::code).containsExactly("numbering.utilisation.notHeld");
    }

    @Test
    void theRegulatorRanksUnderUsedBlocksAndOpensOneBlocksMonths() throws Exception {
        Actor cmcc = SignIn.actor(users, "cmcc");
        AllocationView block188 = block("18800000000");
        String month = thisMonth().minusMonths(1).toString();
        reports.importCsv(cmcc, batch(), "low.csv", csv("188," + month + ",2000000,3000000"));

        assertThat(reports.lowest(DataScope.all(), new BigDecimal("0.05"), PageRequest.of(0, 100))
                        .getContent())
                .extracting(b -> b.allocation().prefix())
                .contains("188");
        assertThat(reports.lowest(DataScope.all(), new BigDecimal("0.01"), PageRequest.of(0, 100))
                        .getContent())
                .as("2 % is not below 1 %")
                .extracting(b -> b.allocation().prefix())
                .doesNotContain("188");

        String ranking = mvc.perform(get("/console/numbering/utilisation")
                        .param("threshold", "5")
                        .with(as(users, "officer"))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(ranking).contains("/console/numbering/blocks/" + block188.id(), "2.0%");

        String detail = mvc.perform(get("/console/numbering/blocks/{id}", block188.id())
                        .with(as(users, "officer"))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains(month, "2,000,000", "100,000,000");

        String province = mvc.perform(get("/console/numbering/blocks/{id}", block188.id())
                        .with(as(users, "gd"))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(province)
                .as("a national block's reports are not a province's")
                .doesNotContain("2,000,000");
    }

    @Test
    void theApiAnswersARejectedFileWithLineErrors() throws Exception {
        mvc.perform(
                        post("/api/v1/numbering/utilisation")
                                .param("batchId", batch())
                                .contentType("text/csv")
                                .content(csv("138,2026-1,1,1"))
                                .with(as(users, "cmcc"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(
                        post("/api/v1/numbering/utilisation")
                                .param("batchId", batch())
                                .contentType("text/csv")
                                .content(csv("138," + thisMonth().minusMonths(6) + ",10,20"))
                                .with(as(users, "cmcc"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"));
    }

    private YearMonth thisMonth() {
        return YearMonth.now(clock);
    }
}
