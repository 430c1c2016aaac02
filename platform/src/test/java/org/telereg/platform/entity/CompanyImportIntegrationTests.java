package org.telereg.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.LineError;

@PlatformIntegrationTest
class CompanyImportIntegrationTests {

    private static final String HEADER =
            "credit_code,name,type,legal_representative,registered_capital,province,address,group_credit_code\n";

    @Autowired
    CompanyImport imports;

    @Autowired
    CompanyRegistry registry;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private static int serial = 1000;

    /** A fresh valid credit code registered in the given province. */
    private static synchronized String newCode(String province) {
        String first17 = "91" + province + "0300" + "MA" + String.format("%07d", serial++);
        return first17 + CreditCodes.checkCharacter(first17);
    }

    private Actor actor(String username) {
        return SignIn.actor(users, username);
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private long total() {
        return registry.search(DataScope.all(), CompanySearch.everything(), PageRequest.of(0, 1))
                .getTotalElements();
    }

    @Test
    void importsAValidFileWithAGroupAndItsMember() {
        String head = newCode("44");
        String member = newCode("44");
        String csv = HEADER
                + head + ",粤海通信集团有限公司,股份有限公司,王伟,5000万,粤,广州市天河区,\n"
                + member + ",\"粤海通信（深圳）有限公司\",LIMITED_LIABILITY,李娜,10000000,44,深圳市南山区," + head + "\n";

        ImportResult result =
                imports.importCsv(actor("admin"), UUID.randomUUID().toString(), "ok.csv", bytes(csv));

        assertThat(result.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(result.created()).isEqualTo(2);
        assertThat(registry.find(DataScope.all(), member))
                .hasValueSatisfying(c -> assertThat(c.groupCreditCode()).isEqualTo(head));
        assertThat(registry.find(DataScope.all(), head))
                .hasValueSatisfying(c -> assertThat(c.registeredCapital()).isEqualByComparingTo("50000000"));
    }

    @Test
    void rejectsTheWholeFileAndNamesEveryBadLine() {
        long before = total();
        String good = newCode("11");
        String duplicate = newCode("11");
        String badCheck = newCode("11");
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '0' ? '1' : '0');
        String csv = HEADER
                + good + ",京好企业有限公司,LIMITED_LIABILITY,张三,1000000,11,北京市,\n"
                + badCheck + ",校验位错误有限公司,LIMITED_LIABILITY,李四,1000000,11,北京市,\n"
                + duplicate + ",,LIMITED_LIABILITY,王五,-5,11,北京市,\n"
                + duplicate + ",重复有限公司,LIMITED_LIABILITY,赵六,1000000,火星,北京市,\n"
                + newCode("11") + ",列数不对有限公司,LIMITED_LIABILITY\n";

        ImportResult result =
                imports.importCsv(actor("admin"), UUID.randomUUID().toString(), "bad.csv", bytes(csv));

        assertThat(result.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(result.errors())
                .extracting(LineError::line, LineError::field, LineError::code)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                3L, "credit_code", "invalid.creditCode.BAD_CHECK_CHARACTER"),
                        org.assertj.core.groups.Tuple.tuple(4L, "name", "invalid.required"),
                        org.assertj.core.groups.Tuple.tuple(4L, "registered_capital", "invalid.money"),
                        org.assertj.core.groups.Tuple.tuple(5L, "province", "invalid.province"),
                        org.assertj.core.groups.Tuple.tuple(6L, null, "entity.import.fieldCount"));
        assertThat(total()).isEqualTo(before);
        assertThat(registry.find(DataScope.all(), good)).isEmpty();
    }

    @Test
    void reportsADuplicateCreditCodeAgainstItsFirstLine() {
        String code = newCode("11");
        String csv = HEADER
                + code + ",甲有限公司,LIMITED_LIABILITY,张三,1000000,11,,\n"
                + code + ",乙有限公司,LIMITED_LIABILITY,李四,1000000,11,,\n";

        ImportResult result =
                imports.importCsv(actor("admin"), UUID.randomUUID().toString(), "dup.csv", bytes(csv));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.code()).isEqualTo("entity.import.duplicate");
            assertThat(e.arguments()).containsExactly(2L);
        });
    }

    @Test
    void readsGbkFilesWithChineseHeaders() {
        String code = newCode("44");
        String csv = "统一社会信用代码,企业名称,企业类型,法定代表人,注册资本,省份,住所,备注\n" + code + ",岭南宽带网络有限公司,有限责任公司,陈静,300万,广东省,佛山市,旧系统导出\n";

        ImportResult result = imports.importCsv(
                actor("gd"), UUID.randomUUID().toString(), "gbk.csv", csv.getBytes(Charset.forName("GBK")));

        assertThat(result.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(result.encoding()).isEqualTo("GB18030");
        assertThat(result.ignoredColumns()).containsExactly("备注");
        assertThat(registry.find(DataScope.province("44"), code))
                .hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("岭南宽带网络有限公司"));
    }

    @Test
    void sameBatchOrSameContentAgainChangesNothing() {
        String batch = UUID.randomUUID().toString();
        String csv = HEADER + newCode("31") + ",沪上数据有限公司,LIMITED_LIABILITY,周杰,2000000,沪,上海市,\n";
        assertThat(imports.importCsv(actor("admin"), batch, "a.csv", bytes(csv)).status())
                .isEqualTo(ImportResult.Status.IMPORTED);

        assertThat(imports.importCsv(actor("admin"), batch, "a.csv", bytes(csv)).status())
                .isEqualTo(ImportResult.Status.ALREADY_IMPORTED);
        assertThat(imports.importCsv(actor("admin"), UUID.randomUUID().toString(), "copy.csv", bytes(csv))
                        .status())
                .isEqualTo(ImportResult.Status.ALREADY_IMPORTED);
        ImportResult reused = imports.importCsv(
                actor("admin"), batch, "other.csv", bytes(HEADER + newCode("31") + ",别的有限公司,OTHER,吴,1,31,,\n"));
        assertThat(reused.status()).isEqualTo(ImportResult.Status.REJECTED);
        assertThat(reused.errors()).extracting(LineError::code).containsExactly("entity.import.batchReused");
    }

    @Test
    void refusesFilesThatAreNotACompanyCsv() {
        Actor admin = actor("admin");
        assertThat(imports.importCsv(admin, UUID.randomUUID().toString(), "empty.csv", new byte[0])
                        .errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.empty");
        assertThat(imports.importCsv(admin, UUID.randomUUID().toString(), "header.csv", bytes(HEADER))
                        .errors())
                .extracting(LineError::code)
                .containsExactly("entity.import.noRows");
        assertThat(imports.importCsv(admin, UUID.randomUUID().toString(), "cols.csv", bytes("name,province\nx,11\n"))
                        .errors())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.defaultMessage())
                            .contains("credit_code", "type", "legal_representative", "registered_capital");
                });
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xfe};
        assertThat(imports.importCsv(admin, UUID.randomUUID().toString(), "image.csv", png)
                        .errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.encoding");
    }

    @Test
    void provincialOfficerCannotImportAnotherProvincesCompanies() {
        String csv = HEADER + newCode("11") + ",京外企业有限公司,LIMITED_LIABILITY,孙,1000000,11,,\n";

        ImportResult result = imports.importCsv(actor("gd"), UUID.randomUUID().toString(), "scope.csv", bytes(csv));

        assertThat(result.errors()).extracting(LineError::code).containsExactly("entity.import.outOfScope");
    }

    @Test
    void apiAnswersARejectedImportWithLineNumberedProblemJson() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "bad.csv", "text/csv", bytes(HEADER + "123,名称,LIMITED_LIABILITY,张,1,11,,\n"));

        mvc.perform(multipart("/api/v1/entities/imports")
                        .file(file)
                        .param("batchId", UUID.randomUUID().toString())
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("credit_code"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("18")));
    }

    @Test
    void consoleImportPageShowsTheRejectedLines() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "bad.csv", "text/csv", bytes(HEADER + newCode("44") + ",名称,LIMITED_LIABILITY,张,abc,44,,\n"));

        mvc.perform(multipart("/console/entities/import")
                        .file(file)
                        .param("batchId", UUID.randomUUID().toString())
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("import-errors")))
                .andExpect(content().string(Matchers.containsString("金额格式不对")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
