package org.datatrail.security;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Query.viewer: the caller's role as the token filter decided it, so that a page can hide what the caller
 * may not do. Hiding is only a courtesy: the mutations check the role themselves.
 */
@Controller
class ViewerController {

    /** The answer of Query.viewer. */
    record Viewer(String role, boolean mayRecord) {
    }

    @QueryMapping
    Viewer viewer() {
        Role role = Caller.current().map(Caller::role).orElse(Role.JOURNALIST);
        return new Viewer(role.name(), role.mayWrite());
    }
}
