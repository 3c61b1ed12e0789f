package org.datatrail;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * DataTrail: where did people's personal data go? Starts the web application, or runs one command
 * (e.g. {@code seed --dir seed/}) and exits.
 */
// Callers are known by bearer tokens (org.datatrail.security); Boot's default in-memory user would only
// print a password nobody can use.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class DataTrailApplication {

    public static void main(String[] args) {
        DataTrailCommand.Outcome outcome = DataTrailCommand.run(args);
        if (outcome.server() == null) {
            System.exit(outcome.exitCode());
        }
    }
}
