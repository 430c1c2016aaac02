package org.telereg.platform.antifraud.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.antifraud.CaseStatus;
import org.telereg.platform.antifraud.FraudDisposal;
import org.telereg.platform.antifraud.StreamedVerdicts;
import org.telereg.platform.shared.ChartData;
import org.telereg.platform.shared.ProvinceFigure;

/** Suspected and confirmed numbers by province, operator and day, within the user's scope. */
@Controller
@RequestMapping("/console/antifraud/dashboard")
class FraudDashboardController {

    /** How far back the daily chart looks. */
    private static final int DAYS = 30;

    /** How many rejected lines of the suspects topic the dashboard lists. */
    private static final int REJECTED_SHOWN = 20;

    private final FraudDisposal disposal;
    private final StreamedVerdicts streamed;
    private final MessageSource messages;
    private final Clock clock;

    FraudDashboardController(FraudDisposal disposal, StreamedVerdicts streamed, MessageSource messages, Clock clock) {
        this.disposal = disposal;
        this.streamed = streamed;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String dashboard(DataScope scope, Model model) {
        // The topic carries the whole country's verdicts: its figures are the ministry's.
        if (scope.kind() == DataScope.Kind.ALL) {
            StreamedVerdicts.TopicStatus topic = streamed.status(REJECTED_SHOWN);
            if (topic.consuming() || topic.imported() > 0 || topic.rejectedLines() > 0) {
                model.addAttribute("topic", topic);
            }
        }
        return "antifraud/dashboard";
    }

    @GetMapping("/provinces")
    @ResponseBody
    List<ProvinceFigure> provinces(DataScope scope) {
        return ProvinceFigure.of(disposal.countByProvince(scope));
    }

    /** Per operator: numbers awaiting judgement, on the blocklist, and closed. */
    @GetMapping("/operators")
    @ResponseBody
    ChartData operators(DataScope scope) {
        Map<String, Map<CaseStatus, Long>> counts = disposal.countByOperatorAndStatus(scope);
        List<String> operators = new ArrayList<>(counts.keySet());
        List<Long> suspected = new ArrayList<>();
        List<Long> blocked = new ArrayList<>();
        List<Long> closed = new ArrayList<>();
        for (String operator : operators) {
            long s = 0;
            long b = 0;
            long c = 0;
            for (Map.Entry<CaseStatus, Long> entry : counts.get(operator).entrySet()) {
                if (entry.getKey().blocked()) {
                    b += entry.getValue();
                } else if (entry.getKey().closed()) {
                    c += entry.getValue();
                } else {
                    s += entry.getValue();
                }
            }
            suspected.add(s);
            blocked.add(b);
            closed.add(c);
        }
        return new ChartData(
                operators,
                List.of(
                        new ChartData.Series(text("antifraud.dashboard.suspected"), suspected),
                        new ChartData.Series(text("antifraud.dashboard.blocked"), blocked),
                        new ChartData.Series(text("antifraud.dashboard.closed"), closed)));
    }

    @GetMapping("/daily")
    @ResponseBody
    ChartData daily(DataScope scope) {
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(DAYS - 1L);
        Map<LocalDate, Long> detected = disposal.detectedPerDay(scope, from);
        List<String> days = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(day.toString().substring(5));
            values.add(detected.getOrDefault(day, 0L));
        }
        return new ChartData(days, List.of(new ChartData.Series(text("antifraud.dashboard.detected"), values)));
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, locale);
    }
}
