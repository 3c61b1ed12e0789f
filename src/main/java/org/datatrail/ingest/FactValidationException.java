package org.datatrail.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** The input was refused; nothing was written. Carries every problem found, not just the first. */
public final class FactValidationException extends RuntimeException {

    private final List<Problem> problems;

    public FactValidationException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + "; nothing was written:\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
