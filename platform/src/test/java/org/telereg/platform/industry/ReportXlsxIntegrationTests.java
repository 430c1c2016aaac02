package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.industry.IndustryFixtures.MONTHLY;
import static org.telereg.platform.industry.IndustryFixtures.monthly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.formula.eval.FunctionEval;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.industry.IndustryFixtures.Operator;
import org.telereg.platform.shared.LineError;

/** Operators' .xlsx uploads: read like the CSV, every bad file named by its row, nothing half-written. */
@PlatformIntegrationTest
class ReportXlsxIntegrationTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessManagement access;

    @Autowired
    OperatorReports reports;

    @Autowired
    ReportSchedules schedules;

    private record Fixture(Operator operator, ReportView report) {}

    private Fixture open() {
        Operator operator = IndustryFixtures.operator(access, "33");
        ReportView report = IndustryFixtures.reports(
                        schedules, reports, operator, MONTHLY, "33", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 1))
                .get("2023-01");
        return new Fixture(operator, report);
    }

    /** A workbook whose first sheet is the header and the monthly figures as numbers, then {@code change}. */
    private static byte[] workbook(Consumer<XSSFWorkbook> change) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("月报");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("metric_code");
            header.createCell(1).setCellValue("value");
            int r = 1;
            for (Map.Entry<String, String> value : monthly().entrySet()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(value.getKey());
                row.createCell(1).setCellValue(Double.parseDouble(value.getValue()));
            }
            change.accept(workbook);
            return bytes(workbook);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    /** The cell of column B on Excel row {@code row} (row 2 is BROADBAND_USERS, 3 USERS_100M, 4 USERS_1000M …). */
    private static Cell value(XSSFWorkbook workbook, int row) {
        return workbook.getSheetAt(0).getRow(row - 1).getCell(1);
    }

    private UploadResult upload(Fixture fixture, byte[] content) {
        return reports.upload(
                fixture.operator().actor(), fixture.report().id(), content, OperatorReports.FileFormat.XLSX);
    }

    private void assertNothingWritten(Fixture fixture) {
        assertThat(reports.find(DataScope.all(), fixture.report().id())
                        .orElseThrow()
                        .status())
                .isEqualTo(ReportStatus.DRAFT);
        assertThat(reports.values(fixture.report().id())).isEmpty();
    }

    @Test
    void aWorkbookOfNumbersTextAndFormulasIsSubmittedThroughTheApi() throws Exception {
        Fixture fixture = open();
        byte[] file = workbook(workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            sheet.getRow(1).getCell(0).setCellValue("固定互联网宽带接入用户");
            value(workbook, 3).setCellFormula("B2*0.95");
            value(workbook, 4).setCellValue("300000");
            value(workbook, 7).setCellFormula("100.5+5");
            workbook.createSheet("备注").createRow(0).createCell(0).setCellValue("ignored");
        });

        mvc.perform(post(
                                "/api/v1/industry/reports/{id}/submission",
                                fixture.report().id())
                        .contentType(XLSX)
                        .content(file)
                        .with(as(users, fixture.operator().username()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));

        Map<String, java.math.BigDecimal> values =
                reports.values(fixture.report().id());
        assertThat(values.get("USERS_100M")).isEqualByComparingTo("950000");
        assertThat(values.get("FIXED_DOWNLOAD_MBPS")).isEqualByComparingTo("105.5");
        assertThat(values.get("SHARE_100M")).isEqualByComparingTo("95");
        assertThat(reports.find(DataScope.all(), fixture.report().id())
                        .orElseThrow()
                        .channel())
                .isEqualTo("UPLOAD");
    }

    @Test
    void badCellsAreNamedByTheirRowAndNothingIsWritten() {
        Fixture fixture = open();
        byte[] file = workbook(workbook -> {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            value(workbook, 3).setCellStyle(date);
            value(workbook, 4).setCellFormula("1/0");
            value(workbook, 5).setCellFormula(unsupportedFormula(workbook));
            Sheet sheet = workbook.getSheetAt(0);
            Row twice = sheet.createRow(12);
            twice.createCell(0).setCellValue("BROADBAND_USERS");
            twice.createCell(1).setCellValue(5);
            Row unknown = sheet.createRow(13);
            unknown.createCell(0).setCellValue("NO_SUCH_METRIC");
            unknown.createCell(1).setCellValue(1);
            Row wide = sheet.createRow(14);
            wide.createCell(0).setCellValue("USERS_5G");
            wide.createCell(1).setCellValue(1);
            wide.createCell(2).setCellValue("extra");
        });

        UploadResult result = upload(fixture, file);

        assertThat(result.status()).isEqualTo(UploadResult.Status.REJECTED);
        assertThat(result.sheet()).isEqualTo("月报");
        assertThat(result.errors())
                .extracting(LineError::line, LineError::field, LineError::code)
                .containsExactly(
                        tuple(3L, "USERS_100M", "industry.upload.dateCell"),
                        tuple(4L, "USERS_1000M", "industry.upload.errorCell"),
                        tuple(5L, "MOBILE_USERS", "industry.upload.formula"),
                        tuple(13L, "BROADBAND_USERS", "industry.upload.duplicate"),
                        tuple(14L, null, "industry.upload.unknownMetric"),
                        tuple(15L, null, "industry.upload.fieldCount"));
        assertThat(result.errors().get(1).arguments()).containsExactly("B4", "#DIV/0!");
        assertNothingWritten(fixture);
    }

    /** A formula POI parses but cannot evaluate (a function it does not implement). */
    private static String unsupportedFormula(XSSFWorkbook workbook) {
        Cell probe = workbook.createSheet("probe").createRow(0).createCell(0);
        for (String name : FunctionEval.getNotSupportedFunctionNames()) {
            for (String formula : List.of(name + "()", name + "(1)", name + "(\"a\")", name + "(1,1)")) {
                try {
                    probe.setCellFormula(formula);
                    workbook.getCreationHelper().createFormulaEvaluator().evaluate(probe);
                } catch (RuntimeException e) {
                    if (probe.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                        workbook.removeSheetAt(workbook.getSheetIndex("probe"));
                        return formula;
                    }
                }
            }
        }
        throw new IllegalStateException("POI evaluates every function");
    }

    @Test
    void aValueProblemIsMappedBackToItsRow() {
        Fixture fixture = open();
        byte[] file = workbook(workbook -> value(workbook, 4).setCellValue(960000));

        UploadResult result = upload(fixture, file);

        assertThat(result.errors())
                .extracting(LineError::line, LineError::field, LineError::code)
                .containsExactly(tuple(4L, "USERS_1000M", "industry.rule.speedTiers"));
        assertNothingWritten(fixture);
    }

    @Test
    void aSheetWithoutHeaderOrRowsIsRefused() throws Exception {
        Fixture fixture = open();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("空");
            assertThat(upload(fixture, bytes(workbook)).errors())
                    .extracting(LineError::line, LineError::code)
                    .containsExactly(tuple(1L, "industry.upload.header"));
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Row header = workbook.createSheet("只有表头").createRow(0);
            header.createCell(0).setCellValue("指标代码");
            header.createCell(1).setCellValue("数值");
            assertThat(upload(fixture, bytes(workbook)).errors())
                    .extracting(LineError::line, LineError::code)
                    .containsExactly(tuple(2L, "industry.upload.noRows"));
        }
        assertThat(upload(fixture, new byte[0]).errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.empty");
        assertNothingWritten(fixture);
    }

    @Test
    void aHugeSheetIsRefusedByItsRowCount() {
        Fixture fixture = open();
        byte[] file = workbook(workbook -> {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 20; r < 1500; r++) {
                sheet.createRow(r).createCell(0).setCellValue("x");
            }
        });

        assertThat(upload(fixture, file).errors())
                .extracting(LineError::line, LineError::code)
                .containsExactly(tuple(0L, "industry.upload.tooManyRows"));
        assertNothingWritten(fixture);
    }

    @Test
    void aZipBombIsRefusedBeforeItIsUnpacked() throws Exception {
        Fixture fixture = open();
        // A valid workbook with one more part of 64 MB of zeros: a few dozen KB packed.
        byte[] valid = workbook(workbook -> {});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out);
                java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(valid))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("xl/media/padding.bin"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(upload(fixture, bomb).errors())
                .extracting(LineError::code)
                .containsExactly("industry.upload.zipBomb");
        assertNothingWritten(fixture);
    }

    @Test
    void oldEncryptedAndFakeWorkbooksAreRefusedWithWhatToDo() throws Exception {
        Fixture fixture = open();
        byte[] xls;
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet("月报").createRow(0).createCell(0).setCellValue("metric_code");
            xls = bytes(workbook);
        }
        byte[] encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(workbook(workbook -> {}));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            encrypted = out.toByteArray();
        }
        byte[] csvRenamed = "metric_code,value\nBROADBAND_USERS,1000000\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream zipOut = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipOut)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        assertThat(upload(fixture, xls).errors()).extracting(LineError::code).containsExactly("industry.upload.xls");
        assertThat(upload(fixture, encrypted).errors())
                .extracting(LineError::code)
                .containsExactly("industry.upload.encrypted");
        assertThat(upload(fixture, csvRenamed).errors())
                .extracting(LineError::code)
                .containsExactly("industry.upload.notXlsx");
        assertThat(upload(fixture, zipOut.toByteArray()).errors())
                .extracting(LineError::code)
                .containsExactly("industry.upload.notXlsx");
        assertNothingWritten(fixture);
    }

    @Test
    void theConsoleShowsTheSheetAndRowOfARefusedWorkbook() throws Exception {
        Fixture fixture = open();
        byte[] file = workbook(workbook -> value(workbook, 2).setCellValue("abc"));

        mvc.perform(multipart(
                                "/console/industry/reports/{id}/upload",
                                fixture.report().id())
                        .file(new MockMultipartFile("file", "月报.xlsx", XLSX, file))
                        .with(as(users, fixture.operator().username()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工作表“月报”")))
                .andExpect(content().string(containsString("id=\"import-errors\"")));
        mvc.perform(multipart(
                                "/console/industry/reports/{id}/upload",
                                fixture.report().id())
                        .file(new MockMultipartFile(
                                "file", "月报.xlsx", XLSX, "metric_code,value\n".getBytes(StandardCharsets.UTF_8)))
                        .with(as(users, fixture.operator().username()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件不是 .xlsx 工作簿")));
        mvc.perform(post(
                                "/api/v1/industry/reports/{id}/submission",
                                fixture.report().id())
                        .contentType(XLSX)
                        .content(file)
                        .with(as(users, fixture.operator().username()))
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.sheet").value("月报"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("BROADBAND_USERS"));
        assertNothingWritten(fixture);
    }

    @Test
    void theDownloadedTemplateOpensInExcelWithTheMetricsAndUploadsBackOnceFilled() throws Exception {
        Fixture fixture = open();
        byte[] template = mvc.perform(get(
                                "/console/industry/reports/{id}/template.xlsx",
                                fixture.report().id())
                        .with(as(users, fixture.operator().username())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", XLSX))
                .andExpect(header().string(
                                "Content-Disposition", containsString("BROADBAND_MOBILE_MONTHLY-2023-01-33.xlsx")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        byte[] filled;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标代码");
            List<String> codes = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                codes.add(row.getCell(0).getStringCellValue());
                row.createCell(1)
                        .setCellValue(
                                Double.parseDouble(monthly().get(row.getCell(0).getStringCellValue())));
            }
            assertThat(codes).containsExactlyElementsOf(monthly().keySet());
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("固定互联网宽带接入用户");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("户");
            filled = bytes(workbook);
        }
        String csv = mvc.perform(get(
                                "/api/v1/industry/reports/{id}/template.csv",
                                fixture.report().id())
                        .param("lang", "en")
                        .with(as(users, fixture.operator().username())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFmetric_code,value,name,unit").contains("USERS_5G,,");

        assertThat(upload(fixture, filled).status()).isEqualTo(UploadResult.Status.SUBMITTED);
        mvc.perform(get(
                                "/console/industry/reports/{id}/template.xlsx",
                                fixture.report().id())
                        .with(as(users, "bj")))
                .andExpect(status().isNotFound());
    }
}
