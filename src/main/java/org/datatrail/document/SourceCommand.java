package org.datatrail.document;

import static picocli.CommandLine.ExitCode.OK;
import static picocli.CommandLine.ExitCode.SOFTWARE;
import static picocli.CommandLine.ExitCode.USAGE;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.datatrail.security.Caller;
import org.datatrail.system.DataDirectoryException;
import org.datatrail.system.SpringArguments;
import org.datatrail.system.StandardOutput;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code source attach}: attaches documents to sources and checks every quote that cites them. It adds to an existing
 * case, so a data dir that holds no database is refused; standard output carries its result lines alone.
 */
@Command(name = "source", description = "Works on sources; source attach attaches their documents.", subcommands = SourceCommand.Attach.class)
public final class SourceCommand implements Callable<Integer> {

    static final String USAGE_LINE = "source: usage: source attach <source id> <file> | source attach --dir <folder> "
            + "(files named <source id>.txt, .html or .pdf)";

    @Override
    public Integer call() {
        System.err.println(USAGE_LINE);
        return USAGE;
    }

    /** {@code source attach <source id> <file>} or {@code source attach --dir <folder>}. */
    @Command(name = "attach", description = "Attaches a document to a source, or a folder's documents to the sources they are named after, "
            + "and checks every quote citing them against the text.")
    static final class Attach implements Callable<Integer> {

        @Parameters(index = "0", arity = "0..1", paramLabel = "<source id>", description = "the source to attach <file> to")
        private String source;

        @Parameters(index = "1", arity = "0..1", paramLabel = "<file>", description = "a .txt, .html or .pdf file")
        private String file;

        @Option(names = "--dir", paramLabel = "<folder>", description = "attach every file in <folder> named <source id>.txt, .html or .pdf")
        private String dir;

        private final SpringArguments spring;

        Attach(SpringArguments spring) {
            this.spring = spring;
        }

        @Override
        public Integer call() {
            boolean one = source != null && file != null && dir == null;
            boolean folder = source == null && dir != null;
            if (!(one || folder)) {
                System.err.println(USAGE_LINE);
                return USAGE;
            }
            // attaching adds to an existing case: a data dir with no database (a mistyped path) is refused, never given a new one
            return StandardOutput.dataOnly(data -> {
                try (ConfigurableApplicationContext context = spring.startOnExistingDatabase()) {
                    DocumentAttach documents = context.getBean(DocumentAttach.class);
                    Caller caller = Caller.system("source attach");
                    List<DocumentAttach.Attached> attached = one ? List.of(documents.attachFile(source, Path.of(file), caller))
                            : documents.attachFolder(Path.of(dir), caller);
                    for (DocumentAttach.Attached a : attached) {
                        data.printf("source attach: %s %s (sha256 %s, %,d characters); %d quotes checked, %d not found%n", a.source(),
                                a.changed() ? "attached" : "unchanged (this document was already attached)", a.sha256(), a.characters(),
                                a.quotesChecked(), a.quotesNotFound().size());
                        a.quotesNotFound().forEach(q -> data.printf("  not found: fact %s: \"%s\"%n", q.fact(), q.quote()));
                    }
                    return OK;
                }
                catch (DocumentRefusedException e) {
                    System.err.println("source attach: refused: " + e.getMessage());
                    return USAGE;
                }
                catch (RuntimeException e) {
                    var refusal = DataDirectoryException.NoDatabase.in(e);
                    System.err.println("source attach: " + refusal.map(Throwable::getMessage).orElseGet(() -> "failed: " + SpringArguments.rootMessage(e)));
                    return refusal.isPresent() ? USAGE : SOFTWARE;
                }
            });
        }
    }
}
