package org.telereg.platform.access;

import java.time.Clock;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.audit.AuditTrail;

/** Counts consecutive wrong passwords and locks the account after too many. */
@Component
class LoginAttempts {

    private final UserAccounts accounts;
    private final AccessSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    LoginAttempts(UserAccounts accounts, AccessSettings settings, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(AuthenticationFailureBadCredentialsEvent failure) {
        accounts.findByUsername(failure.getAuthentication().getName()).ifPresent(account -> {
            UserAccount updated =
                    account.withFailedAttempt(settings.maxFailedLogins(), clock.instant(), settings.lockout());
            accounts.save(updated);
            if (updated.lockedUntil() != null && !updated.lockedUntil().equals(account.lockedUntil())) {
                audit.record(
                        "access",
                        "User",
                        account.username(),
                        "locked",
                        Map.of("locked", false),
                        Map.of(
                                "locked",
                                true,
                                "lockedUntil",
                                updated.lockedUntil().toString()));
            }
        });
    }

    @EventListener
    @Transactional
    void on(AuthenticationSuccessEvent success) {
        if (success.getAuthentication().getPrincipal() instanceof SignedInUser) {
            accounts.findByUsername(success.getAuthentication().getName())
                    .filter(account -> account.failedAttempts() > 0 || account.lockedUntil() != null)
                    .ifPresent(account -> accounts.save(account.withSuccessfulLogin()));
        }
    }
}
