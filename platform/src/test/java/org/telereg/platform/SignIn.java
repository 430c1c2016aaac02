package org.telereg.platform;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.CurrentActor;

/** Requests made as one of the demo accounts, with its real role, organisation and data scope. */
public final class SignIn {

    private SignIn() {}

    public static RequestPostProcessor as(UserDetailsService users, String username) {
        return user(users.loadUserByUsername(username));
    }

    /**
     * Signs the demo account in on the current thread, for calling facades directly, and returns its
     * actor; pair with {@link #signOut()} after the test.
     */
    public static Actor actor(UserDetailsService users, String username) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(users.loadUserByUsername(username), null, List.of()));
        SecurityContextHolder.setContext(context);
        return CurrentActor.get().orElseThrow();
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
