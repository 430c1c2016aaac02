package org.telereg.platform.spam;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.shared.StoredFiles;

/** Stores screenshots as files named by their hash and records them against their report. */
@Component
class Attachments {

    private final JdbcClient jdbc;
    private final SpamSettings settings;

    Attachments(JdbcClient jdbc, SpamSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    void store(long reportId, Screenshot screenshot) {
        String hash = StoredFiles.store(settings.attachmentsDir(), screenshot.bytes());
        jdbc.sql("insert into spam_attachment (report_id, file_name, content_type, size_bytes, sha256)"
                        + " values (:report, :name, :type, :size, :hash)")
                .param("report", reportId)
                .param("name", screenshot.fileName())
                .param("type", screenshot.contentType())
                .param("size", screenshot.bytes().length)
                .param("hash", hash)
                .update();
    }

    List<AttachmentView> of(long reportId) {
        return jdbc.sql("select id, report_id, file_name, content_type, size_bytes from spam_attachment"
                        + " where report_id = :report order by id")
                .param("report", reportId)
                .query((rs, n) -> new AttachmentView(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** The stored file and type of one attachment of the report. */
    Optional<ScreenshotFile> content(long reportId, long attachmentId) {
        return jdbc.sql("select content_type, sha256 from spam_attachment where id = :id and report_id = :report")
                .param("id", attachmentId)
                .param("report", reportId)
                .query((rs, n) -> new ScreenshotFile(
                        rs.getString(1), StoredFiles.path(settings.attachmentsDir(), rs.getString(2))))
                .optional();
    }
}
