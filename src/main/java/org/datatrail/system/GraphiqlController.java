package org.datatrail.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the GraphiQL explorer at {@code /graphiql} from the app's own files: the page in
 * {@code static/graphiql/} and its scripts from WebJars, so it works on an air-gapped laptop (Spring for
 * GraphQL's built-in page loads GraphiQL from a CDN and is left switched off).
 */
@Controller
final class GraphiqlController {

    @GetMapping({ "/graphiql", "/graphiql/" })
    String explorer() {
        return "forward:/graphiql/index.html";
    }
}
