package org.telereg.platform.console;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.RejectedInputException;

/**
 * RFC 9457 {@code application/problem+json} for every REST API error, with a field-level list
 * ({@code errors: [{field, code, message}]}) when input was refused.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RejectedInputException.class)
    ProblemDetail rejected(RejectedInputException e) {
        return fieldProblems(e.problems());
    }

    @ExceptionHandler(InvalidValueException.class)
    ProblemDetail invalid(InvalidValueException e) {
        return fieldProblems(List.of(new FieldProblem(null, e.code(), e.arguments(), e.getMessage())));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, text("api.notFound", e.getMessage()));
        problem.setTitle("Not Found");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, text("api.forbidden", e.getMessage()));
        problem.setTitle("Forbidden");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(
                        error.getField(),
                        error.getCode(),
                        error.getArguments() == null ? new Object[0] : error.getArguments(),
                        error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(fieldProblems(problems));
    }

    private ProblemDetail fieldProblems(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, text("api.invalid", null));
        problem.setTitle("Invalid input");
        problem.setType(URI.create("urn:telereg:problem:invalid-input"));
        Locale locale = LocaleContextHolder.getLocale();
        problem.setProperty("errors", ProblemErrors.ofFields(problems, messages, locale));
        return problem;
    }

    private String text(String code, String fallback) {
        return messages.getMessage(code, null, fallback == null ? code : fallback, LocaleContextHolder.getLocale());
    }
}
