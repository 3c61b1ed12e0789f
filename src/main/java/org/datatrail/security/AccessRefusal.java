package org.datatrail.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;

/**
 * The one wording of a refusal for want of a role, on every path (GraphQL fields, reports, uploads): who the caller
 * is, and the roles the refused thing needs, read from the refusal's own {@code @PreAuthorize} rule so the message
 * cannot drift from it.
 */
public final class AccessRefusal {

    private static final Pattern ROLE = Pattern.compile("'([A-Z_]+)'");

    private AccessRefusal() {
    }

    /** "Not allowed for an ANALYST caller: {what} needs an INVESTIGATOR or ADMIN token". */
    public static String message(AccessDeniedException denied, String what) {
        String role = Caller.current().map(c -> c.role().name()).orElse("unauthenticated");
        return "Not allowed for " + withArticle(role) + " caller: " + what + " needs " + withArticle(rolesNeeded(denied)) + " token";
    }

    /**
     * The roles the refused rule names ("INVESTIGATOR or ADMIN"); the writers' roles when the refusal does not carry its
     * rule.
     */
    static String rolesNeeded(AccessDeniedException denied) {
        if (denied instanceof AuthorizationDeniedException authorization
                && authorization.getAuthorizationResult() instanceof ExpressionAuthorizationDecision decision) {
            List<String> roles = new ArrayList<>();
            Matcher m = ROLE.matcher(decision.getExpression().getExpressionString());
            while (m.find()) {
                roles.add(m.group(1));
            }
            if (!roles.isEmpty()) {
                return roles.size() == 1 ? roles.getFirst() : String.join(", ", roles.subList(0, roles.size() - 1)) + " or " + roles.getLast();
            }
        }
        return "INVESTIGATOR or ADMIN";
    }

    /** "a JOURNALIST", "an ANALYST". */
    static String withArticle(String word) {
        return ("AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an " : "a ") + word;
    }
}
