package org.telereg.platform.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV download that Excel opens as it is: UTF-8 with a byte-order mark (without it Excel reads GBK
 * and garbles every Chinese cell), CRLF line ends, every cell quoted. A cell a spreadsheet would run
 * as a formula ({@code =}, {@code +}, {@code -}, {@code @}, tab, CR) gets a leading apostrophe: a listed
 * site's name is written by whoever runs the site.
 */
public final class CsvDownload {

    private final StringBuilder csv = new StringBuilder("\uFEFF");

    /** Appends a row; null cells are empty. */
    public CsvDownload row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            Object cell = cells.get(i);
            csv.append(CsvCells.quoted(cell == null ? null : cell.toString()));
        }
        csv.append("\r\n");
        return this;
    }

    /** The document as an attachment named {@code filename}. */
    public ResponseEntity<byte[]> response(String filename) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
