package org.telereg.platform.broadband;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;

@PlatformIntegrationTest
class CoverageDeclarationsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessManagement access;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    CompanyAliases aliases;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    OperatorReports reports;

    @Autowired
    MeasurementImport imports;

    private ChallengeFixtures.Operator operator;

    @BeforeEach
    void operator() {
        operator = new ChallengeFixtures(access, companies, aliases, schedules, reports, imports).operator("44");
    }

    private ResultActions declare(String batchId, byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/broadband/coverage?batchId=" + batchId)
                .with(as(users, operator.username()))
                .with(csrf())
                .contentType("text/csv")
                .content(body));
    }

    private long declared() {
        return jdbc.sql("select count(*) from broadband_coverage where operator_credit_code = :code")
                .param("code", operator.creditCode())
                .query(Long.class)
                .single();
    }

    @Test
    void aGbkFileIsDeclaredOnceAndAgainChangesNothing() throws Exception {
        byte[] gbk = "county,technology\n440305,光纤;5G\n440106,4G|5G\n".getBytes(Charset.forName("GBK"));
        declare("b1", gbk)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLARED"))
                .andExpect(jsonPath("$.charset").value("GB18030"))
                .andExpect(jsonPath("$.lines").value(4))
                .andExpect(jsonPath("$.added").value(4));
        declare("b1", gbk).andExpect(jsonPath("$.status").value("ALREADY_DECLARED"));
        declare("b2", gbk)
                .andExpect(jsonPath("$.status").value("DECLARED"))
                .andExpect(jsonPath("$.added").value(0))
                .andExpect(jsonPath("$.unchanged").value(4));
        declare("b1", "county,technology\n440305,4G\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("batchId"));
        assertThat(declared()).isEqualTo(4);
        mvc.perform(get("/api/v1/broadband/coverage").with(as(users, operator.username())))
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].countyName").value("天河区"));
    }

    @Test
    void aFileWithAnyBadLineDeclaresNothingAndNamesEachLine() throws Exception {
        String huge = "9".repeat(100_000);
        byte[] body = ("county,technology\n"
                        + "440305,5G\n"
                        + "440300,FTTH\n"
                        + "999999,5G\n"
                        + "440106,WiMAX\n"
                        + "440305,5G\n"
                        + "=cmd|' /C calc'!A0,5G\n"
                        + "440103\n"
                        + huge + ",5G\n")
                .getBytes(StandardCharsets.UTF_8);
        declare("bad", body)
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[*].line").value(Matchers.contains(3, 4, 5, 6, 7, 8, 9)))
                .andExpect(jsonPath("$.errors[0].field").value("county"))
                .andExpect(jsonPath("$.errors[0].code").value("broadband.coverage.notCounty"))
                .andExpect(jsonPath("$.errors[2].field").value("technology"))
                .andExpect(jsonPath("$.errors[3].code").value("broadband.coverage.duplicate"))
                .andExpect(jsonPath("$.errors[3].message", Matchers.containsString("2")))
                .andExpect(jsonPath("$.errors[5].code").value("broadband.coverage.cells"))
                .andExpect(jsonPath("$.errors[6].message", Matchers.hasLength(Matchers.lessThan(200))));
        assertThat(declared()).isZero();
    }

    @Test
    void emptyHeaderlessAndForeignInputIsRefused() throws Exception {
        declare("empty", new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        declare("noheader", "440305,5G\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].code").value("broadband.coverage.header"));
        declare("nolines", "county,technology\n\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("broadband.coverage.noLines"));
        declare("", "county,technology\n440305,5G\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("batchId"));
        mvc.perform(post("/api/v1/broadband/coverage?batchId=x")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("county,technology\n440305,5G\n"))
                .andExpect(status().isForbidden());
        assertThat(declared()).isZero();
    }

    @Test
    void theConsoleUploadShowsTheLinesRefused() throws Exception {
        mvc.perform(multipart("/console/broadband/coverage")
                        .file(new MockMultipartFile(
                                "file",
                                "c.csv",
                                "text/csv",
                                "county,technology\n440305,6G\n".getBytes(StandardCharsets.UTF_8)))
                        .param("batchId", "console-1")
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("import-errors")))
                .andExpect(content().string(Matchers.containsString("“6G”不是 FTTH、4G 或 5G")));
        mvc.perform(multipart("/console/broadband/coverage")
                        .file(new MockMultipartFile(
                                "file",
                                "c.csv",
                                "text/csv",
                                "county,technology\n440305,5G\n".getBytes(StandardCharsets.UTF_8)))
                        .param("batchId", "console-2")
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"declared\"")))
                .andExpect(content().string(Matchers.containsString("南山区")));
        assertThat(declared()).isEqualTo(1);
    }
}
