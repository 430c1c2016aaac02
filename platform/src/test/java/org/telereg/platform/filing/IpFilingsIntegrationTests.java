package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class IpFilingsIntegrationTests {

    /** Each test files in a /16 of 10.0.0.0/8 of its own, so tests never meet each other's ranges. */
    private static final AtomicInteger BLOCKS = new AtomicInteger(100);

    private static final String HEADER =
            "first_address,last_address,user_unit,user_unit_credit_code,usage,allocating_isp,province,city_code\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IpFilings filings;

    @Autowired
    AccessManagement access;

    private final Actor ministry = Actor.system();

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private static String block() {
        return "10." + BLOCKS.incrementAndGet();
    }

    private String creditCode(String organisation) {
        return access.organisation(organisation).orElseThrow().creditCode();
    }

    private static NewIpRange range(
            String first, String last, String unit, String unitCode, String isp, String province) {
        return new NewIpRange(first, last, unit, unitCode, "IDC", isp, province, null);
    }

    private static List<String> fields(RejectedInputException e) {
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    private static List<String> codes(RejectedInputException e) {
        return e.problems().stream().map(FieldProblem::code).toList();
    }

    @Test
    void anOverlappingRangeIsRefusedNamingTheRangeInTheWayAndItsUser() {
        String b = block();
        IpRange filed = filings.file(ministry, range(b + ".0.0", b + ".0.255", "甲数据有限公司", null, "中国电信", "44"));
        assertThat(filed.active()).isTrue();
        assertThat(filed.family()).isEqualTo(4);
        assertThat(filed.allocatingIspName()).isEqualTo("中国电信集团有限公司");

        assertThatThrownBy(
                        () -> filings.file(ministry, range(b + ".0.128", b + ".1.10", "乙网络有限公司", null, "中国联通", "44")))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("firstAddress");
                    assertThat(codes(e)).containsExactly("filing.ip.invalid.overlap");
                    assertThat(e.problems().get(0).arguments()).contains(b + ".0.0–" + b + ".0.255", "甲数据有限公司");
                });
        // The same range again is an overlap too, not a second filing.
        assertThatThrownBy(() -> filings.file(ministry, range(b + ".0.0", b + ".0.255", "甲数据有限公司", null, "中国电信", "44")))
                .isInstanceOf(RejectedInputException.class);
        // Next to it is fine.
        assertThat(filings.file(ministry, range(b + ".1.0", b + ".1.255", "乙网络有限公司", null, "中国联通", "44"))
                        .active())
                .isTrue();
    }

    @Test
    void theHolderOfARangeMaySubAllocateItAndTheLookupNamesTheInnermostUnitFirst() {
        String b = block();
        String ap = creditCode("AP-DEMO");
        filings.file(ministry, range(b + ".0.0", b + ".15.255", "示例云计算服务有限公司", ap, "中国电信", "44"));

        // China Unicom does not hold the range: it may not carve a part of it out.
        assertThatThrownBy(() -> filings.file(ministry, range(b + ".2.0", b + ".2.255", "客户甲", null, "中国联通", "44")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(codes(e)).containsExactly("filing.ip.invalid.notHolder"));

        Actor isp = SignIn.actor(users, "isp");
        IpRange customer = filings.file(isp, range(b + ".2.0", b + ".2.255", "客户甲科技有限公司", null, null, "44"));
        assertThat(customer.allocatingIspCreditCode()).isEqualTo(ap);

        List<IpRange> covering = filings.covering(DataScope.all(), b + ".2.77");
        assertThat(covering).extracting(IpRange::userUnitName).containsExactly("客户甲科技有限公司", "示例云计算服务有限公司");
        assertThat(filings.covering(DataScope.all(), b + ".3.1"))
                .extracting(IpRange::userUnitName)
                .containsExactly("示例云计算服务有限公司");
        assertThat(filings.covering(DataScope.all(), b + ".200.1")).isEmpty();
        // The IPv4-mapped IPv6 spelling finds the same filings.
        assertThat(filings.covering(DataScope.all(), "::ffff:" + b + ".2.77")).hasSize(2);

        // The parent cannot be withdrawn while its sub-allocation is active.
        long parent = covering.get(1).id();
        assertThatThrownBy(() -> filings.withdraw(ministry, parent, "分配到期"))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(codes(e)).containsExactly("filing.ip.invalid.hasSubAllocations"));
        filings.withdraw(isp, customer.id(), "客户退租");
        assertThat(filings.withdraw(ministry, parent, "分配到期").status()).isEqualTo("WITHDRAWN");
        assertThat(filings.covering(DataScope.all(), b + ".2.77")).isEmpty();
    }

    @Test
    void badRangesAreRefusedFieldByField() {
        Actor gd = SignIn.actor(users, "gd");
        assertThatThrownBy(() -> filings.file(gd, range("10.9.9.9", "10.9.9.1", "单位", null, "中国电信", "44")))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("lastAddress");
                    assertThat(codes(e)).containsExactly("filing.ip.invalid.reversed");
                });
        assertThatThrownBy(() -> filings.file(gd, range("10.9.9.1", "2001:db8::1", "单位", null, "中国电信", "44")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(codes(e)).containsExactly("filing.ip.invalid.family"));
        assertThatThrownBy(() -> filings.file(gd, range("10.9.9.256", "", "单位", null, "中国电信", "44")))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(fields(e)).containsExactly("firstAddress");
                    assertThat(codes(e)).containsExactly("filing.ip.invalid.address");
                });
        assertThatThrownBy(() ->
                        filings.file(gd, new NewIpRange("", "", " ", "not-a-code", "CAFE", "没有这家公司", "11", "999999")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(fields(e))
                                .contains(
                                        "firstAddress",
                                        "userUnitName",
                                        "userUnitCreditCode",
                                        "usage",
                                        "allocatingIsp",
                                        "province"));
        // A provincial administration files only in its own province.
        assertThatThrownBy(() -> filings.file(gd, range("10.9.9.1", "", "单位", null, "中国电信", "北京")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(codes(e)).containsExactly("filing.ip.invalid.otherProvince"));
    }

    @Test
    void anOperatorFilesOnlyWhatItAllocatesAndEachRoleSeesItsOwnScope() throws Exception {
        String b = block();
        Actor cmcc = SignIn.actor(users, "cmcc");
        assertThatThrownBy(() -> filings.file(cmcc, range(b + ".0.0", b + ".0.255", "单位", null, "中国电信", "44")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(codes(e)).containsExactly("filing.ip.invalid.notYourAllocation"));
        IpRange mobile = filings.file(
                cmcc, new NewIpRange(b + ".0.0", b + ".0.255", "移动客户单位", null, "MOBILE", "", "11", "110100"));
        SignIn.signOut();
        IpRange telecom = filings.file(ministry, range(b + ".1.0", b + ".1.255", "电信客户单位", null, "中国电信", "44"));

        assertThatThrownBy(() ->
                        filings.file(SignIn.actor(users, "auditor"), range(b + ".9.0", "", "单位", null, "中国电信", "44")))
                .isInstanceOf(AccessDeniedException.class);

        String ids = "$[*].id";
        mvc.perform(get("/api/v1/filing/ip-ranges").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath(ids, Matchers.hasItem((int) mobile.id())))
                .andExpect(jsonPath(ids, Matchers.not(Matchers.hasItem((int) telecom.id()))));
        mvc.perform(get("/api/v1/filing/ip-ranges").with(as(users, "gd")))
                .andExpect(jsonPath(ids, Matchers.hasItem((int) telecom.id())))
                .andExpect(jsonPath(ids, Matchers.not(Matchers.hasItem((int) mobile.id()))));
        mvc.perform(get("/api/v1/filing/ip-ranges").with(as(users, "bj")))
                .andExpect(jsonPath(ids, Matchers.hasItem((int) mobile.id())))
                .andExpect(jsonPath(ids, Matchers.not(Matchers.hasItem((int) telecom.id()))));
        mvc.perform(get("/api/v1/filing/ip-ranges/" + telecom.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/filing/ip-ranges/lookup?address=" + b + ".1.9").with(as(users, "cmcc")))
                .andExpect(jsonPath("$", Matchers.hasSize(0)));
        mvc.perform(get("/api/v1/filing/ip-ranges/lookup?address=" + b + ".1.9").with(as(users, "officer")))
                .andExpect(jsonPath("$[0].userUnitName").value("电信客户单位"));
        // Another province's officer cannot withdraw it either.
        mvc.perform(post("/console/filing/ip/" + telecom.id() + "/withdraw")
                        .with(as(users, "bj"))
                        .with(csrf())
                        .param("reason", "试图越权"))
                .andExpect(status().isNotFound());
        assertThat(filings.find(DataScope.all(), telecom.id()).orElseThrow().active())
                .isTrue();
    }

    @Test
    void theApiFilesARangeAndNamesBadFields() throws Exception {
        String b = block();
        mvc.perform(post("/api/v1/filing/ip-ranges")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstAddress\": \"" + b + ".0.0\", \"lastAddress\": \"" + b + ".0.0\","
                                + " \"userUnitName\": \"个人用户\", \"usage\": \"HOME_BROADBAND\", \"province\": \"粤\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.firstAddress").value(b + ".0.0"))
                .andExpect(jsonPath("$.userUnitCreditCode").doesNotExist());
        mvc.perform(post("/api/v1/filing/ip-ranges")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstAddress\": \"2001:db8::g\", \"userUnitName\": \"x\", \"usage\": \"IDC\","
                                + " \"province\": \"44\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("firstAddress"));
    }

    @Test
    void anImportIsAllOrNothingNamesEveryBadLineAndImportsAgainWithoutEffect() throws Exception {
        String b = block();
        String good = HEADER
                + b + ".0.0," + b + ".0.255,导入单位甲,,IDC,中国电信,44,440300\n"
                + "2001:db8:" + BLOCKS.get() + "::,2001:db8:" + BLOCKS.get() + "::ffff,导入单位乙,,ENTERPRISE,CTCC,广东,\n"
                + b + ".1.7,,个人,,HOME_BROADBAND,中国电信,粤,\n";
        String bad = good
                + b + ".0.128," + b + ".0.130,重叠单位,,IDC,中国电信,44,\n"
                + b + ".2.9," + b + ".2.1,反了,,IDC,中国电信,44,\n"
                + "2001:db8::1," + b + ".3.1,混合,,IDC,中国电信,44,\n"
                + "not-an-ip,,坏地址,,IDC,中国电信,44,\n";
        long before = count();
        mvc.perform(post("/api/v1/filing/ip-ranges/import")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content(bad.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[*].line", Matchers.contains(5, 6, 7, 8)))
                .andExpect(jsonPath("$.errors[0].field").value("first_address"))
                .andExpect(jsonPath("$.errors[1].field").value("last_address"));
        assertThat(count()).isEqualTo(before);

        byte[] gbk = good.getBytes(Charset.forName("GBK"));
        mvc.perform(post("/api/v1/filing/ip-ranges/import")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content(gbk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filed").value(3))
                .andExpect(jsonPath("$.charset").value("GB18030"));
        assertThat(count()).isEqualTo(before + 3);
        assertThat(filings.covering(DataScope.all(), b + ".1.7"))
                .extracting(IpRange::userUnitName)
                .containsExactly("个人");

        mvc.perform(post("/api/v1/filing/ip-ranges/import")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content(gbk))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filed").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
        assertThat(count()).isEqualTo(before + 3);
    }

    @Test
    void emptyHeaderlessAndHugeFilesAreRefusedAsAWhole() {
        Actor officer = Actor.system();
        assertThat(filings.importCsv(officer, new byte[0]).errors())
                .extracting(e -> e.code())
                .containsExactly("invalid.file.empty");
        assertThat(filings.importCsv(officer, "a,b,c\n1,2,3\n".getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(e -> e.code())
                .contains("filing.ip.csv.missingColumn");
        assertThat(filings.importCsv(officer, HEADER.getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(e -> e.code())
                .containsExactly("filing.ip.csv.noRows");
        byte[] huge = new byte[FilingCsv.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertThat(filings.importCsv(officer, huge).errors())
                .extracting(e -> e.code())
                .containsExactly("filing.ip.csv.tooLarge");
        assertThat(filings.importCsv(officer, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, 0})
                        .imported())
                .isFalse();
    }

    @Test
    void theConsoleListsLooksUpAndFilesRanges() throws Exception {
        String b = block();
        mvc.perform(post("/console/filing/ip")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("firstAddress", b + ".0.0")
                        .param("lastAddress", b + ".0.63")
                        .param("userUnitName", "控制台单位")
                        .param("usage", "GOVERNMENT")
                        .param("allocatingIsp", "中国移动")
                        .param("province", "44"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/filing/ip").param("address", b + ".0.9").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("控制台单位")))
                .andExpect(content().string(Matchers.containsString("id=\"lookup-result\"")));
        mvc.perform(post("/console/filing/ip")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("firstAddress", b + ".0.10")
                        .param("userUnitName", "重叠")
                        .param("usage", "IDC")
                        .param("allocatingIsp", "中国移动")
                        .param("province", "44"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("控制台单位")))
                .andExpect(content().string(Matchers.containsString("id=\"problems\"")));
        mvc.perform(get("/console/filing/ip").with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"range-form\""))));
        mvc.perform(get("/console/filing/ip/import").with(as(users, "auditor"))).andExpect(status().isForbidden());
        String upload = HEADER + b + ".1.0," + b + ".1.255,上传单位,,IDC,,44,\n" + b + ".1.9,,重叠,,IDC,,44,\n";
        mvc.perform(multipart("/console/filing/ip/import")
                        .file(new MockMultipartFile(
                                "file", "ranges.csv", "text/csv", upload.getBytes(StandardCharsets.UTF_8)))
                        .with(as(users, "isp"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"import-errors\"")))
                .andExpect(content().string(Matchers.containsString(b + ".1.0–" + b + ".1.255")));
        assertThat(filings.covering(DataScope.all(), b + ".1.9")).isEmpty();
    }

    private long count() {
        return jdbc.sql("select count(*) from filing_ip_range")
                .query(Long.class)
                .single();
    }
}
