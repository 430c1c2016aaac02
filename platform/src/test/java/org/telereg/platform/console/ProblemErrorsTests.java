package org.telereg.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.LineError;

class ProblemErrorsTests {

    private final StaticMessageSource messages = new StaticMessageSource();

    ProblemErrorsTests() {
        messages.addMessage("invalid.tooLong", Locale.SIMPLIFIED_CHINESE, "不能超过 {0} 个字符");
        messages.addMessage("invalid.tooLong", Locale.ENGLISH, "must be at most {0} characters");
    }

    @Test
    void aRefusedLineNamesItsLineFieldAndCodeWithTheMessageInTheRequestLanguage() {
        LineError error = new LineError(7, "name", "invalid.tooLong", new Object[] {200}, "is too long");

        assertThat(ProblemErrors.ofLines(List.of(error), messages, Locale.SIMPLIFIED_CHINESE))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.keySet()).containsExactly("line", "field", "code", "message");
                    assertThat(entry)
                            .containsEntry("line", 7L)
                            .containsEntry("field", "name")
                            .containsEntry("code", "invalid.tooLong")
                            .containsEntry("message", "不能超过 200 个字符");
                });
        assertThat(ProblemErrors.ofLines(List.of(error), messages, Locale.ENGLISH))
                .singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("message", "must be at most 200 characters"));
    }

    @Test
    void aWholeFileErrorLeavesOutTheFieldAndFallsBackToTheEnglishText() {
        LineError error = new LineError(0, null, "entity.import.unknownThing", new Object[0], "file is empty");

        assertThat(ProblemErrors.ofLines(List.of(error), messages, Locale.SIMPLIFIED_CHINESE))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.keySet()).containsExactly("line", "code", "message");
                    assertThat(entry).containsEntry("line", 0L).containsEntry("message", "file is empty");
                });
    }

    @Test
    void aRefusedFieldOfAFormHasNoLine() {
        FieldProblem problem = new FieldProblem("name", "invalid.tooLong", new Object[] {200}, "is too long");

        assertThat(ProblemErrors.ofFields(List.of(problem), messages, Locale.ENGLISH))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.keySet()).containsExactly("field", "code", "message");
                    assertThat(entry).containsEntry("message", "must be at most 200 characters");
                });
    }
}
