package org.datatrail.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the GraphiQL explorer at {@code /graphiql} from the app's own files: the page in
 * {@code graphiql/index.html} and its scripts from WebJars, so it works on an air-gapped laptop (Spring for
 * GraphQL's built-in page loads GraphiQL from a CDN and is left switched off). A public deployment can
 * switch it off with {@code datatrail.graphiql.enabled=false}.
 */
@Controller
@ConditionalOnProperty(name = "datatrail.graphiql.enabled", havingValue = "true", matchIfMissing = true)
final class GraphiqlController {

    private static final Resource PAGE = new ClassPathResource("graphiql/index.html");

    @GetMapping({ "/graphiql", "/graphiql/" })
    ResponseEntity<Resource> explorer() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }
}
