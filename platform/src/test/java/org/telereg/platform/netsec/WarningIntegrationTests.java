package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class WarningIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Warnings warnings;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<String> codes(Throwable e) {
        return ((RejectedInputException) e)
                .problems().stream().map(FieldProblem::code).toList();
    }

    @Test
    void aRedWarningIsIssuedUpdatedAndLiftedByTheMinistryWithItsDuty() throws Exception {
        Actor officer = SignIn.actor(users, "officer");
        String title = unique("红色预警");

        WarningView issued = warnings.issue(officer, new WarningInput("RED", title, null, "立即排查。", "on", null));

        assertThat(issued.active()).isTrue();
        assertThat(issued.regionCode()).isNull();
        assertThat(issued.publicNotice()).isTrue();
        assertThat(warnings.duties(issued.id()))
                .singleElement()
                .satisfies(d -> assertThat(d.running()).isTrue());
        mvc.perform(get("/console").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"/console/netsec/warnings/panel\"")));
        mvc.perform(get("/console/netsec/warnings/panel").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"active-warning-" + issued.id() + "\"")));
        mvc.perform(get("/public/warnings"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));

        WarningView updated = warnings.update(
                officer, issued.id(), new WarningInput("ORANGE", title, "44", "范围缩小到广东。", "false", null));
        assertThat(updated.colour()).isEqualTo(WarningColour.ORANGE);
        assertThat(updated.regionCode()).isEqualTo("44");
        mvc.perform(get("/public/warnings")).andExpect(content().string(not(containsString(title))));

        assertThatThrownBy(() -> warnings.lift(officer, issued.id(), " ")).isInstanceOf(RejectedInputException.class);
        WarningView lifted = warnings.lift(officer, issued.id(), "风险解除");
        assertThat(lifted.status()).isEqualTo(WarningStatus.LIFTED);
        assertThat(lifted.liftReason()).isEqualTo("风险解除");
        assertThat(warnings.duties(issued.id()))
                .allSatisfy(d -> assertThat(d.running()).isFalse());
        assertThat(warnings.history(issued.id()))
                .extracting(WarningChange::action)
                .containsExactly("ISSUED", "UPDATED", "LIFTED");
        assertThat(warnings.active()).extracting(WarningView::id).doesNotContain(issued.id());
        mvc.perform(get("/console/netsec/warnings/panel").with(as(users, "cmcc")))
                .andExpect(content().string(not(containsString("id=\"active-warning-" + issued.id() + "\""))));
        assertThatThrownBy(() -> warnings.lift(officer, issued.id(), "再次解除")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void eachLevelIsRefusedTheOtherLevelsColours() {
        Actor officer = SignIn.actor(users, "officer");
        Actor gd = SignIn.actor(users, "gd");

        assertThatThrownBy(() -> warnings.issue(gd, new WarningInput("RED", unique("省发红色"), "44", "x", null, null)))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("netsec.warning.invalid.ministryColour"));
        assertThatThrownBy(() -> warnings.issue(gd, new WarningInput("ORANGE", unique("省发橙色"), "44", "x", null, null)))
                .isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() ->
                        warnings.issue(officer, new WarningInput("YELLOW", unique("部发黄色"), "44", "x", null, null)))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("netsec.warning.invalid.provinceColour"));
        assertThatThrownBy(() -> warnings.issue(gd, new WarningInput("BLUE", unique("广东发北京"), "11", "x", null, null)))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes(e)).containsExactly("netsec.warning.invalid.otherProvince"));
        assertThatThrownBy(() -> warnings.issue(
                        SignIn.actor(users, "cmcc"), new WarningInput("BLUE", "x", null, "x", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> warnings.issue(
                        SignIn.actor(users, "auditor"), new WarningInput("RED", "x", null, "x", null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aProvinceIssuesYellowForItsOwnProvinceAndOnlyItChangesIt() {
        Actor gd = SignIn.actor(users, "gd");
        Actor bj = SignIn.actor(users, "bj");
        Actor officer = SignIn.actor(users, "officer");

        WarningView yellow = warnings.issue(gd, new WarningInput("YELLOW", unique("台风"), null, "加固基站。", null, null));

        assertThat(yellow.regionCode()).isEqualTo("44");
        assertThat(yellow.publicNotice()).isFalse();
        assertThat(warnings.duties(yellow.id())).isEmpty();
        assertThat(warnings.publicActive()).extracting(WarningView::id).doesNotContain(yellow.id());
        assertThatThrownBy(() -> warnings.lift(bj, yellow.id(), "不是北京的")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> warnings.lift(officer, yellow.id(), "部不解除黄色"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> warnings.update(gd, yellow.id(), new WarningInput("RED", "升级", "44", "x", null, null)))
                .isInstanceOf(RejectedInputException.class);
        WarningView blue =
                warnings.update(gd, yellow.id(), new WarningInput("BLUE", yellow.title(), "44", "降为蓝色。", "true", null));
        assertThat(blue.colour()).isEqualTo(WarningColour.BLUE);
        assertThat(warnings.publicActive()).extracting(WarningView::id).contains(yellow.id());
        assertThat(warnings.lift(gd, yellow.id(), "台风已过境").active()).isFalse();
    }

    @Test
    void theIssueFormShowsTheRefusalBesideTheFieldAndEscapesText() throws Exception {
        mvc.perform(post("/console/netsec/warnings")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("colour", "RED")
                        .param("title", "<b>粗体</b>")
                        .param("body", "x".repeat(4001)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("红色、橙色预警由部发布")))
                .andExpect(content().string(containsString("不能超过 4,000 个字符")))
                .andExpect(content().string(containsString("&lt;b&gt;粗体&lt;/b&gt;")));
        String title = unique("<i>蓝色</i>");
        mvc.perform(post("/console/netsec/warnings")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("colour", "BLUE")
                        .param("title", title)
                        .param("body", "内容")
                        .param("publicNotice", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/public/warnings"))
                .andExpect(content()
                        .string(containsString(title.replace("<", "&lt;").replace(">", "&gt;"))));
    }

    @Test
    void thePortalLinksToThePublicWarnings() throws Exception {
        mvc.perform(get("/public"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/public/warnings")));
    }
}
