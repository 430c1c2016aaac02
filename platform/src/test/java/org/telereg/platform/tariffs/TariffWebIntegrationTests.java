package org.telereg.platform.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.tariffs.TariffFixtures.Operator;

/** The console pages and the REST API of the plan catalogue and the targets, as operators and regulators use them. */
@PlatformIntegrationTest
class TariffWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessManagement access;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    PlanCatalogue catalogue;

    @Test
    void anOperatorFilesAPlanInTheConsoleAndSeesRefusalsBesideTheFields() throws Exception {
        Operator operator = TariffFixtures.operator(access, companies, "44");

        mvc.perform(post("/console/tariffs/plans")
                        .param("planCode", "GD-KD-1")
                        .param("name", "广东宽带")
                        .param("kind", "FIXED_BROADBAND")
                        .param("monthlyFee", "-3")
                        .param("validFrom", "2024-01-01")
                        .with(csrf())
                        .with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("须大于 0")))
                .andExpect(content().string(containsString("固定宽带及融合套餐须填写下行速率")))
                .andExpect(content().string(containsString("value=\"GD-KD-1\"")));
        assertThat(catalogue.plans(operator.actor().scope(), PlanCatalogue.Filter.none(), 10))
                .isEmpty();

        mvc.perform(post("/console/tariffs/plans")
                        .param("planCode", "GD-KD-1")
                        .param("name", "<script>alert(1)</script>宽带")
                        .param("kind", "FIXED_BROADBAND")
                        .param("province", "44")
                        .param("monthlyFee", "88")
                        .param("downlinkMbps", "500")
                        .param("validFrom", "2024-01-01")
                        .with(csrf())
                        .with(as(users, operator.username())))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/tariffs/plans/*"));
        long id = catalogue
                .plans(operator.actor().scope(), PlanCatalogue.Filter.none(), 10)
                .get(0)
                .planId();
        mvc.perform(get("/console/tariffs/plans/{id}", id).with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;宽带")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(containsString("id=\"version-1\"")));
        // Beijing's administration does not see a Guangdong plan; Guangdong's does.
        mvc.perform(get("/console/tariffs/plans/{id}", id).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/tariffs/plans/{id}", id).with(as(users, "gd")))
                .andExpect(status().isOk());
        mvc.perform(get("/console/tariffs/plans/new").with(as(users, "gd"))).andExpect(status().isForbidden());
    }

    @Test
    void aGbkFileUploadedInTheConsoleIsFiledAndABadOneThroughTheApiAnswers422WithLines() throws Exception {
        Operator operator = TariffFixtures.operator(access, companies, "44");
        String text = "套餐编码,套餐名称,套餐类型,月费,国内流量,上线日期\nSJ-1,畅享 20GB,移动,39,20,2024-01-01\n";

        mvc.perform(multipart("/console/tariffs/plans/upload")
                        .file(new MockMultipartFile(
                                "file", "plans.csv", "text/csv", text.getBytes(Charset.forName("GBK"))))
                        .with(csrf())
                        .with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入：新增 1，变更 0，未变 0。")));

        mvc.perform(post("/api/v1/tariffs/plans")
                        .contentType("text/csv")
                        .content("plan_code,name,kind,monthly_fee,data_gb,valid_from\nSJ-2,x,MOBILE,9,,2024-01-01\n"
                                .getBytes(StandardCharsets.UTF_8))
                        .with(csrf())
                        .with(as(users, operator.username())))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("dataGb"))
                .andExpect(jsonPath("$.errors[0].code").value("tariffs.invalid.dataRequired"));

        mvc.perform(post("/api/v1/tariffs/plans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"planCode": "SJ-1", "name": "畅享 20GB", "kind": "MOBILE", "monthlyFee": "35",
                                 "dataGb": "20", "validFrom": "2024-01-01", "effectiveFrom": "2024-06-01"}""")
                        .with(csrf())
                        .with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("CHANGED"))
                .andExpect(jsonPath("$.plan.version").value(2))
                .andExpect(jsonPath("$.plan.monthlyFee").value(35));
        mvc.perform(get("/api/v1/tariffs/plans")
                        .param("onDate", "2024-03-01")
                        .param("operator", operator.creditCode())
                        .with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].monthlyFee").value(39));
    }

    @Test
    void administrationsReadTheirProvinceAndAccessProvidersNothing() throws Exception {
        mvc.perform(get("/api/v1/tariffs/plans").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].provinceCode", everyItem(oneOf(null, "44"))));
        mvc.perform(get("/api/v1/tariffs/plans").param("province", "11").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].provinceCode", everyItem(nullValue())));
        mvc.perform(get("/api/v1/tariffs/plans").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/tariffs/plans").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/tariffs/plans").param("onDate", "yesterday").with(as(users, "gd")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("onDate"));
    }

    @Test
    void theMinistrySetsTargetsAndNobodyElse() throws Exception {
        mvc.perform(post("/console/tariffs/targets")
                        .param("year", "2031")
                        .param("fixedMax", "0.08")
                        .param("mobileMax", "1.5")
                        .param("reductionPercent", "6")
                        .with(csrf())
                        .with(as(users, "officer")))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/tariffs/targets").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"target-2031\"")))
                .andExpect(content().string(not(containsString("id=\"target-form\""))));
        mvc.perform(post("/console/tariffs/targets")
                        .param("year", "2031")
                        .param("fixedMax", "0.01")
                        .with(csrf())
                        .with(as(users, "gd")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/tariffs/targets/{year}", "20x1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"fixedMax\": \"0.12345\", \"reductionPercent\": \"100\"}")
                        .with(csrf())
                        .with(as(users, "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[1].field").value("fixedMax"))
                .andExpect(jsonPath("$.errors[2].field").value("reductionPercent"));
        mvc.perform(get("/api/v1/tariffs/targets").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].year").value(2031))
                .andExpect(jsonPath("$[0].fixedMax").value(0.08));
    }
}
