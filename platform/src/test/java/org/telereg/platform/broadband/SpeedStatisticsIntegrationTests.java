package org.telereg.platform.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.broadband.BroadbandFiles.batchId;
import static org.telereg.platform.broadband.BroadbandFiles.bytes;
import static org.telereg.platform.broadband.BroadbandFiles.csv;
import static org.telereg.platform.broadband.BroadbandFiles.uniqueOperator;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class SpeedStatisticsIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private String operator;

    /**
     * Eight tests worked by hand. Guangdong, March 2015: 10, 30 (21:00), 40 (22:30), 100 and 20 (5G, 23:00,
     * just after the busy hours) Mbit/s, all on 50 Mbit/s plans — sorted 10 20 30 40 100: mean 40, median
     * 30, p10 = 10 + 0.4 × 10 = 14, p90 = 40 + 0.6 × 60 = 76, busy-hour mean (30 + 40) / 2 = 35, under plan
     * 4 of 5. Beijing, March: 100 (20:00) and 200 without a plan — mean 150, p10 110, p90 190, busy-hour 100.
     * Guangdong, April: 500 on 300, outside March.
     */
    @BeforeEach
    void importHandWorkedTests() throws Exception {
        operator = uniqueOperator();
        mvc.perform(post("/api/v1/broadband/measurements?format=csv&batchId=" + batchId())
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(csv(
                                "2015-03-02 09:00,440100," + operator + ",FTTH,10,5,10,0,50",
                                "2015-03-05 21:00,440100," + operator + ",FTTH,30,5,10,0,50",
                                "2015-03-09 22:30,440300," + operator + ",FTTH,40,5,10,0,50",
                                "2015-03-12 14:00,440300," + operator + ",FTTH,100,5,10,0,50",
                                "2015-03-20 23:00,440000," + operator + ",5G,20,5,10,0,50",
                                "2015-03-15 20:00,110000," + operator + ",FTTH,100,5,10,0,",
                                "2015-03-16 08:00,110000," + operator + ",FTTH,200,5,10,0,",
                                "2015-04-01 10:00,440000," + operator + ",FTTH,500,5,10,0,300")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(8));
    }

    private ResultActions speeds(String user, String query) throws Exception {
        return mvc.perform(get("/api/v1/broadband/speeds?operator=" + operator + "&" + query)
                .with(as(users, user)));
    }

    @Test
    void answersTheHandWorkedFiguresPerProvinceAndMonth() throws Exception {
        speeds("officer", "by=province,operator&period=month&from=2015-03-01&to=2015-03-31")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.groups[0].province").value("11"))
                .andExpect(jsonPath("$.groups[0].provinceName").value("北京市"))
                .andExpect(jsonPath("$.groups[0].operator").value(operator))
                .andExpect(jsonPath("$.groups[0].period").value("2015-03"))
                .andExpect(jsonPath("$.groups[0].count").value(2))
                .andExpect(jsonPath("$.groups[0].meanMbps").value(150.0))
                .andExpect(jsonPath("$.groups[0].medianMbps").value(150.0))
                .andExpect(jsonPath("$.groups[0].p10Mbps").value(110.0))
                .andExpect(jsonPath("$.groups[0].p90Mbps").value(190.0))
                .andExpect(jsonPath("$.groups[0].busyHourCount").value(1))
                .andExpect(jsonPath("$.groups[0].busyHourMeanMbps").value(100.0))
                .andExpect(jsonPath("$.groups[0].planKnownCount").value(0))
                .andExpect(jsonPath("$.groups[0].underPlanShare").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.groups[1].province").value("44"))
                .andExpect(jsonPath("$.groups[1].count").value(5))
                .andExpect(jsonPath("$.groups[1].meanMbps").value(40.0))
                .andExpect(jsonPath("$.groups[1].medianMbps").value(30.0))
                .andExpect(jsonPath("$.groups[1].p10Mbps").value(Matchers.closeTo(14.0, 1e-9)))
                .andExpect(jsonPath("$.groups[1].p90Mbps").value(Matchers.closeTo(76.0, 1e-9)))
                .andExpect(jsonPath("$.groups[1].busyHourCount").value(2))
                .andExpect(jsonPath("$.groups[1].busyHourMeanMbps").value(35.0))
                .andExpect(jsonPath("$.groups[1].planKnownCount").value(5))
                .andExpect(jsonPath("$.groups[1].underPlanShare").value(0.8))
                .andExpect(jsonPath("$.groups[1].technology").value(Matchers.nullValue()));
    }

    @Test
    void filtersByTechnologyAndGroupsByTechnologyAndYear() throws Exception {
        speeds("officer", "by=province&technology=FTTH&to=2015-03-31")
                .andExpect(jsonPath("$.groups[1].count").value(4))
                .andExpect(jsonPath("$.groups[1].meanMbps").value(45.0));
        speeds("officer", "by=technology&period=year")
                .andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.groups[0].technology").value("FIBRE"))
                .andExpect(jsonPath("$.groups[0].period").value("2015"))
                .andExpect(jsonPath("$.groups[0].count").value(7))
                .andExpect(jsonPath("$.groups[1].technology").value("MOBILE_5G"))
                .andExpect(jsonPath("$.groups[1].count").value(1));
    }

    @Test
    void namesEveryBadParameter() throws Exception {
        speeds("officer", "by=province,weather&period=week&from=2015-02-30&to=soon&technology=warp&province=火星")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.containsInAnyOrder("by", "period", "from", "to", "technology", "province")))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("weather")));
        speeds("officer", "from=2015-03-02&to=2015-03-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    @Test
    void anAdministrationSeesItsOwnProvinceAndAnOperatorNoneOfTheseTests() throws Exception {
        speeds("gd", "by=province")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].province").value("44"))
                .andExpect(jsonPath("$.groups[0].count").value(6));
        speeds("gd", "by=province&province=11")
                .andExpect(jsonPath("$.groups.length()").value(0));
        speeds("bj", "by=province")
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].province").value("11"));
        speeds("cmcc", "by=province").andExpect(jsonPath("$.groups.length()").value(0));
        // An operator sees only the tests tied to its own enterprise (OperatorMeasurementsIntegrationTests).
        mvc.perform(get("/console/broadband?by=operator").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(operator))));
        mvc.perform(get("/console/broadband/map-data?operator=" + operator).with(as(users, "gd")))
                .andExpect(jsonPath("$[?(@.code == '11')].value").value(Matchers.contains(Matchers.nullValue())));
    }

    @Test
    void theConsolePageTabulatesTheGroupsAndTheMapColoursProvincesByMeanDownload() throws Exception {
        String page = mvc.perform(
                        get("/console/broadband?by=province&from=2015-03-01&to=2015-03-31&operator=" + operator)
                                .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"speed-table\"")
                .contains("广东省")
                .contains("北京市")
                .contains("40.0")
                .contains("80.0%")
                .contains("data-chart-json=")
                .contains("data-china-map");

        mvc.perform(get("/console/broadband/map-data?from=2015-03-01&to=2015-03-31&operator=" + operator)
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(31))
                .andExpect(jsonPath("$[?(@.code == '44')].value").value(Matchers.contains(40.0)))
                .andExpect(jsonPath("$[?(@.code == '44')].name").value(Matchers.contains("广东")))
                .andExpect(jsonPath("$[?(@.code == '11')].value").value(Matchers.contains(150.0)));

        String refused = mvc.perform(get("/console/broadband?period=week").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("is-invalid").doesNotContain("id=\"speed-table\"");
    }

    @Test
    void theRealHomeSpeedTestsAggregateToTheFiguresComputedIndependently() throws Exception {
        mvc.perform(post("/api/v1/broadband/measurements?format=csv&division=310000&technology=CABLE&batchId="
                                + batchId())
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(bytes(BroadbandFiles.HOME_SPEED_TESTS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records").value(23_654))
                .andExpect(jsonPath("$.excluded").value(4))
                .andExpect(jsonPath("$.exclusions[0].line").value(5163))
                .andExpect(jsonPath("$.ignoredColumns").value(Matchers.contains("datetimestop", "server", "distance")));

        // Figures from engine/src/test/resources/org/telereg/engine/broadband/expected-figures.py (Python, stdlib).
        mvc.perform(get("/api/v1/broadband/speeds?from=2017-01-01&to=2019-12-31&technology=CABLE")
                        .with(as(users, "officer")))
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].count").value(23_650))
                .andExpect(jsonPath("$.groups[0].meanMbps").value(Matchers.closeTo(45.636647, 1e-6)))
                .andExpect(jsonPath("$.groups[0].medianMbps").value(Matchers.closeTo(48.06, 1e-5)))
                .andExpect(jsonPath("$.groups[0].p10Mbps").value(Matchers.closeTo(33.47, 1e-5)))
                .andExpect(jsonPath("$.groups[0].p90Mbps").value(Matchers.closeTo(55.571, 1e-5)))
                .andExpect(jsonPath("$.groups[0].busyHourCount").value(2932))
                .andExpect(jsonPath("$.groups[0].busyHourMeanMbps").value(Matchers.closeTo(44.622507, 1e-6)));
        mvc.perform(get("/api/v1/broadband/speeds?period=month&from=2018-06-01&to=2018-06-30&technology=CABLE")
                        .with(as(users, "officer")))
                .andExpect(jsonPath("$.groups[0].count").value(1334))
                .andExpect(jsonPath("$.groups[0].meanMbps").value(Matchers.closeTo(53.18991, 1e-5)));
    }
}
