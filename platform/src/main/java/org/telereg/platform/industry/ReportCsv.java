package org.telereg.platform.industry;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** Reads a report CSV file into the rows {@link ReportRows} checks. */
final class ReportCsv {

    private ReportCsv() {}

    static ReportRows.Read read(String text, CatalogueVersion catalogue, ReportTemplate template) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text)) {
            Iterator<CsvRecord> records = reader.iterator();
            Iterator<ReportRows.Row> rows = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (CsvParseException e) {
                        throw new ReportRows.Unreadable("industry.upload.malformed", "malformed CSV");
                    }
                }

                @Override
                public ReportRows.Row next() {
                    try {
                        CsvRecord record = records.next();
                        return new ReportRows.Row(record.getStartingLineNumber(), record.getFields(), null);
                    } catch (CsvParseException e) {
                        throw new ReportRows.Unreadable("industry.upload.malformed", "malformed CSV");
                    }
                }
            };
            return ReportRows.read(rows, catalogue, template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
