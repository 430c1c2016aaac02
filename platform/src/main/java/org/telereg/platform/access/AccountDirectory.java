package org.telereg.platform.access;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads console users with their organisation, role and data scope. */
@Component
class AccountDirectory implements UserDetailsService {

    private final UserAccounts accounts;
    private final Organisations organisations;
    private final Clock clock;

    AccountDirectory(UserAccounts accounts, Organisations organisations, Clock clock) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account =
                accounts.findByUsername(username.strip()).orElseThrow(() -> new UsernameNotFoundException(username));
        Organisation organisation =
                organisations.findById(account.organisationId()).orElseThrow();
        return new SignedInUser(account, actorOf(account, organisation), account.lockedAt(clock.instant()));
    }

    static Actor actorOf(UserAccount account, Organisation organisation) {
        return new Actor(
                account.username(),
                account.displayName(),
                account.role(),
                organisation.id(),
                organisation.name(),
                scopeOf(account.role(), organisation));
    }

    /** The data scope follows from the role and the organisation; nothing wider is ever granted. */
    static DataScope scopeOf(Role role, Organisation organisation) {
        return switch (role) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER, AUDITOR -> DataScope.all();
            case PROVINCIAL_OFFICER ->
                organisation.provinceCode() == null
                        ? DataScope.none()
                        : DataScope.province(organisation.provinceCode());
            case OPERATOR, ACCESS_PROVIDER ->
                organisation.creditCode() == null ? DataScope.none() : DataScope.enterprise(organisation.creditCode());
        };
    }
}
