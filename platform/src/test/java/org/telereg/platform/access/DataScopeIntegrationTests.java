package org.telereg.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;
import org.telereg.platform.entity.CompanyView;

@PlatformIntegrationTest
class DataScopeIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    AccessManagement access;

    private CompanyView firstCompanyOf(String province) {
        return companies
                .search(DataScope.province(province), CompanySearch.everything(), PageRequest.of(0, 1))
                .getContent()
                .get(0);
    }

    @Test
    void guangdongOfficerCannotOpenBeijingCompanyInTheConsole() throws Exception {
        CompanyView beijing = firstCompanyOf("11");

        mvc.perform(get("/console/entities/{code}", beijing.creditCode()).with(as(users, "gd")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/entities/{code}", beijing.creditCode()).with(as(users, "bj")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(beijing.name())));
    }

    @Test
    void guangdongOfficerCannotReadBeijingCompanyThroughTheApi() throws Exception {
        CompanyView beijing = firstCompanyOf("11");

        mvc.perform(get("/api/v1/entities/{code}", beijing.creditCode()).with(as(users, "gd")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/entities/{code}", beijing.creditCode()).with(as(users, "bj")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(beijing.name()));
    }

    @Test
    void guangdongOfficerListsOnlyGuangdongCompanies() throws Exception {
        long guangdong = companies
                .search(DataScope.province("44"), CompanySearch.everything(), PageRequest.of(0, 1))
                .getTotalElements();

        mvc.perform(get("/api/v1/entities").param("size", "500").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(guangdong))
                .andExpect(jsonPath("$.content[?(@.provinceCode != '44')]").isEmpty());
        mvc.perform(get("/console/entities").param("province", "11").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                                firstCompanyOf("11").creditCode()))));
    }

    @Test
    void operatorSeesOnlyItsOwnEnterprise() throws Exception {
        String ownCode = access.organisation("OP-CMCC").orElseThrow().creditCode();
        String otherCode = access.organisation("OP-CUCC").orElseThrow().creditCode();

        mvc.perform(get("/api/v1/entities").with(as(users, "cmcc")))
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].creditCode").value(ownCode));
        mvc.perform(get("/api/v1/entities/{code}", otherCode).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/entities/{code}", otherCode).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
    }

    @Test
    void ministrySeesEveryProvince() throws Exception {
        long all = companies
                .search(DataScope.all(), CompanySearch.everything(), PageRequest.of(0, 1))
                .getTotalElements();

        mvc.perform(get("/api/v1/entities").with(as(users, "officer")))
                .andExpect(jsonPath("$.totalElements").value(all));
        assertThat(all).isGreaterThan(60);
    }

    @Test
    void dashboardMapCountsOnlyTheOfficersProvince() throws Exception {
        mvc.perform(get("/console/insight/map-data").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(31))
                .andExpect(jsonPath("$[?(@.code == '11')].value").value(0))
                .andExpect(jsonPath("$[?(@.code == '44')].value")
                        .value(org.hamcrest.Matchers.contains(org.hamcrest.Matchers.greaterThan(0))));
    }
}
