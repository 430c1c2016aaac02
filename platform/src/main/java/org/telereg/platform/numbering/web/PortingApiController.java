package org.telereg.platform.numbering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.numbering.CarrierAnswer;
import org.telereg.platform.numbering.Carriers;
import org.telereg.platform.numbering.Eligibility;
import org.telereg.platform.numbering.NewPortOrder;
import org.telereg.platform.numbering.NewRestriction;
import org.telereg.platform.numbering.ObstructionIndex;
import org.telereg.platform.numbering.OperatorObstruction;
import org.telereg.platform.numbering.PortOrderSearch;
import org.telereg.platform.numbering.PortOrderView;
import org.telereg.platform.numbering.PortOrders;
import org.telereg.platform.numbering.PortRestrictions;
import org.telereg.platform.numbering.PortStatus;
import org.telereg.platform.numbering.PortabilityRules;
import org.telereg.platform.numbering.RestrictionKind;
import org.telereg.platform.numbering.RestrictionView;
import org.telereg.platform.numbering.SmsCommands;
import org.telereg.platform.numbering.SmsReply;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Number portability over the API: carrier lookups for anyone's systems, eligibility, the donor's
 * restrictions and SMS gateway, the recipient's port orders, and the obstruction index.
 */
@RestController
@RequestMapping("/api/v1/numbers")
@Tag(name = "携号转网 number portability", description = "Carrier on a date, eligibility, SMS commands, port orders")
class PortingApiController {

    private final Carriers carriers;
    private final PortabilityRules rules;
    private final PortRestrictions restrictions;
    private final SmsCommands sms;
    private final PortOrders orders;
    private final ObstructionIndex obstruction;
    private final MessageSource messages;
    private final Clock clock;

    PortingApiController(
            Carriers carriers,
            PortabilityRules rules,
            PortRestrictions restrictions,
            SmsCommands sms,
            PortOrders orders,
            ObstructionIndex obstruction,
            MessageSource messages,
            Clock clock) {
        this.carriers = carriers;
        this.rules = rules;
        this.restrictions = restrictions;
        this.sms = sms;
        this.orders = orders;
        this.obstruction = obstruction;
        this.messages = messages;
        this.clock = clock;
    }

    /** A bulk lookup: the numbers and, optionally, the date. */
    record CarrierLookup(List<String> numbers, String date) {}

    /** A text the SMS gateway received from a subscriber. */
    record SmsCommand(String from, String text) {}

    /** A reason a number may not port, in both languages. */
    record Reason(String code, String zh, String en) {}

    /** An eligibility answer with every reason. */
    record EligibilityAnswer(
            String number, boolean eligible, String carrierCreditCode, String carrierName, List<Reason> reasons) {}

    /** Why an order is cancelled or refused. */
    record Closing(String reason, String note) {}

    @GetMapping("/{number}/carrier")
    @Operation(
            summary = "The operator carrying a mobile number: now, or at the start of a date (Beijing time)",
            description = "The recipient of the last port that took effect by then, else the block holder."
                    + " 404 when no block holds the number; 400 naming `number` or `date` when malformed.")
    CarrierAnswer carrier(@PathVariable String number, @RequestParam(required = false) String date) {
        FieldProblems problems = new FieldProblems();
        String mobile = mobile(problems, "number", number);
        Instant at = instant(problems, date);
        problems.throwIfAny();
        CarrierAnswer answer = carriers.carrierAt(mobile, at);
        if (!answer.known()) {
            throw new NoSuchElementException("no block holds " + mobile);
        }
        return answer;
    }

    @PostMapping("/carriers")
    @Operation(
            summary = "The carriers of many mobile numbers at once (at most telereg.numbering.portability.bulk-max)",
            description = "Answers in the order given; a number no block holds is answered with known=false."
                    + " Any malformed number is refused as `numbers[i]` and nothing is answered.")
    List<CarrierAnswer> carriers(@RequestBody CarrierLookup lookup) {
        FieldProblems problems = new FieldProblems();
        if (lookup == null || lookup.numbers() == null || lookup.numbers().isEmpty()) {
            throw RejectedInputException.of("numbers", "invalid.required", "is required");
        }
        if (lookup.numbers().size() > carriers.bulkMax()) {
            throw RejectedInputException.of(
                    "numbers",
                    "numbering.invalid.tooMany",
                    "more than " + carriers.bulkMax() + " numbers",
                    carriers.bulkMax());
        }
        List<String> numbers = new ArrayList<>(lookup.numbers().size());
        for (int i = 0; i < lookup.numbers().size(); i++) {
            numbers.add(mobile(problems, "numbers[" + i + "]", lookup.numbers().get(i)));
        }
        Instant at = instant(problems, lookup.date());
        problems.throwIfAny();
        return carriers.carriersAt(numbers, at);
    }

    @GetMapping("/{number}/eligibility")
    @Operation(summary = "Whether a mobile number may port now, with every reason that applies (zh and en)")
    EligibilityAnswer eligibility(Actor actor, @PathVariable String number) {
        FieldProblems problems = new FieldProblems();
        String mobile = mobile(problems, "number", number);
        problems.throwIfAny();
        Eligibility eligibility = rules.check(mobile, clock.instant());
        // Arrears and registration are the carrier's facts about its subscriber: not for its competitors.
        if (!regulator(actor)
                && !actor.scope().covers(null, eligibility.carrier().carrierCreditCode())) {
            throw new AccessDeniedException("eligibility is for regulators and the operator carrying the number");
        }
        return new EligibilityAnswer(
                mobile,
                eligibility.eligible(),
                eligibility.carrier().carrierCreditCode(),
                eligibility.carrier().carrierName(),
                eligibility.reasons().stream()
                        .map(r -> new Reason(
                                r.name(),
                                messages.getMessage(r.messageKey(), null, Locale.SIMPLIFIED_CHINESE),
                                messages.getMessage(r.messageKey(), null, Locale.ENGLISH)))
                        .toList());
    }

    @GetMapping("/{number}/restrictions")
    @Operation(summary = "The arrears and contracts recorded on a number (operators see their own)")
    List<RestrictionView> restrictions(DataScope scope, @PathVariable String number) {
        FieldProblems problems = new FieldProblems();
        String mobile = mobile(problems, "number", number);
        problems.throwIfAny();
        return restrictions.of(scope, mobile);
    }

    @PutMapping("/{number}/restrictions/{kind}")
    @Operation(
            summary = "Record arrears (ARREARS) or a contract in term (CONTRACT) on a number the caller carries",
            description = "Idempotent: the same body again changes nothing. Body {amount, endsOn, note}, all optional:"
                    + " amount in yuan for arrears, endsOn (yyyy-MM-dd) for a contract.")
    RestrictionView record(
            Actor actor,
            @PathVariable String number,
            @PathVariable RestrictionKind kind,
            @RequestBody(required = false) NewRestriction body) {
        return restrictions.record(actor, number, kind, body == null ? new NewRestriction(null, null, null) : body);
    }

    @DeleteMapping("/{number}/restrictions/{kind}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Clear arrears or a contract (settled, released); clearing twice is harmless")
    void clear(Actor actor, @PathVariable String number, @PathVariable RestrictionKind kind) {
        restrictions.clear(actor, number, kind);
    }

    @PostMapping("/sms-commands")
    @Operation(
            summary = "A text a subscriber sent to the donor's portability SMS number; answers the reply to send",
            description = "For the SMS gateway of the operator carrying `from`. CXXZ#姓名#证件号码 answers eligibility,"
                    + " SQXZ#姓名#证件号码 an authorisation code. Reply in Chinese unless Accept-Language asks otherwise.")
    SmsReply smsCommand(Actor actor, @RequestBody SmsCommand command) {
        if (command == null) {
            throw RejectedInputException.of("from", "invalid.required", "is required");
        }
        return sms.handle(actor, command.from(), command.text(), LocaleContextHolder.getLocale());
    }

    @PostMapping("/port-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Submit a port order as recipient: number, authCode, name, documentNumber, provinceCode",
            description = "Takes effect at the next whole hour, Beijing time (an order at 10:00:00 → 11:00)."
                    + " 400 naming every refused field and every eligibility reason.")
    PortOrderView submit(Actor actor, @RequestBody NewPortOrder order) {
        if (order == null) {
            throw RejectedInputException.of("number", "invalid.required", "is required");
        }
        return orders.submit(actor, order);
    }

    @GetMapping("/port-orders")
    @Operation(summary = "Port orders within the caller's scope (operators: as donor or recipient), newest first")
    List<PortOrderView> list(
            DataScope scope,
            @RequestParam(required = false) PortStatus status,
            @RequestParam(required = false) String number,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        String mobile = null;
        if (number != null && !number.isBlank()) {
            FieldProblems problems = new FieldProblems();
            mobile = mobile(problems, "number", number);
            problems.throwIfAny();
        }
        return orders.search(
                        scope,
                        new PortOrderSearch(status, null, mobile, null, null),
                        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)))
                .getContent();
    }

    @GetMapping("/port-orders/{id}")
    @Operation(summary = "One port order within the caller's scope")
    PortOrderView order(DataScope scope, @PathVariable long id) {
        return orders.find(scope, id).orElseThrow(() -> new NoSuchElementException("no order " + id));
    }

    @PostMapping("/port-orders/{id}/cancel")
    @Operation(summary = "Cancel a scheduled order before its hour (the recipient or a regulator)")
    PortOrderView cancel(Actor actor, @PathVariable long id, @RequestBody(required = false) Closing closing) {
        return orders.cancel(actor, id, closing == null ? null : closing.note());
    }

    @PostMapping("/port-orders/{id}/refusal")
    @Operation(
            summary = "Refuse a scheduled order before its hour (the donor), with a reason",
            description = "reason: ARREARS, CONTRACT, IDENTITY_MISMATCH, NOT_NORMAL or OTHER (then a note).")
    PortOrderView refuse(Actor actor, @PathVariable long id, @RequestBody(required = false) Closing closing) {
        return orders.refuse(
                actor, id, closing == null ? null : closing.reason(), closing == null ? null : closing.note());
    }

    @GetMapping("/obstruction-index")
    @Operation(summary = "Operators ranked by the obstruction index over a period (default the last 90 days)")
    List<OperatorObstruction> obstructionIndex(
            Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!regulator(actor)) {
            throw new AccessDeniedException("the obstruction index is for regulators");
        }
        FieldProblems problems = new FieldProblems();
        LocalDate today = LocalDate.now(clock.withZone(Carriers.CHINA));
        LocalDate first = problems.date("from", from, false);
        LocalDate last = problems.date("to", to, false);
        problems.throwIfAny();
        LocalDate end = last == null ? today : last;
        LocalDate start = first == null ? end.minusDays(89) : first;
        if (start.isAfter(end)) {
            throw RejectedInputException.of("from", "numbering.invalid.period", "after the end of the period");
        }
        return obstruction.rank(Carriers.startOf(start), Carriers.startOf(end.plusDays(1)));
    }

    private static boolean regulator(Actor actor) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER, PROVINCIAL_OFFICER, AUDITOR -> true;
            default -> false;
        };
    }

    private static String mobile(FieldProblems problems, String field, String text) {
        String mobile = Carriers.mobile(text);
        if (mobile == null) {
            problems.reject(field, "numbering.invalid.mobile", "not an 11-digit mobile number");
        }
        return mobile;
    }

    private Instant instant(FieldProblems problems, String date) {
        LocalDate day = problems.date("date", date, false);
        return day == null ? clock.instant() : Carriers.startOf(day);
    }
}
