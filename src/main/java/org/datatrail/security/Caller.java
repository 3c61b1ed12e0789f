package org.datatrail.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who made a request: a role and the label of the token used (never the token itself). The audit trail
 * records both.
 */
public record Caller(Role role, String label) {

    /** The caller of a request without a token. */
    public static final Caller ANONYMOUS = new Caller(Role.JOURNALIST, "anonymous");

    /** The application itself, e.g. loading the seed on first start or from the command line. */
    public static Caller system(String what) {
        return new Caller(Role.ADMIN, "system:" + what);
    }

    /** The caller of the current request, if it was authenticated by {@link BearerTokenFilter}. */
    public static Optional<Caller> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
