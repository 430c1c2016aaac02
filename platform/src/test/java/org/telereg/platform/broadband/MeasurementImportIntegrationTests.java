package org.telereg.platform.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.broadband.BroadbandFiles.batchId;
import static org.telereg.platform.broadband.BroadbandFiles.bytes;
import static org.telereg.platform.broadband.BroadbandFiles.csv;
import static org.telereg.platform.broadband.BroadbandFiles.path;
import static org.telereg.platform.broadband.BroadbandFiles.uniqueOperator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.telereg.engine.broadband.ImportSettings;
import org.telereg.engine.broadband.Measurement;
import org.telereg.engine.broadband.MeasurementFiles;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class MeasurementImportIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    private ResultActions upload(String user, String query, MediaType type, byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/broadband/measurements?" + query)
                .with(as(users, user))
                .with(csrf())
                .contentType(type)
                .content(body));
    }

    private long measurements() {
        return jdbc.sql("select count(*) from broadband_measurement")
                .query(Long.class)
                .single();
    }

    private long batches() {
        return jdbc.sql("select count(*) from broadband_batch")
                .query(Long.class)
                .single();
    }

    private List<Map<String, Object>> rowsOf(String operator) {
        return jdbc.sql("select * from broadband_measurement where operator_name = :operator order by tested_at")
                .param("operator", operator)
                .query()
                .listOfRows();
    }

    private static Object column(Map<String, Object> row, String name) {
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    @Test
    void storesAnNdt7ResultWithThePlaceAndOperatorTheUploaderGives() throws Exception {
        String operator = uniqueOperator();
        List<Measurement> expected = new ArrayList<>();
        MeasurementFiles.readNdt(path(BroadbandFiles.NDT7_DOWNLOAD), ImportSettings.defaults(), expected::add);

        upload(
                        "officer",
                        "format=ndt&batchId=" + batchId() + "&division=440300&technology=FTTH&operator=" + operator,
                        MediaType.APPLICATION_JSON,
                        bytes(BroadbandFiles.NDT7_DOWNLOAD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.records").value(1))
                .andExpect(jsonPath("$.accepted").value(1));

        Map<String, Object> row = rowsOf(operator).get(0);
        assertThat(column(row, "province_code")).isEqualTo("44");
        assertThat(column(row, "city_code")).isEqualTo("4403");
        assertThat(column(row, "technology")).isEqualTo("FIBRE");
        assertThat(((Number) column(row, "download_mbps")).doubleValue())
                .isEqualTo(expected.get(0).downloadMbps());
        assertThat(((Number) column(row, "download_mbps")).doubleValue()).isCloseTo(38.714033638, within(1e-8));
        assertThat(column(row, "upload_mbps")).isNull();
    }

    @Test
    void refusesTheCorruptNdtFileNamingLineAndColumnAndStoresNothing() throws Exception {
        long measurementsBefore = measurements();
        long batchesBefore = batches();

        upload(
                        "officer",
                        "format=ndt&batchId=" + batchId(),
                        MediaType.APPLICATION_JSON,
                        bytes(BroadbandFiles.NDT_CORRUPT))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].code").value("broadband.import.refused"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("line 49, column 1")));

        assertThat(measurements()).isEqualTo(measurementsBefore);
        assertThat(batches()).isEqualTo(batchesBefore);
    }

    @Test
    void listsAnNdt5ResultWithoutATestAsRejected() throws Exception {
        upload(
                        "officer",
                        "format=ndt&batchId=" + batchId(),
                        MediaType.APPLICATION_JSON,
                        bytes(BroadbandFiles.NDT5_CONTROL_ONLY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(0))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.rejectedRows[0].line").value(1))
                .andExpect(jsonPath("$.rejectedRows[0].problem", Matchers.containsString("S2C")));
    }

    @Test
    void reportsRejectedAndImplausibleRowsByLineAndStoresTheRest() throws Exception {
        String operator = uniqueOperator();
        byte[] file = csv(
                "2015-03-01 10:00," + "440000," + operator + ",FTTH,95.5,30,12,0.1%,100",
                "2015-03-01 11:00,440000," + operator + ",FTTH,fast,30,12,0,100",
                "2015-03-01 12:00,440000," + operator + ",ADSL,95.5,1,12,0,",
                "2015-03-01 13:00,440000," + operator + ",FTTH,0,0,12,0,100",
                "2015-03-01 14:00,440000," + operator + ",5G,420.25,80,25,0,");

        upload("officer", "format=csv&batchId=" + batchId(), MediaType.parseMediaType("text/csv"), file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records").value(5))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.excluded").value(2))
                .andExpect(jsonPath("$.rejectedRows[0].line").value(3))
                .andExpect(jsonPath("$.rejectedRows[0].problem", Matchers.containsString("download")))
                .andExpect(jsonPath("$.exclusions[0].line").value(4))
                .andExpect(jsonPath("$.exclusions[0].reason").value("ABOVE_TECHNOLOGY_CEILING"))
                .andExpect(jsonPath("$.exclusions[1].line").value(5))
                .andExpect(jsonPath("$.exclusions[1].reason").value("NON_POSITIVE_THROUGHPUT"))
                .andExpect(
                        jsonPath("$.excludedByReason.ABOVE_TECHNOLOGY_CEILING").value(1));

        assertThat(rowsOf(operator))
                .extracting(row -> ((Number) column(row, "download_mbps")).doubleValue())
                .containsExactly(95.5, 420.25);
        assertThat(column(rowsOf(operator).get(0), "loss")).isEqualTo(0.001);
    }

    @Test
    void theSameFileAgainChangesNothingAndABatchIdReusedForOtherBytesIsAConflict() throws Exception {
        String operator = uniqueOperator();
        String batch = batchId();
        byte[] file = csv("2015-04-01 10:00,110000," + operator + ",FTTH,200,50,8,0,300");
        upload("officer", "format=csv&batchId=" + batch, MediaType.TEXT_PLAIN, file)
                .andExpect(jsonPath("$.status").value("IMPORTED"));
        long stored = measurements();

        upload("officer", "format=csv&batchId=" + batch, MediaType.TEXT_PLAIN, file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ALREADY_IMPORTED"))
                .andExpect(jsonPath("$.accepted").value(1));
        upload("officer", "format=csv&batchId=" + batchId(), MediaType.TEXT_PLAIN, file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ALREADY_IMPORTED"));
        upload(
                        "officer",
                        "format=csv&batchId=" + batch,
                        MediaType.TEXT_PLAIN,
                        csv("2015-04-01 10:00,110000," + operator + ",FTTH,250,50,8,0,300"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("batchId"));

        assertThat(measurements()).isEqualTo(stored);
        assertThat(rowsOf(operator)).hasSize(1);
    }

    @Test
    void namesEachBadParameterOfAnUpload() throws Exception {
        upload("officer", "format=xlsx&division=999999&technology=warp", MediaType.TEXT_PLAIN, new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.containsInAnyOrder("batchId", "format", "division", "technology", "file")));
        upload("officer", "format=ofcom&batchId=" + batchId(), MediaType.TEXT_PLAIN, csv("x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("panelDate"));
    }

    @Test
    void refusesACsvWithoutADownloadColumnAsAWhole() throws Exception {
        long before = measurements();
        upload(
                        "officer",
                        "format=csv&batchId=" + batchId(),
                        MediaType.TEXT_PLAIN,
                        "time,division,upload\n2015-01-01 10:00,110000,20\n".getBytes())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("download")));
        assertThat(measurements()).isEqualTo(before);
    }

    @Test
    void anAdministrationImportsItsOwnProvinceOnly() throws Exception {
        String operator = uniqueOperator();
        long before = measurements();

        upload(
                        "gd",
                        "format=csv&batchId=" + batchId(),
                        MediaType.TEXT_PLAIN,
                        csv(
                                "2015-05-01 10:00,440100," + operator + ",FTTH,200,50,8,0,300",
                                "2015-05-01 10:00,110000," + operator + ",FTTH,200,50,8,0,300"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("broadband.import.outsideProvince"));
        assertThat(measurements()).isEqualTo(before);

        upload(
                        "gd",
                        "format=ndt&batchId=" + batchId() + "&operator=" + operator,
                        MediaType.APPLICATION_JSON,
                        bytes(BroadbandFiles.NDT7_DOWNLOAD))
                .andExpect(status().isOk());
        assertThat(column(rowsOf(operator).get(0), "province_code")).isEqualTo("44");

        upload("gd", "format=ndt&division=110000&batchId=" + batchId(), MediaType.APPLICATION_JSON, new byte[] {'{'})
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("division"));
    }

    @Test
    void operatorsAndAuditorsDoNotImport() throws Exception {
        upload("cmcc", "format=csv&batchId=" + batchId(), MediaType.TEXT_PLAIN, csv("x"))
                .andExpect(status().isForbidden());
        upload("auditor", "format=csv&batchId=" + batchId(), MediaType.TEXT_PLAIN, csv("x"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theConsoleUploadShowsTheReadersReasonForARefusedFile() throws Exception {
        String page = mvc.perform(multipart("/console/broadband/import")
                        .file(new MockMultipartFile(
                                "file", "ndt-corrupt.json", "application/json", bytes(BroadbandFiles.NDT_CORRUPT)))
                        .param("batchId", batchId())
                        .param("format", "ndt")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"import-problems\"")
                .contains("ndt-corrupt.json: not valid JSON at line 49, column 1");
    }

    @Test
    void theConsoleUploadListsExcludedRowsWithTheirReason() throws Exception {
        String operator = uniqueOperator();
        String page = mvc.perform(multipart("/console/broadband/import")
                        .file(new MockMultipartFile(
                                "file",
                                "tests.csv",
                                "text/csv",
                                csv(
                                        "2015-06-01 10:00,440000," + operator + ",FTTH,200,50,8,0,300",
                                        "2015-06-01 11:00,440000," + operator + ",FTTH,200,50,9000,0,300")))
                        .param("batchId", batchId())
                        .param("format", "csv")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("id=\"import-result\"")
                .contains("id=\"exclusions\"")
                .contains("时延不在 0–5000 毫秒之间");
        mvc.perform(get("/console/broadband/import").with(as(users, "cmcc"))).andExpect(status().isForbidden());
    }
}
