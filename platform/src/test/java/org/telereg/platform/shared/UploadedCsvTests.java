package org.telereg.platform.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadedCsvTests {

    private static final Map<String, List<String>> COLUMNS =
            Map.of("kind", List.of("kind", "类型"), "value", List.of("value", "域名/IP"));

    @Test
    void refusesAnEmptyFileAndOneOverTheLimitWithTheImportersCode() {
        assertThatThrownBy(() -> UploadedCsv.text(new byte[0], 10, "x.tooLarge"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid.file.empty"));
        assertThatThrownBy(() -> UploadedCsv.text(null, 10, "x.tooLarge"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid.file.empty"));
        assertThatThrownBy(() -> UploadedCsv.text(new byte[3 * 1024 * 1024 + 1], 3 * 1024 * 1024, "x.tooLarge"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.code()).isEqualTo("x.tooLarge");
                    assertThat(e.arguments()).containsExactly(3L);
                });
    }

    @Test
    void readsUtf8WithItsByteOrderMarkAndGbkButNotUtf16() {
        byte[] bom = "\uFEFF类型,值".getBytes(StandardCharsets.UTF_8);
        assertThat(UploadedCsv.text(bom, 100, "x").text()).isEqualTo("类型,值");
        UploadedText gbk = UploadedCsv.text("类型,域名".getBytes(Charset.forName("GBK")), 100, "x");
        assertThat(gbk.charset()).isEqualTo("GB18030");
        assertThat(gbk.text()).isEqualTo("类型,域名");
        assertThatThrownBy(() -> UploadedCsv.text("类型".getBytes(StandardCharsets.UTF_16), 100, "x"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("invalid.file.encoding"));
    }

    @Test
    void findsColumnsByAnyNameAndNamesTheOnesMissingOrTwice() {
        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> index = UploadedCsv.columns(
                List.of("备注", " 类型（必填） ", "域名 / IP"), COLUMNS, List.of("kind", "value"), 1, "x.", errors);
        assertThat(index).containsEntry("kind", 1).containsEntry("value", 2).hasSize(2);
        assertThat(errors).isEmpty();

        UploadedCsv.columns(List.of("KIND", "Type_", "kind"), COLUMNS, List.of("kind", "value"), 1, "x.", errors);
        assertThat(errors)
                .extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
                .containsExactly("1:kind:x.columnTwice", "1:value:x.missingColumn");
    }
}
