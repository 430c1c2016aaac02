package org.telereg.platform.spam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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
        String hash = sha256(screenshot.bytes());
        Path file = file(hash);
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                // Written beside the target, then moved: a crash never leaves half a file under the name.
                Path temporary = Files.createTempFile(file.getParent(), hash, ".part");
                Files.write(temporary, screenshot.bytes());
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store attachment under " + file, e);
        }
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

    /** The stored bytes and type of one attachment of the report. */
    Optional<Content> content(long reportId, long attachmentId) {
        return jdbc.sql("select content_type, sha256 from spam_attachment where id = :id and report_id = :report")
                .param("id", attachmentId)
                .param("report", reportId)
                .query((rs, n) -> new Content(rs.getString(1), file(rs.getString(2))))
                .optional();
    }

    record Content(String contentType, Path file) {}

    private Path file(String hash) {
        return Path.of(settings.attachmentsDir()).resolve(hash.substring(0, 2)).resolve(hash);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
