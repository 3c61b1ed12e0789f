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
    private static final Resource SCRIPT = new ClassPathResource("graphiql/explorer.js");
    private static final Resource STYLE = new ClassPathResource("graphiql/explorer.css");

    @GetMapping({ "/graphiql", "/graphiql/" })
    ResponseEntity<Resource> explorer() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(PAGE);
    }

    // The page's own script and style are files, not inline: the Content-Security-Policy allows only the app's own files.
    @GetMapping("/graphiql/explorer.js")
    ResponseEntity<Resource> script() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript")).body(SCRIPT);
    }

    @GetMapping("/graphiql/explorer.css")
    ResponseEntity<Resource> style() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/css")).body(STYLE);
    }
}
