package org.telereg.engine.broadband;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads the generic measurement CSV: one test per row, columns found by name in any order. */
final class CsvMeasurementReader {

    /** The columns of the generic CSV; the first alias of each is its canonical name. */
    enum Column {
        TIME(true, "time", "timestamp", "datetime", "datetimestart", "starttime", "testtime", "时间", "测试时间", "测速时间"),
        DIVISION(false, "division", "divisioncode", "location", "regioncode", "areacode", "行政区划代码", "区划代码", "地区", "省份"),
        OPERATOR(false, "operator", "isp", "provider", "carrier", "运营商", "基础电信企业"),
        TECHNOLOGY(false, "technology", "tech", "accesstechnology", "access", "接入方式", "接入技术", "网络类型"),
        DOWNLOAD(true, "download_mbps", "download", "downloadspeed", "down", "downlink", "下载速率", "下行速率", "下载"),
        UPLOAD(false, "upload_mbps", "upload", "uploadspeed", "up", "uplink", "上传速率", "上行速率", "上传"),
        LATENCY(false, "latency_ms", "latency", "ping", "rtt", "minrtt", "时延", "延迟"),
        LOSS(false, "loss", "packetloss", "lossrate", "丢包率"),
        PLAN(false, "plan_mbps", "plan", "planspeed", "headlinespeed", "subscribedspeed", "签约速率", "套餐速率", "带宽");

        private final boolean required;
        private final String canonical;
        private final List<String> aliases;

        Column(boolean required, String... aliases) {
            this.required = required;
            this.canonical = aliases[0];
            this.aliases = Arrays.stream(aliases).map(CsvMeasurementReader::key).toList();
        }

        String canonical() {
            return canonical;
        }

        boolean matches(String headerKey) {
            return aliases.contains(headerKey);
        }
    }

    private CsvMeasurementReader() {}

    /**
     * A header name as compared with the aliases: lower case, a unit in brackets dropped ({@code 下载速率(Mbps)},
     * {@code download (Mbit/s)}), a {@code _mbps}/{@code _ms} unit suffix dropped, and blanks, dots, hyphens and
     * underscores removed.
     */
    static String key(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replaceAll("[(（\\[].*$", "");
        key = key.replaceAll("[\\s._\\-]", "");
        if (key.endsWith("mbps") && key.length() > 4) {
            key = key.substring(0, key.length() - 4);
        } else if (key.endsWith("ms") && key.length() > 2) {
            key = key.substring(0, key.length() - 2);
        }
        return key;
    }

    static ImportReport read(Path file, ImportSettings settings, Consumer<Measurement> sink) throws IOException {
        if (sink instanceof SpeedAggregation aggregation) {
            return CsvBody.read(file, settings, null, List.of(aggregation), 1, 0);
        }
        return CsvBody.read(file, settings, sink, List.of(), 1, 0);
    }

    /**
     * What the header says: the number of fields a row has, where each {@link Column} is ({@code -1} when absent),
     * the columns not used, the header's line number, the byte offset where the data rows start and the character
     * set decided so far (null while every line has been ASCII).
     */
    record Header(int width, int[] position, List<String> ignored, long lineNumber, long dataStart, Charset charset) {}

    /** Reads the header line (after any blank lines) and refuses the file as a whole when it is not a header. */
    static Header header(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            TextLines lines = new TextLines(in);
            TextLines.Line header = lines.next();
            while (header != null && header.text() != null && header.text().isBlank()) {
                header = lines.next();
            }
            if (header == null) {
                throw new MeasurementFormatException(file, "the file is empty: no header line", columnsRequired());
            }
            if (header.text() == null) {
                throw new MeasurementFormatException(
                        file, "line " + header.number() + ", the header: " + header.problem());
            }
            String first = header.text().strip();
            if (first.startsWith("{") || first.startsWith("[")) {
                throw new MeasurementFormatException(
                        file,
                        "not a measurement CSV: line " + header.number()
                                + " is JSON, not a header (M-Lab results are read as NDT)",
                        columnsRequired());
            }
            List<String> names;
            try {
                names = CsvFields.split(header.text());
            } catch (CsvFields.MalformedRow e) {
                throw new MeasurementFormatException(
                        file,
                        "not a measurement CSV: line " + header.number() + " is not a CSV header (" + e.getMessage()
                                + ")",
                        columnsRequired());
            }
            int[] position = new int[Column.values().length];
            Arrays.fill(position, -1);
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String key = key(names.get(i));
                Optional<Column> column = Arrays.stream(Column.values())
                        .filter(c -> c.matches(key))
                        .findFirst();
                if (column.isEmpty()) {
                    ignored.add(names.get(i));
                    continue;
                }
                int c = column.get().ordinal();
                if (position[c] >= 0) {
                    throw new MeasurementFormatException(
                            file,
                            "columns \"" + names.get(position[c]) + "\" and \"" + names.get(i) + "\" both give "
                                    + column.get().canonical() + "; keep one");
                }
                position[c] = i;
            }
            List<String> missing = new ArrayList<>();
            for (Column column : Column.values()) {
                if (column.required && position[column.ordinal()] < 0) {
                    missing.add(column.canonical());
                }
            }
            if (!missing.isEmpty()) {
                throw new MeasurementFormatException(
                        file,
                        "not a measurement CSV: the header lacks " + String.join(", ", missing) + " (found "
                                + abbreviate(header.text()) + ")",
                        missing);
            }
            return new Header(names.size(), position, ignored, header.number(), lines.bytesRead(), lines.decided());
        }
    }

    /** Reads one data row the general way: split into strings, each field parsed and worded when wrong. */
    static void row(TextLines.Line line, Header header, ImportTally tally) {
        row(line, header.width(), header.position(), tally);
    }

    private static void row(TextLines.Line line, int width, int[] position, ImportTally tally) {
        ImportSettings settings = tally.settings();
        try {
            List<String> fields = CsvFields.split(line.text());
            if (fields.size() != width) {
                throw new Fields.BadField("the row has " + fields.size() + " fields, the header " + width);
            }
            LocalDateTime time = Fields.time("time", field(fields, position, Column.TIME), settings.zone());
            String place = field(fields, position, Column.DIVISION);
            String division = place.isEmpty()
                    ? settings.defaultDivision()
                    : DivisionCodes.normalise(place)
                            .orElseThrow(() -> new Fields.BadField(
                                    "division: \"" + place + "\" is not a current GB/T 2260 code or province name"));
            String operator = field(fields, position, Column.OPERATOR);
            String technologyName = field(fields, position, Column.TECHNOLOGY);
            Technology technology = technologyName.isEmpty()
                    ? settings.defaultTechnology()
                    : Technology.parse(technologyName)
                            .orElseThrow(() -> new Fields.BadField("technology: \"" + technologyName
                                    + "\" is not one of FTTH, VDSL, ADSL, cable, 4G, 5G"));
            Measurement measurement = Measurement.of(
                    time,
                    division,
                    operator.isEmpty() ? settings.defaultOperator() : operator,
                    technology,
                    Fields.required("download_mbps", field(fields, position, Column.DOWNLOAD)),
                    Fields.decimal("upload_mbps", field(fields, position, Column.UPLOAD)),
                    Fields.decimal("latency_ms", field(fields, position, Column.LATENCY)),
                    Fields.loss("loss", field(fields, position, Column.LOSS)),
                    Fields.speed("plan_mbps", field(fields, position, Column.PLAN), false));
            tally.offer(line.number(), measurement);
        } catch (CsvFields.MalformedRow | Fields.BadField e) {
            tally.reject(line.number(), e.getMessage(), line.text());
        }
    }

    private static String field(List<String> fields, int[] position, Column column) {
        int at = position[column.ordinal()];
        return at < 0 ? "" : fields.get(at);
    }

    private static List<String> columnsRequired() {
        return Arrays.stream(Column.values())
                .filter(c -> c.required)
                .map(Column::canonical)
                .toList();
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
