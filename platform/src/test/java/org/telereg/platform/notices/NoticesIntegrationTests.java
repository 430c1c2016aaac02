package org.telereg.platform.notices;

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

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.NewOrganisation;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/** Organisations' inboxes: each sees its own notices, reads them, and every notice goes out through the senders. */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoticesIntegrationTests {

    private static final AtomicInteger COUNTER = new AtomicInteger((int) (System.nanoTime() % 100_000));

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessManagement access;

    @Autowired
    Notices notices;

    private record Member(OrganisationView organisation, String username, Actor actor) {}

    private Member member() {
        String suffix = String.format("%06d", COUNTER.incrementAndGet());
        String creditCode = "91440000MA" + suffix + "NX";
        OrganisationView organisation = access.createOrganisation(new NewOrganisation(
                "OP-NTC" + suffix, "通知测试通信有限公司" + suffix, OrganisationType.OPERATOR, "44", creditCode, null));
        String username = "ntc" + suffix;
        access.createUser(new NewUser(username, "TeleReg@2026", "通知员" + suffix, organisation.code(), Role.OPERATOR));
        Actor actor = new Actor(
                username,
                "通知员" + suffix,
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(creditCode));
        return new Member(organisation, username, actor);
    }

    private static final String KEY = "industry.notice.reminder";

    private static List<String> arguments(String period) {
        return List.of(
                "宽带与移动业务发展月报",
                period,
                "2026-12-10",
                "BROADBAND_MOBILE_MONTHLY",
                "Broadband and mobile monthly",
                "广东省",
                "44");
    }

    @Test
    void anOrganisationReadsItsNoticesOneByOneOrAllAtOnce(CapturedOutput output) throws Exception {
        Member member = member();
        NoticeView first = notices.send(
                        member.organisation().code(), KEY, arguments("2026-10"), "/console/industry/reports")
                .get(0);
        notices.send(member.organisation().creditCode(), KEY, arguments("2026-11"), null);
        notices.send(member.organisation().code(), KEY, arguments("2026-12"), null);

        assertThat(output)
                .contains(
                        "notice " + first.id() + " to " + member.organisation().name());
        mvc.perform(get("/console/notices").with(as(users, member.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("统计报表 宽带与移动业务发展月报 2026-11（广东省）将于 2026-12-10 截止")))
                .andExpect(content().string(containsString("3 条未读")));
        mvc.perform(post("/console/notices/{id}/open", first.id())
                        .with(as(users, member.username()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/industry/reports"));
        assertThat(notices.unread(member.actor())).isEqualTo(2);
        mvc.perform(get("/api/v1/notices")
                        .param("unread", "true")
                        .param("lang", "en")
                        .with(as(users, member.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].text")
                        .value("Report 宽带与移动业务发展月报 2026-12 (广东省) is due on 2026-12-10; please submit it in time."))
                .andExpect(jsonPath("$[0].read").value(false));

        mvc.perform(post("/console/notices/read-all")
                        .with(as(users, member.username()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(notices.unread(member.actor())).isZero();
        assertThat(notices.inbox(member.actor(), false, 10))
                .hasSize(3)
                .allSatisfy(n -> assertThat(n.readBy()).isEqualTo(member.username()));
        mvc.perform(get("/api/v1/notices").param("unread", "true").with(as(users, member.username())))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aNoticeOfAnotherOrganisationCannotBeSeenOrMarked() throws Exception {
        Member owner = member();
        Member stranger = member();
        NoticeView notice = notices.send(owner.organisation().code(), KEY, arguments("2026-10"), null)
                .get(0);

        assertThat(notices.inbox(stranger.actor(), false, 100)).isEmpty();
        mvc.perform(get("/console/notices").with(as(users, stranger.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"no-notices\"")));
        mvc.perform(post("/console/notices/{id}/read", notice.id())
                        .with(as(users, stranger.username()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/notices/{id}/read", notice.id())
                        .with(as(users, stranger.username()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/notices/{id}/open", notice.id())
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(notices.unread(owner.actor())).isEqualTo(1);
    }

    @Test
    void aNoticeIsSentOncePerKeyAndOnlyWithAConsoleLink() {
        Member member = member();

        assertThat(notices.send(member.organisation().code(), KEY, arguments("2026-10"), null, "once:1"))
                .hasSize(1);
        assertThat(notices.send(member.organisation().code(), KEY, arguments("2026-10"), null, "once:1"))
                .isEmpty();
        assertThat(notices.send("NO-SUCH-ORGANISATION", KEY, arguments("2026-10"), null))
                .isEmpty();
        assertThatThrownBy(() -> notices.send(member.organisation().code(), KEY, List.of(), "https://evil.example/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.send(member.organisation().code(), KEY, List.of(), "//evil.example/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.send(member.organisation().code(), KEY, List.of(), "/\\evil.example/"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(notices.inbox(member.actor(), false, 10)).hasSize(1);
    }
}
