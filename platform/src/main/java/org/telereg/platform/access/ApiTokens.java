package org.telereg.platform.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface ApiTokens extends ListCrudRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findAllByOrderByCreatedAtDesc();

    List<ApiToken> findAllByOrganisationIdOrderByCreatedAtDesc(long organisationId);

    @Modifying
    @Query("update access_api_token set last_used_at = :at where id = :id")
    void markUsed(long id, Instant at);
}
