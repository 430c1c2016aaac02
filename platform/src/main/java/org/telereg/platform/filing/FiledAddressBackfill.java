package org.telereg.platform.filing;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the hex form of filed and proposed addresses written before the register kept it (migration V9), a
 * thousand rows per transaction, when the platform starts. Addresses that are not IP addresses keep none; the
 * block search reads every such row apart, so it finds them all the same.
 */
@Component
class FiledAddressBackfill {

    private static final Logger log = LoggerFactory.getLogger(FiledAddressBackfill.class);
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    FiledAddressBackfill(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
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
            Integer done = transactions.execute(status -> {
                int updated = 0;
                for (Row row : rows) {
                    String hex = ServiceAddresses.hexOf(row.address());
                    if (hex != null) {
                        updated += jdbc.sql("update " + table + " set address_hex = :hex where " + owner
                                        + " = :owner and address = :address and address_hex is null")
                                .param("hex", hex)
                                .param("owner", row.owner())
                                .param("address", row.address())
                                .update();
                    }
                }
                return updated;
            });
            filled += done == null ? 0 : done;
            Row last = rows.get(rows.size() - 1);
            afterOwner = last.owner();
            afterAddress = last.address();
        }
    }

    private record Row(long owner, String address) {}
}
