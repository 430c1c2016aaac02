package org.telereg.platform.shared;

import java.util.List;

/** Input refused field by field; nothing was written. */
public class RejectedInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public RejectedInputException(List<FieldProblem> problems) {
        super(problems.stream()
                .map(p -> p.field() + ": " + p.defaultMessage())
                .reduce((a, b) -> a + "; " + b)
                .orElse("rejected"));
        this.problems = List.copyOf(problems);
    }

    /** Input refused for one reason on one field. */
    public static RejectedInputException of(String field, String code, String defaultMessage, Object... arguments) {
        return new RejectedInputException(List.of(new FieldProblem(field, code, arguments, defaultMessage)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
