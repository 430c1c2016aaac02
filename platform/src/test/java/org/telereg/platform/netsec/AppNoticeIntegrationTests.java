package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.netsec.AppCheckFixtures.app;
import static org.telereg.platform.netsec.AppCheckFixtures.creditCode;
import static org.telereg.platform.netsec.AppCheckFixtures.finding;
import static org.telereg.platform.netsec.AppCheckFixtures.packageName;
import static org.telereg.platform.netsec.AppCheckFixtures.unique;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class AppNoticeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AppChecks checks;

    @Autowired
    AppNotices notices;

    @Autowired
    AccessManagement access;

    @Autowired
    Notices inbox;

    private final Actor ministry = Actor.system();

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private String cmcc() {
        return access.organisation("OP-CMCC").orElseThrow().creditCode();
    }

    /** A notice listing one fresh App of the company, published and due on the days given. */
    private AppNoticeItemView listed(String creditCode, LocalDate publishedOn, LocalDate deadline) {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "通报 ");
        AppCheckView app = AppCheckFixtures.imported(
                        checks,
                        batch.id(),
                        app(unique("应用"), packageName(), "1.0", creditCode, finding(AppRule.DELETION_BARRIER)))
                .get(0);
        AppNoticeView notice = notices.publish(
                ministry,
                new AppNoticeForm(
                        unique("测试通报"),
                        unique("通报标题"),
                        publishedOn.toString(),
                        deadline.toString(),
                        List.of(app.id())));
        return notices.items(DataScope.all(), notice.id()).get(0);
    }

    private static List<String> fields(RejectedInputException e) {
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void theCompanyAnswersOnTheDeadlineButNotAfterIt() throws Exception {
        LocalDate today = checks.today();
        AppNoticeItemView dueToday = listed(cmcc(), today.minusDays(10), today);
        AppNoticeItemView dueYesterday = listed(cmcc(), today.minusDays(10), today.minusDays(1));

        mvc.perform(post("/console/netsec/apps/items/" + dueToday.id() + "/answer")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .param("version", "1.1")
                        .param("answer", "已提供在线注销入口"))
                .andExpect(redirectedUrl("/console/netsec/apps/items/" + dueToday.id()));
        assertThat(notices.item(DataScope.all(), dueToday.id()).orElseThrow()).satisfies(item -> {
            assertThat(item.status()).isEqualTo(AppNoticeItemStatus.ANSWERED);
            assertThat(item.answerVersion()).isEqualTo("1.1");
            assertThat(item.answeredOn()).isEqualTo(today);
        });

        mvc.perform(post("/api/v1/netsec/app-checks/listed/" + dueYesterday.id() + "/answer")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": \"1.1\", \"answer\": \"晚了\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("deadline"));
        assertThat(notices.item(DataScope.all(), dueYesterday.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(AppNoticeItemStatus.LISTED);
    }

    @Test
    void anAnswerNamesANewVersionAndOnlyTheAppsCompanyGivesIt() {
        LocalDate today = checks.today();
        AppNoticeItemView item = listed(cmcc(), today.minusDays(2), today.plusDays(10));

        Actor company = SignIn.actor(users, "cmcc");
        assertThatThrownBy(() -> notices.answer(company, item.id(), "1.0", ""))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("version", "answer"));
        Actor officer = SignIn.actor(users, "officer");
        assertThatThrownBy(() -> notices.answer(officer, item.id(), "1.1", "改了"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(notices.item(DataScope.all(), item.id()).orElseThrow().status())
                .isEqualTo(AppNoticeItemStatus.LISTED);
    }

    @Test
    void aRecheckComesOnlyAfterTheDeadline() {
        LocalDate today = checks.today();
        AppNoticeItemView item = listed(creditCode("44"), today.minusDays(5), today);

        assertThatThrownBy(() -> notices.recheck(ministry, item.id(), today.toString(), "1.0", "false", null, null))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("checkedOn"));
        assertThat(notices.item(DataScope.all(), item.id()).orElseThrow().takedown())
                .isNull();
    }

    @Test
    void notFixedTakesTheAppDownAndALaterPassingRecheckLiftsIt() {
        LocalDate today = checks.today();
        AppNoticeItemView item = listed(creditCode("44"), today.minusDays(20), today.minusDays(5));

        AppNoticeItemView down = notices.recheck(
                ministry, item.id(), today.minusDays(3).toString(), "1.0", "false", "应用宝、华为应用市场", "未整改");
        assertThat(down.status()).isEqualTo(AppNoticeItemStatus.TAKEN_DOWN);
        assertThat(down.takedown().status()).isEqualTo(TakedownStatus.ISSUED);
        assertThat(down.takedown().stores()).isEqualTo("应用宝、华为应用市场");
        assertThat(down.takedown().issuedOn()).isEqualTo(today.minusDays(3));

        assertThatThrownBy(() -> notices.confirmTakedown(
                        ministry, item.id(), today.minusDays(4).toString()))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("confirmedOn"));
        assertThat(notices.confirmTakedown(
                                ministry, item.id(), today.minusDays(2).toString())
                        .takedown()
                        .status())
                .isEqualTo(TakedownStatus.CONFIRMED);

        AppNoticeItemView still =
                notices.recheck(ministry, item.id(), today.minusDays(1).toString(), "1.0.1", "false", null, null);
        assertThat(still.status()).isEqualTo(AppNoticeItemStatus.TAKEN_DOWN);
        assertThat(still.takedown().id()).isEqualTo(down.takedown().id());

        AppNoticeItemView fixed = notices.recheck(ministry, item.id(), today.toString(), "1.1", "true", null, "已整改");
        assertThat(fixed.status()).isEqualTo(AppNoticeItemStatus.FIXED);
        assertThat(fixed.takedown().status()).isEqualTo(TakedownStatus.LIFTED);
        assertThat(fixed.takedown().liftedOn()).isEqualTo(today);
        assertThat(fixed.rechecks()).extracting(AppNoticeRecheck::fixed).containsExactly(false, false, true);

        assertThatThrownBy(() -> notices.recheck(ministry, item.id(), today.toString(), "1.1", "true", null, null))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("fixed"));
    }

    @Test
    void aNotFixedRecheckWithoutStoresTakesTheAppDownFromItsOwnStore() throws Exception {
        LocalDate today = checks.today();
        AppNoticeItemView item = listed(creditCode("44"), today.minusDays(20), today.minusDays(5));

        mvc.perform(post("/console/netsec/apps/items/" + item.id() + "/recheck")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .param("checkedOn", today.toString())
                        .param("version", "1.0")
                        .param("fixed", "false"))
                .andExpect(redirectedUrl("/console/netsec/apps/items/" + item.id()));

        mvc.perform(get("/console/netsec/apps/items/" + item.id()).with(as(users, "officer")))
                .andExpect(content().string(containsString("下架通知已下发")))
                .andExpect(content().string(containsString("id=\"confirm-form\"")));
        assertThat(notices.item(DataScope.all(), item.id())
                        .orElseThrow()
                        .takedown()
                        .stores())
                .isEqualTo("应用宝");
    }

    @Test
    void aNoticeListsOnlyAppsWithFindingsAndItsDeadlineFollowsPublication() {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "通报校验 ");
        AppCheckView clean = AppCheckFixtures.imported(
                        checks, batch.id(), app("无问题应用", packageName(), "1.0", creditCode("44")))
                .get(0);
        LocalDate today = checks.today();

        assertThatThrownBy(() -> notices.publish(
                        ministry,
                        new AppNoticeForm(unique("号"), "标题", today.toString(), today.toString(), List.of(clean.id()))))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(fields(e)).containsExactlyInAnyOrder("deadline", "appIds"));
        assertThatThrownBy(() -> notices.publish(
                        ministry, new AppNoticeForm("", "", today.plusDays(1).toString(), "x", List.of())))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactlyInAnyOrder(
                                        "noticeNumber", "title", "publishedOn", "deadline", "appIds"));
    }

    @Test
    void thePortalShowsTheNoticeAndTheCompanyIsToldInItsInbox() throws Exception {
        LocalDate today = checks.today();
        AppNoticeItemView item = listed(cmcc(), today.minusDays(1), today.plusDays(15));
        AppNoticeView notice = notices.notice(DataScope.all(), item.noticeId()).orElseThrow();

        mvc.perform(get("/public/app-notices"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(notice.title())));
        mvc.perform(get("/public/app-notices/" + notice.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(item.app().appName())))
                .andExpect(content().string(containsString("账号注销难")))
                .andExpect(content().string(containsString(item.app().companyName())));
        mvc.perform(get("/")).andExpect(content().string(containsString("/public/app-notices")));

        Actor company = SignIn.actor(users, "cmcc");
        assertThat(inbox.inbox(company, false, 200))
                .anySatisfy(n -> assertThat(inbox.text(n, java.util.Locale.SIMPLIFIED_CHINESE))
                        .contains(notice.noticeNumber())
                        .contains("请于 " + notice.deadline() + " 前完成整改"));
    }

    @Test
    void markupInALabsFileIsShownAsTextOnThePortal() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "注入 ");
        String name = "<script>alert('" + unique("x") + "')</script>";
        AppCheckView app = AppCheckFixtures.imported(
                        checks,
                        batch.id(),
                        app(name, packageName(), "1.0", creditCode("44"), finding(AppRule.FORCED_ADS)))
                .get(0);
        LocalDate today = checks.today();
        AppNoticeView notice = notices.publish(
                ministry,
                new AppNoticeForm(
                        unique("号"),
                        unique("标题"),
                        today.toString(),
                        today.plusDays(10).toString(),
                        List.of(app.id())));

        mvc.perform(get("/public/app-notices/" + notice.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString(name))));
    }

    @Test
    void aNoticeIsNotPublishedAheadOfItsDayAndAnUnknownOneIsNotFound() throws Exception {
        LocalDate today = checks.today();
        AppNoticeItemView item = listed(creditCode("44"), today.minusDays(1), today.plusDays(15));
        assertThatThrownBy(() -> notices.publish(
                        ministry,
                        new AppNoticeForm(
                                unique("号"),
                                "标题",
                                today.plusDays(1).toString(),
                                today.plusDays(20).toString(),
                                List.of(item.app().id()))))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("publishedOn"));
        mvc.perform(get("/public/app-notices/999999999")).andExpect(status().isNotFound());
    }

    @Test
    void aCompanyThatHasNotAnsweredIsRemindedOnceAsTheDeadlineNears() {
        LocalDate today = checks.today();
        AppNoticeItemView near = listed(cmcc(), today.minusDays(10), today.plusDays(AppNotices.REMINDER_DAYS));
        AppNoticeItemView far = listed(cmcc(), today.minusDays(10), today.plusDays(AppNotices.REMINDER_DAYS + 1));

        notices.remind(today);
        notices.remind(today);

        Actor company = SignIn.actor(users, "cmcc");
        List<String> texts = inbox.inbox(company, false, 500).stream()
                .map(n -> inbox.text(n, java.util.Locale.SIMPLIFIED_CHINESE))
                .toList();
        assertThat(texts)
                .filteredOn(t -> t.contains(near.app().appName()) && t.contains("尚未反馈"))
                .hasSize(1);
        assertThat(texts)
                .filteredOn(t -> t.contains(far.app().appName()) && t.contains("尚未反馈"))
                .isEmpty();
    }

    @Test
    void theCompanySeesItsListedAppsAndAnOtherCompanysItemIsNotFound() throws Exception {
        LocalDate today = checks.today();
        AppNoticeItemView mine = listed(cmcc(), today.minusDays(3), today.plusDays(7));
        AppNoticeItemView theirs = listed(creditCode("44"), today.minusDays(3), today.plusDays(7));

        mvc.perform(get("/console/netsec/apps/items/" + mine.id()).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"answer-form\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"recheck-form\""))));
        mvc.perform(get("/console/netsec/apps/items/" + theirs.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/netsec/app-checks/listed").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.hasItem((int) mine.id())))
                .andExpect(jsonPath(
                        "$[*].id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem((int) theirs.id()))));
    }
}
