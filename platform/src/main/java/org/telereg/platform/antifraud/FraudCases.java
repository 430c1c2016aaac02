package org.telereg.platform.antifraud;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;

interface FraudCases extends ListCrudRepository<FraudCase, Long> {

    Optional<FraudCase> findByNumber(String number);

    List<FraudCase> findByStatusAndVerificationDeadlineBefore(CaseStatus status, Instant deadline);
}
