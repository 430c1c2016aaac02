package org.telereg.platform.spam;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Reports extends ListCrudRepository<Report, Long> {

    Optional<Report> findByTrackingNumber(String trackingNumber);

    boolean existsByTrackingNumber(String trackingNumber);

    /** The first accepted report of the same party and content within the window, if any. */
    @Query("select * from spam_report where fingerprint = :fingerprint and received_at >= :since"
            + " and status <> 'DUPLICATE' order by id limit 1")
    Optional<Report> firstSince(String fingerprint, Instant since);
}
