package org.telereg.platform.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenceCertificateTests {

    private static final CertificateContent NATIONAL = new CertificateContent(
            "A2.B1.B2-20260002",
            "北京星河数据通信技术有限公司",
            "91110108MA01ABCD3X",
            "张明远",
            "北京市海淀区中关村大街27号",
            new BigDecimal("50000000"),
            List.of(
                    new CertificateContent.Line("A2", "国内多方通信服务业务", null, "全国"),
                    new CertificateContent.Line("B1", "国内互联网虚拟专用网业务", null, "广东省、北京市"),
                    new CertificateContent.Line("B2", "信息服务业务", "仅限互联网信息服务", "全国")),
            "中华人民共和国工业和信息化部",
            LocalDate.of(2026, 3, 16),
            LocalDate.of(2031, 3, 15),
            "https://tsm.miit.gov.cn/licence/A2.B1.B2-20260002");

    @Test
    void printsTheLicenceParticularsAsSearchableChineseText() throws IOException {
        var reader = new PdfReader(LicenceCertificate.render(NATIONAL));

        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(reader.getPageSizeWithRotation(1).getWidth()).isEqualTo(PageSize.A4.getWidth());
        assertThat(reader.getPageSizeWithRotation(1).getHeight()).isEqualTo(PageSize.A4.getHeight());
        assertThat(text(reader))
                .contains("中华人民共和国电信业务经营许可证")
                .contains("A2.B1.B2-20260002")
                .contains("北京星河数据通信技术有限公司")
                .contains("91110108MA01ABCD3X")
                .contains("人民币 5,000 万元")
                .contains("信息服务业务（仅限互联网信息服务）")
                .contains("广东省、北京市")
                .contains("中华人民共和国工业和信息化部")
                .contains("2031年3月15日")
                .contains("2026年3月16日")
                .contains("持证者应当于每年第一季度报送上一年度年报")
                .contains("https://tsm.miit.gov.cn/licence/A2.B1.B2-20260002");
    }

    @Test
    void embedsOnlyTheGlyphsItUsesOfItsOwnChineseFont() throws IOException {
        var pdf = LicenceCertificate.render(NATIONAL);
        var reader = new PdfReader(pdf);

        var fonts = fonts(reader);
        assertThat(fonts).isNotEmpty();
        for (var font : fonts) {
            assertThat(font.getAsName(PdfName.SUBTYPE)).isEqualTo(PdfName.TYPE0);
            var descendant = font.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
            var descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
            assertThat(descriptor.get(PdfName.FONTFILE2))
                    .as("TrueType program embedded for %s", font.get(PdfName.BASEFONT))
                    .isNotNull();
            // A subset font is named ABCDEF+Name; a reader then never substitutes a local font.
            assertThat(font.getAsName(PdfName.BASEFONT).toString()).matches("/[A-Z]{6}\\+.*");
        }
        assertThat(pdf.length).as("a subset, not the 4.7 MB font").isLessThan(300_000);
    }

    @Test
    void marksACharacterOutsideTheFontInsteadOfDroppingIt() throws IOException {
        // 堃 (GBK, not GB 2312) is common in names; 𠮷 lies outside the Basic Multilingual Plane.
        var rare = new CertificateContent(
                "粤B2-20260003",
                "深圳市堃鹏𠮷祥网络科技有限公司",
                "91440300MA5FXXXX0K",
                "李堃",
                null,
                new BigDecimal("1000000"),
                List.of(new CertificateContent.Line("B2", "信息服务业务", "仅限互联网信息服务", "广东省")),
                "广东省通信管理局",
                LocalDate.of(2026, 1, 5),
                LocalDate.of(2031, 1, 4),
                "https://gdca.miit.gov.cn/licence/粤B2-20260003");

        var text = text(new PdfReader(LicenceCertificate.render(rare)));

        assertThat(text)
                .contains(
                        "深圳市" + LicenceCertificate.MISSING_GLYPH + "鹏" + LicenceCertificate.MISSING_GLYPH + "祥网络科技有限公司")
                .contains("李" + LicenceCertificate.MISSING_GLYPH)
                .contains("粤B2-20260003")
                .contains("广东省通信管理局");
    }

    @Test
    void printsADashForAMissingAddress() throws IOException {
        var withoutAddress = new CertificateContent(
                "B2-20260001",
                "杭州云帆信息技术有限公司",
                "91330106MA2B123456",
                "王芳",
                null,
                new BigDecimal("1234.5"),
                List.of(),
                "浙江省通信管理局",
                LocalDate.of(2026, 6, 1),
                LocalDate.of(2031, 5, 31),
                "https://zjca.miit.gov.cn/licence/B2-20260001");

        assertThat(text(new PdfReader(LicenceCertificate.render(withoutAddress))))
                .containsPattern("注册住所\\s*—")
                .contains("人民币 1,234.5 元")
                .contains("杭州云帆信息技术有限公司");
    }

    private static String text(PdfReader reader) throws IOException {
        var extractor = new PdfTextExtractor(reader);
        var text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private static List<PdfDictionary> fonts(PdfReader reader) {
        var fonts = new ArrayList<PdfDictionary>();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            var resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
            var pageFonts = resources.getAsDict(PdfName.FONT);
            for (var name : pageFonts.getKeys()) {
                fonts.add(pageFonts.getAsDict(name));
            }
        }
        return fonts;
    }
}
