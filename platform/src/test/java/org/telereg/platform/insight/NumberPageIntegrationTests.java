package org.telereg.platform.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.Role;
import org.telereg.platform.antifraud.FraudDisposal;
import org.telereg.platform.antifraud.NewSuspect;
import org.telereg.platform.appeals.AppealChannel;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.appeals.NewAppeal;
import org.telereg.platform.realname.SnapshotImport;
import org.telereg.platform.realname.SnapshotResult;
import org.telereg.platform.spam.NewReport;
import org.telereg.platform.spam.ReportChannel;
import org.telereg.platform.spam.ReportDesk;

@PlatformIntegrationTest
class NumberPageIntegrationTests {

    private static final String CUCC_USER = "cucc-numberpage";
    // 19877… (China Mobile) and 16677… (China Unicom) are used by no other test nor the demo data.
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessManagement access;

    @Autowired
    SnapshotImport snapshots;

    @Autowired
    FraudDisposal fraud;

    @Autowired
    ReportDesk reports;

    @Autowired
    AppealDesk appeals;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private static String number(String prefix) {
        return prefix + String.format("%06d", SERIAL.incrementAndGet());
    }

    /** A valid resident ID of 上海市黄浦区, unique in this run. */
    private static String residentId() {
        String first17 = "31010119850315" + String.format("%03d", SERIAL.incrementAndGet() % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private void register(String username, String number, String id, String name) {
        String csv = "phone_number,document_type,document_number,name,activated_on,status,sales_outlet\n"
                + String.join(",", number, "RESIDENT_ID", id, name, "2024-05-01", "NORMAL", "黄浦营业厅") + "\n";
        SnapshotResult result = snapshots.importCsv(
                SignIn.actor(users, username),
                UUID.randomUUID().toString(),
                "snapshot.csv",
                csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.status()).isEqualTo(SnapshotResult.Status.IMPORTED);
        SignIn.signOut();
    }

    private String page(String username, String number) throws Exception {
        return mvc.perform(get("/console/numbers/{number}", number)
                        .with(as(users, username))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void showsEachModulesPanelWithPersonalDataMaskedOnly() throws Exception {
        String number = number("19877");
        String id = residentId();
        register("cmcc", number, id, "欧阳志远");
        var cmcc = access.organisation("OP-CMCC").orElseThrow();
        var fraudCase = fraud.registerSuspect(
                new NewSuspect(number, cmcc.creditCode(), cmcc.name(), new BigDecimal("0.912"), "out_calls=300"));
        reports.submit(ReportChannel.WEB, new NewReport("FRAUD_CALL", number, "自称客服要求转账", null));
        appeals.submit(
                AppealChannel.PORTAL,
                new NewAppeal(
                        "司马光明",
                        number,
                        "OP-CMCC",
                        "11",
                        "UNEXPLAINED_CHARGES",
                        "退还不明扣费",
                        "账单多扣 30 元。",
                        appeals.today().minusDays(40).toString(),
                        appeals.today().minusDays(30).toString(),
                        "HOTLINE",
                        "不予退还。",
                        appeals.today().minusDays(20).toString(),
                        "false",
                        "false",
                        "false"));

        String html = page("officer", number);

        assertThat(html)
                .contains("号段参考信息", "中国移动")
                .contains("号段归属", "中国移动通信集团有限公司")
                .contains("实名登记", "欧***", IdNumbers.mask(id), "正常", "2024-05-01")
                .contains("涉诈处置", "待研判", "0.912", "/console/antifraud/" + fraudCase.id())
                .contains("被举报情况", "诈骗电话")
                .contains("以此号码提出的申诉", "司***");
        assertThat(html).as("raw personal data").doesNotContain("欧阳志远", id, "司马光明");
        assertThat(html.indexOf("号段归属"))
                .as("panels in order")
                .isLessThan(html.indexOf("实名登记"))
                .isLessThan(html.indexOf("涉诈处置"));
    }

    @Test
    void anOperatorSeesItsOwnRealNamePanelButNotAnotherOperators() throws Exception {
        ensureCuccUser();
        String unicom = number("16677");
        String id = residentId();
        register(CUCC_USER, unicom, id, "诸葛亮平");

        assertThat(page(CUCC_USER, unicom)).contains("实名登记", IdNumbers.mask(id));
        assertThat(page("officer", unicom)).contains("实名登记", IdNumbers.mask(id));
        String seenByCmcc = page("cmcc", unicom);
        assertThat(seenByCmcc).contains("号段归属").doesNotContain("实名登记", IdNumbers.mask(id), "诸***");
    }

    @Test
    void aNumberWrittenWithCountryCodeAndDashesLeadsToItsPage() throws Exception {
        mvc.perform(get("/console/numbers").param("number", "+86 138-0013-8000").with(as(users, "officer")))
                .andExpect(redirectedUrl("/console/numbers/13800138000"));
        mvc.perform(get("/console/numbers/{number}", "+8613800138000").with(as(users, "officer")))
                .andExpect(redirectedUrl("/console/numbers/13800138000"));
    }

    @Test
    void aBadNumberIsRefusedWithTheReason() throws Exception {
        String html = mvc.perform(get("/console/numbers")
                        .param("number", "138001")
                        .with(as(users, "officer"))
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("电话号码位数不对", "is-invalid");
        mvc.perform(get("/console/numbers/{number}", "13a00138000").with(as(users, "officer")))
                .andExpect(status().isBadRequest());
    }

    private void ensureCuccUser() {
        synchronized (NumberPageIntegrationTests.class) {
            try {
                users.loadUserByUsername(CUCC_USER);
            } catch (UsernameNotFoundException e) {
                access.createUser(new NewUser(CUCC_USER, "TeleReg@2026", "联通号码页测试", "OP-CUCC", Role.OPERATOR));
            }
        }
    }
}
