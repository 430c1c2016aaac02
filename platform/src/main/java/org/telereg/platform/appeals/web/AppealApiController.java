package org.telereg.platform.appeals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.telereg.platform.access.Actor;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.appeals.AppealStatus;
import org.telereg.platform.appeals.AppealView;

/** Operators' systems fetch the appeals served on them and respond. */
@RestController
@RequestMapping("/api/v1/appeals")
@Tag(name = "用户申诉 appeals", description = "Appeals served on an operator, and its responses")
@PreAuthorize("hasRole('OPERATOR')")
class AppealApiController {

    private final AppealDesk desk;

    AppealApiController(AppealDesk desk) {
        this.desk = desk;
    }

    /** An appeal as served on the operator. */
    record Served(
            String trackingNumber,
            String complainantName,
            String complainantPhone,
            String provinceCode,
            String subject,
            String request,
            String facts,
            String occurredOn,
            String responseDeadline) {}

    record Response(String response) {}

    @GetMapping
    @Operation(summary = "Appeals awaiting the operator's response, oldest deadline first")
    List<Served> served(Actor actor) {
        return desk.search(actor.scope(), AppealStatus.ACCEPTED, false, PageRequest.of(0, 500)).getContent().stream()
                .sorted(java.util.Comparator.comparing(AppealView::responseDeadline))
                .map(a -> desk.read(actor, a.id()).orElseThrow())
                .map(a -> new Served(
                        a.trackingNumber(),
                        a.complainantName(),
                        a.complainantPhone(),
                        a.provinceCode(),
                        a.subject().name(),
                        a.request(),
                        a.facts(),
                        a.occurredOn().toString(),
                        a.responseDeadline().toString()))
                .toList();
    }

    @PostMapping("/{trackingNumber}/response")
    @Operation(summary = "Respond to an appeal served on the operator")
    AppealStatus respond(Actor actor, @PathVariable String trackingNumber, @RequestBody Response body) {
        AppealView appeal = desk.track(trackingNumber)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no appeal " + trackingNumber));
        try {
            return desk.respond(actor, appeal.id(), body == null ? null : body.response())
                    .status();
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no appeal " + trackingNumber);
        }
    }
}
