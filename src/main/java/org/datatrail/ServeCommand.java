package org.datatrail;

import java.util.concurrent.Callable;

import org.datatrail.system.SpringArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/** {@code serve}, or no command at all: starts the web application, which runs on after the command returns. */
@Command(name = "serve", description = "Starts the web application (the workbench, the GraphQL API and the reports on :8080); the same as "
        + "no command.")
final class ServeCommand implements Callable<ConfigurableApplicationContext> {

    private final SpringArguments spring;

    ServeCommand(SpringArguments spring) {
        this.spring = spring;
    }

    @Override
    public ConfigurableApplicationContext call() {
        return SpringApplication.run(DataTrailApplication.class, spring.args().toArray(String[]::new));
    }
}
