package org.telereg.platform.licensing;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The printable 电信业务经营许可证: an A4 portrait PDF, one page for all but the longest lists of businesses, that
 * carries its own Chinese font, so that it reads and prints the same on an offline machine with no Chinese fonts.
 */
final class LicenceCertificate {

    /**
     * Printed instead of a character the embedded font lacks (outside GB 2312), the mark Chinese typesetting uses for
     * a missing sort (缺字). OpenPDF would otherwise drop the character silently and print a shorter, wrong name.
     */
    static final String MISSING_GLYPH = "〓";

    private static final String NONE = "—";

    private static final List<String> SPECIAL_PROVISIONS = List.of(
            "持证者应当于每年第一季度报送上一年度年报。",
            "持证者应当按照本许可证载明的业务种类和业务覆盖范围经营电信业务。",
            "许可证载明事项发生变更的，持证者应当向发证机关申请办理变更手续。",
            "许可证有效期届满需要继续经营的，应当提前九十日向发证机关申请延续。",
            "本许可证不得伪造、涂改、冒用，不得出租、出借或者以其他形式非法转让。");

    // Chinese line breaking (避头尾): no line starts with a closing mark such as 、 or ）, and none ends with an
    // opening one. OpenPDF otherwise breaks after any ideograph, which left a lone ） or 、 at a line's start.
    private static final String NO_LINE_START = "、，。．：；！？）》」』】〉”’…%";
    private static final String NO_LINE_END = "（《「『【〈“‘";
    private static final SplitCharacter CHINESE_LINE_BREAKS = (start, current, end, text, chunks) -> {
        if (current + 1 < end && NO_LINE_START.indexOf(text[current + 1]) >= 0
                || NO_LINE_END.indexOf(text[current]) >= 0) {
            return false;
        }
        return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, text, chunks);
    };

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private static final Color INK = new Color(0x1c, 0x1c, 0x1c);
    private static final Color RED = new Color(0x9e, 0x1b, 0x20);
    private static final Color RULE = new Color(0x6b, 0x5a, 0x4a);
    private static final Color LABEL_FILL = new Color(0xf5, 0xef, 0xe2);

    private static final float LABEL_SIZE = 10.5f;
    private static final float VALUE_SIZE = 11.5f;

    private LicenceCertificate() {}

    static byte[] render(CertificateContent content) {
        var pdf = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 62, 62, 84, 70);
        try {
            var writer = PdfWriter.getInstance(document, pdf);
            writer.setPageEvent(new Frame(verification(content.verificationUrl())));
            document.addTitle("电信业务经营许可证 " + content.licenceNumber());
            document.addSubject(content.companyName());
            document.addCreator("TeleReg");
            document.open();
            for (var element : heading(content)) {
                document.add(element);
            }
            document.add(particulars(content));
            document.add(issuer(content));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot lay out licence certificate " + content.licenceNumber(), e);
        }
        return pdf.toByteArray();
    }

    private static List<Paragraph> heading(CertificateContent content) {
        var title = new Chunk("中华人民共和国电信业务经营许可证", font(24, Font.BOLD, RED));
        title.setCharacterSpacing(1.5f);
        var chinese = new Paragraph(title);
        chinese.setAlignment(Element.ALIGN_CENTER);

        var english = new Paragraph("TELECOMMUNICATION BUSINESS OPERATION LICENCE", font(10, Font.NORMAL, RED));
        english.setAlignment(Element.ALIGN_CENTER);
        english.setSpacingBefore(8);

        var number = paragraph(font(12, Font.NORMAL, INK));
        number.add(new Chunk("经营许可证编号：", font(12, Font.NORMAL, INK)));
        number.add(new Chunk(printable(content.licenceNumber()), font(13, Font.BOLD, INK)));
        number.setAlignment(Element.ALIGN_CENTER);
        number.setSpacingBefore(26);
        number.setSpacingAfter(18);
        return List.of(chinese, english, number);
    }

    private static PdfPTable particulars(CertificateContent content) throws DocumentException {
        var table = new PdfPTable(new float[] {21, 13, 45, 21});
        table.setWidthPercentage(100);

        table.addCell(label("经营者名称"));
        table.addCell(value(content.companyName(), font(13, Font.BOLD, INK), 3));
        table.addCell(label("统一社会信用代码"));
        table.addCell(value(content.creditCode(), 3));
        table.addCell(label("法定代表人"));
        table.addCell(value(content.legalRepresentative(), 3));
        table.addCell(label("注册住所"));
        table.addCell(value(content.address(), 3));
        table.addCell(label("注册资本"));
        table.addCell(value(capital(content.registeredCapital()), 3));

        var lines = content.lines();
        var businesses = label("业务种类及\n业务覆盖范围");
        businesses.setRowspan(1 + Math.max(lines.size(), 1));
        table.addCell(businesses);
        table.addCell(columnHeading("业务代码"));
        table.addCell(columnHeading("业务种类"));
        table.addCell(columnHeading("业务覆盖范围"));
        if (lines.isEmpty()) {
            table.addCell(value(null, 3));
        }
        for (var line : lines) {
            table.addCell(centred(value(line.code(), 1)));
            table.addCell(value(business(line), 1));
            table.addCell(value(line.coverage(), 1));
        }

        table.addCell(label("有效期至"));
        table.addCell(value(date(content.validUntil()), 3));

        table.addCell(label("特别规定事项"));
        var provisions = paragraph(font(10, Font.NORMAL, INK));
        provisions.setLeading(19);
        for (int i = 0; i < SPECIAL_PROVISIONS.size(); i++) {
            var provision =
                    (i + 1) + ". " + SPECIAL_PROVISIONS.get(i) + (i + 1 < SPECIAL_PROVISIONS.size() ? "\n" : "");
            provisions.add(words(provision, font(10, Font.NORMAL, INK)));
        }
        var provisionsCell = cell(provisions, 3);
        provisionsCell.setPaddingTop(6);
        provisionsCell.setPaddingBottom(10);
        table.addCell(provisionsCell);
        return table;
    }

    private static PdfPTable issuer(CertificateContent content) throws DocumentException {
        var block = new PdfPTable(new float[] {45, 55});
        block.setWidthPercentage(100);
        block.setSpacingBefore(36);

        var empty = new PdfPCell(new Phrase("", font(12, Font.NORMAL, INK)));
        empty.setBorder(Rectangle.NO_BORDER);
        block.addCell(empty);

        var issuer = new PdfPCell();
        issuer.setBorder(Rectangle.NO_BORDER);
        var name = paragraph(font(12, Font.NORMAL, INK));
        name.add(new Chunk("发证机关：", font(12, Font.NORMAL, INK)));
        name.add(words(printable(content.issuerName()), font(13, Font.BOLD, INK)));
        var seal = new Paragraph("（盖章）", font(10.5f, Font.NORMAL, INK));
        seal.setSpacingBefore(2);
        var issued = new Paragraph("发证日期：" + date(content.issuedOn()), font(12, Font.NORMAL, INK));
        issued.setSpacingBefore(8);
        for (var line : List.of(name, seal, issued)) {
            line.setAlignment(Element.ALIGN_CENTER);
            issuer.addElement(line);
        }
        block.addCell(issuer);
        return block;
    }

    private static Phrase verification(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        return new Phrase(words("本许可证信息可在 " + printable(url) + " 查询核验。", font(9.5f, Font.NORMAL, RULE)));
    }

    private static PdfPCell label(String text) {
        var cell = cell(new Phrase(words(text, font(LABEL_SIZE, Font.BOLD, INK))), 1);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setBackgroundColor(LABEL_FILL);
        return cell;
    }

    private static PdfPCell columnHeading(String text) {
        var cell = label(text);
        cell.setMinimumHeight(24);
        return cell;
    }

    private static PdfPCell value(String text, int columns) {
        return value(text, font(VALUE_SIZE, Font.NORMAL, INK), columns);
    }

    private static PdfPCell value(String text, Font font, int columns) {
        return cell(new Phrase(words(printable(text), font)), columns);
    }

    private static PdfPCell centred(PdfPCell cell) {
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    private static PdfPCell cell(Phrase phrase, int columns) {
        var cell = new PdfPCell(phrase);
        cell.setColspan(columns);
        cell.setMinimumHeight(36);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(6);
        cell.setPaddingBottom(8);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.6f);
        cell.setLeading(0, 1.35f);
        return cell;
    }

    private static String business(CertificateContent.Line line) {
        return line.scope() == null || line.scope().isBlank()
                ? line.nameZh()
                : line.nameZh() + "（" + line.scope() + "）";
    }

    private static String capital(BigDecimal yuan) {
        if (yuan == null) {
            return null;
        }
        var grouped = new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return yuan.compareTo(BigDecimal.valueOf(10_000)) >= 0
                ? "人民币 " + grouped.format(yuan.movePointLeft(4)) + " 万元"
                : "人民币 " + grouped.format(yuan) + " 元";
    }

    private static String date(LocalDate date) {
        return date == null ? null : DATE.format(date);
    }

    private static String printable(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        var printable = new StringBuilder(text.length());
        text.strip().codePoints().forEach(c -> {
            if (Character.isWhitespace(c) || Typeface.BASE.charExists(c)) {
                printable.appendCodePoint(c);
            } else {
                printable.append(MISSING_GLYPH);
            }
        });
        return printable.toString();
    }

    // A paragraph or phrase without a font of its own makes OpenPDF add Helvetica, which is not embedded.
    private static Paragraph paragraph(Font font) {
        return new Paragraph("", font);
    }

    private static Chunk words(String text, Font font) {
        var words = new Chunk(text, font);
        words.setSplitCharacter(CHINESE_LINE_BREAKS);
        return words;
    }

    private static Font font(float size, int style, Color colour) {
        return new Font(Typeface.BASE, size, style, colour);
    }

    /** A double rule round the page, as on the paper certificate, and where to check it at its foot. */
    private static final class Frame extends PdfPageEventHelper {

        private final Phrase foot;

        Frame(Phrase foot) {
            this.foot = foot;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContentUnder();
            Rectangle page = document.getPageSize();
            canvas.saveState();
            canvas.setColorStroke(RED);
            canvas.setLineWidth(2.4f);
            canvas.rectangle(28, 28, page.getWidth() - 56, page.getHeight() - 56);
            canvas.stroke();
            canvas.setLineWidth(0.7f);
            canvas.rectangle(34, 34, page.getWidth() - 68, page.getHeight() - 68);
            canvas.stroke();
            canvas.restoreState();
            if (foot != null) {
                ColumnText.showTextAligned(
                        writer.getDirectContent(), Element.ALIGN_CENTER, foot, page.getWidth() / 2, 50, 0);
            }
        }
    }

    /**
     * AR PL UMing CN cut down to GB 2312 (resources/fonts/README.md says how). Read once, on first use: OpenPDF then
     * embeds into each certificate only the glyphs it prints, so a certificate is tens of kilobytes although the font
     * file is megabytes.
     */
    private static final class Typeface {

        private static final String RESOURCE = "fonts/uming-cn-gb2312.ttf";

        static final BaseFont BASE = load();

        private static BaseFont load() {
            try (InputStream in = LicenceCertificate.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Font " + RESOURCE + " is not on the classpath");
                }
                return BaseFont.createFont(
                        RESOURCE, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read font " + RESOURCE, e);
            } catch (DocumentException e) {
                throw new IllegalStateException("Cannot use font " + RESOURCE, e);
            }
        }
    }
}
