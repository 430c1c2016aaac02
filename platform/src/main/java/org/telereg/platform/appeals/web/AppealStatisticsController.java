package org.telereg.platform.appeals.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.appeals.AppealStatistics;
import org.telereg.platform.appeals.AppealSubject;
import org.telereg.platform.appeals.Quarter;
import org.telereg.platform.shared.ChartData;
import org.telereg.platform.shared.RejectedInputException;
import tools.jackson.databind.json.JsonMapper;

/** Appeal statistics: the console's quarterly figures with trends and supervision tasks, and the public report. */
@Controller
class AppealStatisticsController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The current month, the last complete one and the twelve before it (that month a year earlier). */
    private static final int TREND_MONTHS = 14;

    private final AppealStatistics statistics;
    private final MessageSource messages;
    private final JsonMapper json;

    AppealStatisticsController(AppealStatistics statistics, MessageSource messages, JsonMapper json) {
        this.statistics = statistics;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/console/appeals/statistics")
    String console(Actor actor, @RequestParam(required = false) String quarter, Model model) {
        if (actor.role() == Role.OPERATOR || actor.role() == Role.ACCESS_PROVIDER) {
            throw new AccessDeniedException("appeal statistics are the regulator's");
        }
        page(quarter, model);
        model.addAttribute("selfPath", "/console/appeals/statistics");
        model.addAttribute("tasks", statistics.tasks(actor.scope()));
        model.addAttribute("keepsCounts", actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER);
        return "appeals/statistics";
    }

    @GetMapping("/public/appeals/report")
    String published(@RequestParam(required = false) String quarter, Model model) {
        page(quarter, model);
        model.addAttribute("selfPath", "/public/appeals/report");
        return "appeals/report-public";
    }

    @PostMapping("/console/appeals/statistics/users")
    String importUsers(Actor actor, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            statistics.importUserCounts(actor, file.getBytes());
            redirect.addFlashAttribute("message", "appeals.userCounts.imported");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("importProblems", e.problems());
        }
        return "redirect:/console/appeals/statistics";
    }

    @PostMapping("/console/appeals/statistics/spikes")
    String detect(Actor actor, RedirectAttributes redirect) {
        if (actor.role() != Role.MINISTRY_ADMIN && actor.role() != Role.MINISTRY_OFFICER) {
            throw new AccessDeniedException("the ministry runs the detector on demand");
        }
        statistics.detectSpikes();
        redirect.addFlashAttribute("message", "appeals.spikes.checked");
        return "redirect:/console/appeals/statistics";
    }

    private void page(String quarter, Model model) {
        LocalDate today = LocalDate.now(CHINA);
        Quarter shown;
        try {
            shown = quarter == null || quarter.isBlank() ? Quarter.of(today) : Quarter.parse(quarter);
            model.addAttribute("quarterInvalid", false);
        } catch (IllegalArgumentException e) {
            shown = Quarter.of(today);
            model.addAttribute("quarterInvalid", true);
        }
        AppealStatistics.QuarterReport report = statistics.quarter(shown);
        model.addAttribute("report", report);
        model.addAttribute("categories", AppealSubject.Category.values());
        model.addAttribute("previousQuarter", shown.previous());
        model.addAttribute(
                "operatorChart",
                json.writeValueAsString(new ChartData(
                        report.operators().stream()
                                .map(AppealStatistics.OperatorFigures::operatorName)
                                .toList(),
                        Arrays.stream(AppealSubject.Category.values())
                                .map(c -> new ChartData.Series(
                                        text("appeals.category." + c),
                                        report.operators().stream()
                                                .map(o -> o.byCategory().getOrDefault(c, 0L))
                                                .toList()))
                                .toList())));
        Map<YearMonth, Map<AppealSubject.Category, Long>> monthly =
                statistics.monthly(YearMonth.from(today), TREND_MONTHS);
        model.addAttribute(
                "trendChart",
                json.writeValueAsString(new ChartData(
                        monthly.keySet().stream().map(YearMonth::toString).toList(),
                        Arrays.stream(AppealSubject.Category.values())
                                .map(c -> new ChartData.Series(
                                        text("appeals.category." + c),
                                        monthly.values().stream()
                                                .map(m -> m.getOrDefault(c, 0L))
                                                .toList()))
                                .toList())));
        // The changes compare the last complete month with the one before and with the same month a year before.
        List<YearMonth> months = List.copyOf(monthly.keySet());
        YearMonth complete = months.get(months.size() - 2);
        long last = total(monthly.get(complete));
        long before = total(monthly.get(months.get(months.size() - 3)));
        long yearAgo = total(monthly.get(months.get(0)));
        model.addAttribute("monthShown", complete);
        model.addAttribute("monthTotal", last);
        model.addAttribute("monthOverMonth", before == 0 ? null : (last - before) * 100.0 / before);
        model.addAttribute("monthOverYear", yearAgo == 0 ? null : (last - yearAgo) * 100.0 / yearAgo);
    }

    private static long total(Map<AppealSubject.Category, Long> month) {
        return month.values().stream().mapToLong(Long::longValue).sum();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
