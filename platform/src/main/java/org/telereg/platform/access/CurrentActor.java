package org.telereg.platform.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, for code that has no controller parameter to take it from. */
public final class CurrentActor {

    private CurrentActor() {}

    /** The signed-in user or token holder; empty for anonymous requests. */
    public static Optional<Actor> get() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    static Optional<Actor> from(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        Object principal = authentication.getPrincipal();
        if (principal instanceof SignedInUser user) {
            return Optional.of(user.actor());
        }
        if (principal instanceof Actor actor) {
            return Optional.of(actor);
        }
        return Optional.empty();
    }
}
