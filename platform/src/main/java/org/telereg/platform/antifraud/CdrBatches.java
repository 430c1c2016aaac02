package org.telereg.platform.antifraud;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telereg.engine.fraud.CdrFiles;
import org.telereg.engine.fraud.CdrFormatException;
import org.telereg.engine.fraud.FeatureExtraction;
import org.telereg.engine.fraud.FeatureTable;
import org.telereg.engine.fraud.FraudFeatures;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.InputReport;
import org.telereg.engine.fraud.Verdict;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Operators' call-record batches: stored as uploaded (plain or gzip CSV), identified by batch id and
 * content hash, and scanned one at a time in the background by the fraud engine; every flagged
 * number becomes a suspect of the uploading operator.
 */
@Service
public class CdrBatches {

    private final JdbcClient jdbc;
    private final FraudDisposal disposal;
    private final NumberProfiles profiles;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;
    // One scan at a time: the engine already uses every core for one file.
    private final ExecutorService scanner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "cdr-scan");
        thread.setDaemon(true);
        return thread;
    });

    CdrBatches(
            JdbcClient jdbc,
            FraudDisposal disposal,
            NumberProfiles profiles,
            AuditTrail audit,
            Settings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.disposal = disposal;
        this.profiles = profiles;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Where batches are kept and how large one may be ({@code telereg.antifraud.batches.*}).
     *
     * @param storageDir the folder the uploaded files are kept in
     * @param maxBytes the largest file accepted
     */
    @org.springframework.boot.context.properties.ConfigurationProperties("telereg.antifraud.batches")
    record Settings(
            @org.springframework.boot.context.properties.bind.DefaultValue("./data/cdr")
            String storageDir,

            @org.springframework.boot.context.properties.bind.DefaultValue("4294967296")
            long maxBytes) {}

    /**
     * Stores an operator's batch and queues its scan; the same batch again returns the earlier one.
     *
     * @throws RejectedInputException for a missing batch id, an empty or oversized file, or a batch id
     *     already used for different content
     */
    @Transactional
    public BatchView upload(Actor actor, String batchId, String fileName, InputStream content) throws IOException {
        if (actor.role() != Role.OPERATOR || actor.scope().kind() != DataScope.Kind.ENTERPRISE) {
            throw new AccessDeniedException("only operators upload call records");
        }
        if (batchId == null || batchId.isBlank() || batchId.length() > 100) {
            throw RejectedInputException.of("batchId", "antifraud.batch.badBatchId", "1 to 100 characters");
        }
        String operator = actor.scope().creditCode();
        Path directory = Path.of(settings.storageDir(), operator);
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "upload", ".part");
        long size;
        String hash;
        try (InputStream in = content;
                DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256())) {
            size = copy(in, out);
            hash = HexFormat.of().formatHex(out.getMessageDigest().digest());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        if (size == 0 || size > settings.maxBytes()) {
            Files.deleteIfExists(temporary);
            throw size == 0
                    ? RejectedInputException.of("file", "antifraud.batch.empty.file", "the file is empty")
                    : RejectedInputException.of(
                            "file", "antifraud.batch.tooLarge", "larger than " + settings.maxBytes() + " bytes");
        }
        Optional<BatchView> earlier = jdbc.sql("select * from antifraud_batch where operator_credit_code = :operator"
                        + " and (batch_id = :batch or content_sha256 = :hash)")
                .param("operator", operator)
                .param("batch", batchId.strip())
                .param("hash", hash)
                .query((rs, n) -> toView(rs))
                .optional();
        if (earlier.isPresent()) {
            Files.deleteIfExists(temporary);
            String earlierHash = jdbc.sql("select content_sha256 from antifraud_batch where id = :id")
                    .param("id", earlier.get().id())
                    .query(String.class)
                    .single();
            if (!earlierHash.equals(hash)) {
                throw RejectedInputException.of(
                        "batchId", "antifraud.batch.reused", "batch id used for a different file");
            }
            return earlier.get();
        }
        Path stored = directory.resolve(hash + ".csv");
        Files.move(temporary, stored, StandardCopyOption.REPLACE_EXISTING);
        jdbc.sql("""
                insert into antifraud_batch (operator_credit_code, operator_name, batch_id, content_sha256, file_name,
                    size_bytes, stored_path, status, progress, uploaded_by, uploaded_at)
                values (:operator, :name, :batch, :hash, :file, :size, :path, 'QUEUED', 0, :by, :at)""")
                .param("operator", operator)
                .param("name", actor.organisationName())
                .param("batch", batchId.strip())
                .param("hash", hash)
                .param("file", fileName == null ? null : fileName.substring(0, Math.min(fileName.length(), 255)))
                .param("size", size)
                .param("path", stored.toString())
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        long id = lastId(operator, batchId.strip());
        BatchView view = find(actor.scope(), id).orElseThrow();
        audit.record("antifraud", "CdrBatch", Long.toString(id), "uploaded", null, view);
        scanAfterCommit(id);
        return view;
    }

    @Transactional(readOnly = true)
    public List<BatchView> list(DataScope scope, int limit) {
        var params = new java.util.HashMap<String, Object>();
        String where = switch (scope.kind()) {
            case ALL -> "";
            case ENTERPRISE -> {
                params.put("operator", scope.creditCode());
                yield " where operator_credit_code = :operator";
            }
            // Administrations see results through the suspects list; batches are operators' data.
            case PROVINCE, NONE -> " where 1 = 0";
        };
        return jdbc.sql("select * from antifraud_batch" + where + " order by id desc limit :limit")
                .params(params)
                .param("limit", limit)
                .query((rs, n) -> toView(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<BatchView> find(DataScope scope, long id) {
        return jdbc.sql("select * from antifraud_batch where id = :id")
                .param("id", id)
                .query((rs, n) -> new Object[] {rs.getString("operator_credit_code"), toView(rs)})
                .optional()
                .filter(row -> scope.kind() == DataScope.Kind.ALL
                        || (scope.kind() == DataScope.Kind.ENTERPRISE
                                && scope.creditCode().equals(row[0])))
                .map(row -> (BatchView) row[1]);
    }

    /** The numbers a scanned batch flagged, highest score first, when the scope covers the batch. */
    @Transactional(readOnly = true)
    public List<ScanResult> results(DataScope scope, long id, int limit) {
        if (find(scope, id).isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select r.number, r.score, r.reasons, c.id, c.status
                        from antifraud_scan_result r left join antifraud_case c on c.number = r.number
                        where r.batch_id = :id order by r.score desc, r.number limit :limit""")
                .param("id", id)
                .param("limit", limit)
                .query((rs, n) -> new ScanResult(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getString(3),
                        rs.getObject(4, Long.class),
                        rs.getString(5) == null ? null : CaseStatus.valueOf(rs.getString(5))))
                .list();
    }

    /** Batches a crash or restart left unscanned are scanned again at start-up. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        jdbc.sql("select id from antifraud_batch where status in ('QUEUED', 'SCANNING') order by id")
                .query(Long.class)
                .list()
                .forEach(id -> scanner.submit(() -> scan(id)));
    }

    @PreDestroy
    void stop() {
        scanner.shutdownNow();
    }

    private void scanAfterCommit(long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                scanner.submit(() -> scan(id));
            }
        });
    }

    /** Scores every subscriber of the batch with the standard model and registers the flagged ones. */
    void scan(long id) {
        var batch = jdbc.sql(
                        "select operator_credit_code, operator_name, stored_path from antifraud_batch where id = :id")
                .param("id", id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        setStatus(id, BatchStatus.SCANNING, null);
        FraudModel model = FraudModel.standard();
        int[] lastPercent = {-1};
        try {
            FeatureExtraction extraction = FraudFeatures.with(model.settings())
                    .withBadRowsToReport(20)
                    .withProgress((kind, read, total) -> {
                        int percent = total == 0 ? 0 : (int) Math.min(99, read * 100 / total);
                        if (percent != lastPercent[0]) {
                            lastPercent[0] = percent;
                            jdbc.sql("update antifraud_batch set progress = :p where id = :id")
                                    .param("p", percent)
                                    .param("id", id)
                                    .update();
                        }
                    })
                    .extract(CdrFiles.calls(Path.of(batch[2])));
            FeatureTable table = extraction.features();
            List<String> flagged = new ArrayList<>();
            for (int row = 0; row < table.size(); row++) {
                Verdict verdict = model.score(table, row);
                if (verdict.flagged()) {
                    flagged.add(table.subscriber(row));
                    BigDecimal score = BigDecimal.valueOf(verdict.score()).setScale(4, RoundingMode.HALF_UP);
                    disposal.registerSuspect(
                            new NewSuspect(table.subscriber(row), batch[0], batch[1], score, verdict.reasonCodes()));
                    jdbc.sql("insert into antifraud_scan_result (batch_id, number, score, reasons)"
                                    + " values (:batch, :number, :score, :reasons)")
                            .param("batch", id)
                            .param("number", table.subscriber(row))
                            .param("score", score)
                            .param("reasons", verdict.reasonCodes())
                            .update();
                }
            }
            profiles.record(id, Path.of(batch[2]), flagged, model.settings());
            jdbc.sql("""
                    update antifraud_batch set status = 'SCANNED', progress = 100, rows_read = :rows,
                        bad_rows = :bad, subscribers = :subscribers, flagged = :flagged, message = :message,
                        finished_at = :at where id = :id""")
                    .param("rows", extraction.rows())
                    .param("bad", extraction.badRows())
                    .param("subscribers", table.size())
                    .param("flagged", flagged.size())
                    .param("message", badRowSummary(extraction.inputs()))
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("id", id)
                    .update();
        } catch (CdrFormatException e) {
            setStatus(id, BatchStatus.REJECTED, e.getMessage());
        } catch (IOException | RuntimeException e) {
            setStatus(id, BatchStatus.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private void setStatus(long id, BatchStatus status, String message) {
        jdbc.sql("update antifraud_batch set status = :status, message = :message, finished_at = :at where id = :id")
                .param("status", status.name())
                .param("message", message == null ? null : message.substring(0, Math.min(message.length(), 4000)))
                .param(
                        "at",
                        status == BatchStatus.SCANNING ? null : clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    private static String badRowSummary(List<InputReport> inputs) {
        String summary = inputs.stream()
                .flatMap(input -> input.firstBadRows().stream())
                .map(Object::toString)
                .collect(Collectors.joining("\n"));
        return summary.isEmpty() ? null : summary.substring(0, Math.min(summary.length(), 4000));
    }

    private long lastId(String operator, String batchId) {
        return jdbc.sql("select id from antifraud_batch where operator_credit_code = :operator and batch_id = :batch")
                .param("operator", operator)
                .param("batch", batchId)
                .query(Long.class)
                .single();
    }

    private static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static BatchView toView(ResultSet rs) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        return new BatchView(
                rs.getLong("id"),
                rs.getString("operator_name"),
                rs.getString("batch_id"),
                rs.getString("file_name"),
                rs.getLong("size_bytes"),
                BatchStatus.valueOf(rs.getString("status")),
                rs.getInt("progress"),
                rs.getObject("rows_read", Long.class),
                rs.getObject("bad_rows", Long.class),
                rs.getObject("subscribers", Long.class),
                rs.getObject("flagged", Long.class),
                rs.getString("message"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
