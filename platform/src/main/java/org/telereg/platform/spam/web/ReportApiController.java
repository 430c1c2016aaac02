package org.telereg.platform.spam.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.spam.NewReport;
import org.telereg.platform.spam.OperatorAnswer;
import org.telereg.platform.spam.ReportChannel;
import org.telereg.platform.spam.ReportDesk;
import org.telereg.platform.spam.ReportStatus;
import org.telereg.platform.spam.ReportView;

/** Reports through the API: partners submit, the SMS gateway relays 12321 messages, operators answer. */
@RestController
@RequestMapping("/api/v1/spam")
@Tag(name = "垃圾短信与不良信息举报 spam", description = "12321-style reports: intake, operator queue, answers")
class ReportApiController {

    private final ReportDesk desk;

    ReportApiController(ReportDesk desk) {
        this.desk = desk;
    }

    @PostMapping("/reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a report")
    ReportView submit(@RequestBody NewReport report) {
        return desk.submit(ReportChannel.API, report);
    }

    /** An SMS to 12321 as the gateway received it. */
    record Sms(String from, String text) {}

    @PostMapping("/sms")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('OPERATOR', 'MINISTRY_ADMIN')")
    @Operation(summary = "SMS gateway: relay a message sent to 12321 in the form <sender number>*<content>")
    ReportView sms(@RequestBody Sms sms) {
        return desk.submitSms(sms.from(), sms.text());
    }

    @PostMapping(path = "/eml", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a spam e-mail from its .eml file, as forwarded to the 12321 mailbox")
    ReportView eml(@RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return desk.submitEmail(file.getBytes());
    }

    @GetMapping("/reports")
    @Operation(summary = "Reports the caller may see, newest first; an operator sees its own queue")
    List<ReportView> queue(
            DataScope scope,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return desk.search(scope, status, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)))
                .getContent();
    }

    /** What the operator did. */
    record Answer(OperatorAnswer action, String note) {}

    @PostMapping("/reports/{id}/answer")
    @Operation(summary = "Answer a report routed to the caller's enterprise")
    ReportView answer(Actor actor, @PathVariable long id, @RequestBody Answer answer) {
        return desk.answer(actor, id, answer.action(), answer.note());
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail conflict(IllegalStateException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }
}
