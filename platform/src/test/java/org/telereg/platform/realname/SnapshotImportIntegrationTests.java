package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.telereg.platform.realname.Subscribers.batchId;
import static org.telereg.platform.realname.Subscribers.cmccNumber;
import static org.telereg.platform.realname.Subscribers.csv;
import static org.telereg.platform.realname.Subscribers.line;
import static org.telereg.platform.realname.Subscribers.resident;
import static org.telereg.platform.realname.Subscribers.residentId;
import static org.telereg.platform.realname.Subscribers.withCheck;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import org.telereg.platform.credit.PersonKeys;
import org.telereg.platform.shared.IdCardNumber;

@PlatformIntegrationTest
class SnapshotImportIntegrationTests {

    @Autowired
    Clock clock;

    @Autowired
    SnapshotImport imports;

    @Autowired
    PersonKeys personKeys;

    @Autowired
    RealnameSettings settings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private Actor cmcc() {
        return SignIn.actor(users, "cmcc");
    }

    private long rows() {
        return jdbc.sql("select count(*) from realname_subscriber")
                .query(Long.class)
                .single();
    }

    private Map<String, Object> row(String number) {
        return jdbc.sql("select * from realname_subscriber where phone_number = :n")
                .param("n", number)
                .query()
                .singleRow();
    }

    private static String value(Map<String, Object> row, String column) {
        return row.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(column))
                .map(e -> e.getValue() == null ? null : e.getValue().toString())
                .findFirst()
                .orElseThrow();
    }

    private SnapshotResult submit(String... lines) {
        return imports.importCsv(cmcc(), batchId(), "snapshot.csv", csv(lines));
    }

    @Test
    void importsASnapshotWithKeyedHashesAndMaskedFormsOnly() {
        String id = residentId();
        String number = cmccNumber();
        String passportHolder = cmccNumber();

        SnapshotResult result = submit(
                resident(number, id, "张小明"), line(passportHolder, "护照", "EA7654321", "SMITH JOHN", "2025-01-20", "停机"));

        assertThat(result.status()).isEqualTo(SnapshotResult.Status.IMPORTED);
        assertThat(result.created()).isEqualTo(2);
        Map<String, Object> row = row(number);
        assertThat(value(row, "identity_key")).isEqualTo(personKeys.of(IdCardNumber.of(id)));
        assertThat(value(row, "identity_masked")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(value(row, "name_masked")).isEqualTo("张**");
        assertThat(value(row, "name_key")).hasSize(64).isNotEqualTo(value(row, "identity_key"));
        assertThat(value(row, "status")).isEqualTo("NORMAL");
        Map<String, Object> passport = row(passportHolder);
        assertThat(value(passport, "document_type")).isEqualTo("PASSPORT");
        assertThat(value(passport, "identity_masked")).isEqualTo("*********");
        assertThat(value(passport, "status")).isEqualTo("SUSPENDED");
    }

    @Test
    void countsTheLegacyFifteenDigitNumberAndItsEighteenDigitFormAsOneIdentity() {
        String eighteen = "11010519491231002X";
        String fifteen = "110105491231002";
        String first = cmccNumber();
        String second = cmccNumber();

        submit(resident(first, eighteen, "李四"), line(second, "户口簿", fifteen, "李四", "2003-05-01", "NORMAL"));

        assertThat(value(row(second), "identity_key")).isEqualTo(value(row(first), "identity_key"));
        assertThat(value(row(second), "identity_masked")).isEqualTo("110105********002X");
    }

    @Test
    void aLaterSnapshotReplacesTheLineOfTheSameNumber() {
        String number = cmccNumber();
        submit(resident(number, residentId(), "王五"));

        SnapshotResult later = submit(line(number, "RESIDENT_ID", residentId(), "王五", "2024-03-01", "销户"));

        assertThat(later.created()).isZero();
        assertThat(later.updated()).isEqualTo(1);
        assertThat(value(row(number), "status")).isEqualTo("CANCELLED");
    }

    @Test
    void rejectsADocumentNumberWithABadCheckCharacter() {
        String id = residentId();
        String wrong = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');

        assertThat(submit(resident(cmccNumber(), wrong, "赵六")).errors())
                .extracting(e -> e.line(), e -> e.field(), e -> e.code())
                .containsExactly(tuple(2L, "document_number", "invalid.idCard.BAD_CHECK_CHARACTER"));
    }

    @Test
    void rejectsAnAddressCodeAbolishedBeforeTheBirthDate() {
        // 110110 燕山区 was abolished in 1986: nobody born in 1990 got a number with it.
        String id = withCheck("11011019900101001");

        assertThat(submit(resident(cmccNumber(), id, "孙七")).errors())
                .extracting(e -> e.field(), e -> e.code())
                .containsExactly(tuple("document_number", "invalid.idCard.ADDRESS_CODE_ABOLISHED_BEFORE_BIRTH"));
    }

    @Test
    void rejectsADocumentNumberOfAnotherDocumentType() {
        String hongKongPermit = withCheck("81000019900101001");

        assertThat(submit(
                                line(cmccNumber(), "HMT_RESIDENCE_PERMIT", residentId(), "周八", "2024-01-01", "NORMAL"),
                                resident(cmccNumber(), hongKongPermit, "周八"),
                                line(
                                        cmccNumber(),
                                        "HMT_RESIDENCE_PERMIT",
                                        hongKongPermit,
                                        "周八",
                                        "2024-01-01",
                                        "NORMAL"))
                        .errors())
                .extracting(e -> e.line(), e -> e.code())
                .containsExactly(tuple(2L, "realname.import.documentKind"), tuple(3L, "realname.import.documentKind"));
    }

    @Test
    void rejectsAPassportOrPermitNumberWithoutTheShapeOfItsDocument() {
        assertThat(submit(
                                line(cmccNumber(), "PASSPORT", "E-12", "SMITH JOHN", "2024-01-01", "NORMAL"),
                                line(cmccNumber(), "HK_MACAO_TRAVEL_PERMIT", "X12345678", "陈九", "2024-01-01", "NORMAL"),
                                line(cmccNumber(), "港澳居民来往内地通行证", "H12345678", "陈九", "2024-01-01", "NORMAL"))
                        .errors())
                .extracting(e -> e.line(), e -> e.code())
                .containsExactly(
                        tuple(2L, "realname.import.badDocumentNumber"), tuple(3L, "realname.import.badDocumentNumber"));
    }

    @Test
    void rejectsAnActivationDateAfterToday() {
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();

        assertThat(submit(line(cmccNumber(), "RESIDENT_ID", residentId(), "吴十", tomorrow, "NORMAL"))
                        .errors())
                .extracting(e -> e.field(), e -> e.code())
                .containsExactly(tuple("activated_on", "realname.import.futureActivation"));
    }

    @Test
    void rejectsAnActivationDateThatIsNotADate() {
        assertThat(submit(line(cmccNumber(), "RESIDENT_ID", residentId(), "吴十", "2024-02-30", "NORMAL"))
                        .errors())
                .extracting(e -> e.field(), e -> e.code())
                .containsExactly(tuple("activated_on", "invalid.date"));
    }

    @Test
    void rejectsAnUnknownStatus() {
        assertThat(submit(line(cmccNumber(), "RESIDENT_ID", residentId(), "郑一", "2024-01-01", "休眠"))
                        .errors())
                .extracting(e -> e.field(), e -> e.code())
                .containsExactly(tuple("status", "realname.import.unknownStatus"));
    }

    @Test
    void rejectsAnUnknownDocumentType() {
        assertThat(submit(line(cmccNumber(), "学生证", residentId(), "郑二", "2024-01-01", "NORMAL"))
                        .errors())
                .extracting(e -> e.field(), e -> e.code())
                .containsExactly(tuple("document_type", "realname.import.unknownDocumentType"));
    }

    @Test
    void rejectsABadPhoneNumber() {
        assertThat(submit(resident("1980000", residentId(), "郑三"), resident("10012345678", residentId(), "郑四"))
                        .errors())
                .extracting(e -> e.line(), e -> e.field(), e -> e.code())
                .containsExactly(
                        tuple(2L, "phone_number", "invalid.phone.BAD_LENGTH"),
                        tuple(3L, "phone_number", "invalid.phone.UNKNOWN_PREFIX"));
    }

    @Test
    void rejectsANumberRepeatedInTheFileAndNamesItsFirstLine() {
        String number = cmccNumber();

        SnapshotResult result = submit(resident(number, residentId(), "冯五"), resident(number, residentId(), "冯六"));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.field()).isEqualTo("phone_number");
            assertThat(e.code()).isEqualTo("realname.import.duplicate");
            assertThat(e.arguments()).containsExactly(2L);
        });
    }

    @Test
    void rejectsTheWholeFileForOneBadLineAndWritesNothing() {
        long before = rows();
        String good = cmccNumber();

        SnapshotResult result = submit(
                resident(good, residentId(), "褚七"),
                resident(cmccNumber(), residentId(), ""),
                String.join(",", cmccNumber(), "RESIDENT_ID", residentId()));

        assertThat(result.status()).isEqualTo(SnapshotResult.Status.REJECTED);
        assertThat(result.badLines()).isEqualTo(2);
        assertThat(result.errors())
                .extracting(e -> e.line(), e -> e.field(), e -> e.code())
                .containsExactly(tuple(3L, "name", "invalid.required"), tuple(4L, null, "realname.import.fieldCount"));
        assertThat(rows()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from realname_subscriber where phone_number = :n")
                        .param("n", good)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void listsOnlyTheFirstLineErrorsButCountsEveryBadLine() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < settings.maxErrors() + 20; i++) {
            lines.add(line(cmccNumber(), "RESIDENT_ID", residentId(), "卫八", "2024-01-01", "?"));
        }

        SnapshotResult result = submit(lines.toArray(String[]::new));

        assertThat(result.errors()).hasSize(settings.maxErrors());
        assertThat(result.errors().get(0).line()).isEqualTo(2);
        assertThat(result.badLines()).isEqualTo(settings.maxErrors() + 20);
    }

    @Test
    void rejectsAnEmptyFile() {
        SnapshotResult result = imports.importCsv(cmcc(), batchId(), "empty.csv", new byte[0]);

        assertThat(result.errors()).extracting(e -> e.code()).containsExactly("invalid.file.empty");
    }

    @Test
    void rejectsAHeaderWithoutRows() {
        SnapshotResult result =
                imports.importCsv(cmcc(), batchId(), "header.csv", Subscribers.HEADER.getBytes(StandardCharsets.UTF_8));

        assertThat(result.errors()).extracting(e -> e.code()).containsExactly("realname.import.noRows");
    }

    @Test
    void rejectsAHeaderMissingColumnsAndNamesThem() {
        byte[] file = ("phone_number,name,status\n" + cmccNumber() + ",蒋九,NORMAL\n").getBytes(StandardCharsets.UTF_8);

        SnapshotResult result = imports.importCsv(cmcc(), batchId(), "short.csv", file);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("realname.import.missingColumns");
            assertThat(e.arguments()).containsExactly("document_type, document_number, activated_on");
        });
    }

    @Test
    void rejectsAFileOverTheSizeLimitWithoutReadingIt() {
        byte[] huge = new byte[(int) settings.maxBytes() + 1];

        SnapshotResult result = imports.importCsv(cmcc(), batchId(), "huge.csv", huge);

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("realname.import.tooLarge");
            assertThat(e.arguments()).containsExactly(settings.maxBytes());
        });
    }

    @Test
    void readsAGbkFileWithChineseHeadersAndNames() {
        String number = cmccNumber();
        String text = "手机号码,证件类型,证件号码,姓名,入网日期,号码状态,营业网点\n" + number + ",居民身份证," + residentId()
                + ",欧阳娜娜,2023-08-08,正常,天河营业厅\n";

        SnapshotResult result = imports.importCsv(cmcc(), batchId(), "gbk.csv", text.getBytes(Charset.forName("GBK")));

        assertThat(result.status()).isEqualTo(SnapshotResult.Status.IMPORTED);
        assertThat(result.encoding()).isEqualTo("GB18030");
        assertThat(value(row(number), "name_masked")).isEqualTo("欧***");
        assertThat(value(row(number), "sales_outlet")).isEqualTo("天河营业厅");
    }

    @Test
    void refusesABinaryFileThatIsNeitherUtf8NorGbk() {
        byte[] binary = {'P', 'K', 3, 4, 0, 0, (byte) 0x80, (byte) 0xFF};

        SnapshotResult result = imports.importCsv(cmcc(), batchId(), "snapshot.xlsx", binary);

        assertThat(result.errors()).extracting(e -> e.code()).containsExactly("invalid.file.encoding");
    }

    @Test
    void theSameBatchAndContentAgainGivesTheSameResultAndWritesNothing() {
        String batch = batchId();
        byte[] file = csv(resident(cmccNumber(), residentId(), "沈一"), resident(cmccNumber(), residentId(), "沈二"));
        SnapshotResult first = imports.importCsv(cmcc(), batch, "a.csv", file);
        long after = rows();

        SnapshotResult again = imports.importCsv(cmcc(), batch, "a.csv", file);

        assertThat(again.status()).isEqualTo(SnapshotResult.Status.ALREADY_IMPORTED);
        assertThat(again.rows()).isEqualTo(first.rows());
        assertThat(again.created()).isEqualTo(2);
        assertThat(rows()).isEqualTo(after);
        assertThat(jdbc.sql("select count(*) from realname_batch where batch_id = :b")
                        .param("b", batch)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theSameBatchWithOtherContentIsRefused() {
        String batch = batchId();
        imports.importCsv(cmcc(), batch, "a.csv", csv(resident(cmccNumber(), residentId(), "韩一")));
        String other = cmccNumber();

        SnapshotResult result = imports.importCsv(cmcc(), batch, "b.csv", csv(resident(other, residentId(), "韩二")));

        assertThat(result.errors()).extracting(e -> e.code()).containsExactly("realname.import.batchReused");
        assertThat(jdbc.sql("select count(*) from realname_subscriber where phone_number = :n")
                        .param("n", other)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyAnOperatorSubmitsAndAlwaysForItsOwnEnterprise() {
        assertThatThrownBy(() -> imports.importCsv(
                        SignIn.actor(users, "admin"),
                        batchId(),
                        "x.csv",
                        csv(resident(cmccNumber(), residentId(), "杨一"))))
                .isInstanceOf(AccessDeniedException.class);
        Actor cmcc = cmcc();
        String number = cmccNumber();

        imports.importCsv(cmcc, batchId(), "x.csv", csv(resident(number, residentId(), "杨二")));

        assertThat(value(row(number), "operator_credit_code"))
                .isEqualTo(cmcc.scope().creditCode());
    }

    @Test
    void errorsNeverEchoTheDocumentNumberOrTheName() {
        String id = residentId();
        String bad = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');

        SnapshotResult result = submit(
                line(cmccNumber(), "RESIDENT_ID", bad, "秦始皇帝", "2024-01-01", "NORMAL"),
                line(cmccNumber(), "PASSPORT", "秦始皇帝", bad, "2024-01-01", bad));

        assertThat(result.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.defaultMessage()).doesNotContain(bad, "秦始皇帝", IdNumbers.mask(bad));
            assertThat(List.of(e.arguments()).toString()).doesNotContain(bad, "秦始皇帝");
        });
    }
}
