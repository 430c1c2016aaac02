package org.telereg.engine.broadband;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads Ofcom's home broadband panel (2013 and 2014 layouts as exported from R): one row per household with its
 * 24-hour and 8–10 pm weekday means. The file holds no dates, so every row gets the panel date the caller gives.
 */
final class OfcomPanelReader {

    /** The columns used, each with the names the 2013 and 2014 files give it. */
    private enum Column {
        ISP("ISP"),
        TECHNOLOGY("Technology"),
        HEADLINE_SPEED("Headline.speed"),
        DOWNLOAD_24H("Download.speed..Mbit.s..24.hour", "Download.speed..Mbit.s..24.hrs"),
        DOWNLOAD_PEAK("Download.speed..Mbit.s..8.10pm.weekday"),
        UPLOAD_24H("Upload.speed..Mbit.s.24.hour"),
        LATENCY_24H("Latency..ms.24.hour"),
        LOSS_24H("Packet.loss....24.hour");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    private OfcomPanelReader() {}

    static ImportReport read(Path file, LocalDate panelDate, ImportSettings settings, Consumer<Measurement> sink)
            throws IOException {
        ImportTally tally = new ImportTally(MeasurementFormat.OFCOM_PANEL, file, settings, sink);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            TextLines lines = new TextLines(in);
            TextLines.Line header = lines.next();
            if (header == null || header.text() == null || header.text().isBlank()) {
                throw new MeasurementFormatException(file, "the file is empty: no header line");
            }
            List<String> names;
            try {
                names = CsvFields.split(header.text());
            } catch (CsvFields.MalformedRow e) {
                throw new MeasurementFormatException(file, "line 1, the header: " + e.getMessage());
            }
            int[] position = new int[Column.values().length];
            Arrays.fill(position, -1);
            List<String> missing = new ArrayList<>();
            for (Column column : Column.values()) {
                for (int i = 0; i < names.size(); i++) {
                    if (column.names.contains(names.get(i))) {
                        position[column.ordinal()] = i;
                    }
                }
                if (position[column.ordinal()] < 0) {
                    missing.add(column.names.get(0));
                }
            }
            if (!missing.isEmpty()) {
                throw new MeasurementFormatException(
                        file, "not an Ofcom panel file: the header lacks " + String.join(", ", missing), missing);
            }
            for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (line.text() == null) {
                    tally.reject(line.number(), line.problem(), "");
                } else if (!line.text().isBlank()) {
                    row(line, names.size(), position, panelDate, tally);
                }
            }
            return tally.report(lines.charset(), List.of());
        }
    }

    private static void row(TextLines.Line line, int width, int[] position, LocalDate panelDate, ImportTally tally) {
        ImportSettings settings = tally.settings();
        try {
            List<String> fields = CsvFields.split(line.text());
            if (fields.size() != width) {
                throw new Fields.BadField("the row has " + fields.size() + " fields, the header " + width);
            }
            String isp = fields.get(position[Column.ISP.ordinal()]);
            Measurement measurement = new Measurement(
                    panelDate.atStartOfDay(),
                    settings.defaultDivision(),
                    isp,
                    technology(fields.get(position[Column.TECHNOLOGY.ordinal()]), isp),
                    Fields.required("Download 24 hour", fields.get(position[Column.DOWNLOAD_24H.ordinal()])),
                    Fields.decimal("Upload 24 hour", fields.get(position[Column.UPLOAD_24H.ordinal()])),
                    Fields.decimal("Latency 24 hour", fields.get(position[Column.LATENCY_24H.ordinal()])),
                    Fields.loss("Packet loss 24 hour", fields.get(position[Column.LOSS_24H.ordinal()])),
                    Fields.speed("Headline.speed", fields.get(position[Column.HEADLINE_SPEED.ordinal()]), true),
                    Fields.decimal("Download 8-10pm weekday", fields.get(position[Column.DOWNLOAD_PEAK.ordinal()])));
            tally.offer(line.number(), measurement);
        } catch (CsvFields.MalformedRow | Fields.BadField e) {
            tally.reject(line.number(), e.getMessage(), line.text());
        }
    }

    // 2013 writes FTTx for both fibre kinds and puts FTTC or FTTP in the ISP column of those households.
    private static Technology technology(String name, String isp) throws Fields.BadField {
        if (name.equals("FTTx")) {
            return isp.equals("FTTP") ? Technology.FIBRE : Technology.VDSL;
        }
        return Technology.parse(name)
                .orElseThrow(() -> new Fields.BadField("Technology: \"" + name + "\" is not a known technology"));
    }
}
