package org.telereg.platform.filing;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the hex form of filed and proposed addresses written before the register kept it (migration V9), a
 * thousand rows per transaction and batched statement, once the platform is ready (it serves meanwhile).
 * Addresses that are not IP addresses keep none; the block search reads every such row apart, so it finds them
 * all the same.
 */
@Component
class FiledAddressBackfill {

    private static final Logger log = LoggerFactory.getLogger(FiledAddressBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transactions;

    FiledAddressBackfill(JdbcClient jdbc, JdbcTemplate template, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        int services = fill("filing_service_ip", "service_id");
        int applications = fill("filing_application_ip", "application_service_id");
        if (services + applications > 0) {
            log.info("Filled the hex form of {} filed and {} proposed service addresses", services, applications);
        }
    }

    /** Fills one table's rows; returns how many it filled. */
    int fill(String table, String owner) {
        // Counted by the index on the hex form, so that a start with nothing to fill reads no table.
        if (jdbc.sql("select count(*) from " + table + " where address_hex is null")
                        .query(Long.class)
                        .single()
                == 0) {
            return 0;
        }
        int filled = 0;
        // Rows that are not addresses stay null: past them by key, so that each batch reads new rows.
        long afterOwner = -1;
        String afterAddress = "";
        while (true) {
            List<Row> rows = jdbc.sql("select " + owner + ", address from " + table + " where address_hex is null"
                            + " and (" + owner + " > :owner or (" + owner + " = :owner and address > :address))"
                            + " order by " + owner + ", address limit " + BATCH)
                    .param("owner", afterOwner)
                    .param("address", afterAddress)
                    .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2)))
                    .list();
            if (rows.isEmpty()) {
                return filled;
            }
            List<Object[]> updates = new ArrayList<>();
            for (Row row : rows) {
                String hex = ServiceAddresses.hexOf(row.address());
                if (hex != null) {
                    updates.add(new Object[] {hex, row.owner(), row.address()});
                }
            }
            if (!updates.isEmpty()) {
                transactions.executeWithoutResult(status -> template.batchUpdate(
                        "update " + table + " set address_hex = ? where " + owner
                                + " = ? and address = ? and address_hex is null",
                        updates));
                filled += updates.size();
            }
            Row last = rows.get(rows.size() - 1);
            afterOwner = last.owner();
            afterAddress = last.address();
        }
    }

    private record Row(long owner, String address) {}
}
