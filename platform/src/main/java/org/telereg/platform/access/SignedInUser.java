package org.telereg.platform.access;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a console session: Spring's user plus the TeleReg actor. */
class SignedInUser extends User {

    private final Actor actor;

    SignedInUser(UserAccount account, Actor actor, boolean locked) {
        super(
                account.username(),
                account.passwordHash(),
                account.enabled(),
                true,
                true,
                !locked,
                List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.actor = actor;
    }

    Actor actor() {
        return actor;
    }
}
