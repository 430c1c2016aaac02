package org.telereg.platform.spam.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.shared.ChartData;
import org.telereg.platform.shared.CsvCells;
import org.telereg.platform.spam.Bulletins;
import org.telereg.platform.spam.MonthlyBulletin;
import org.telereg.platform.spam.ReportCategory;
import org.telereg.platform.spam.ReportChannel;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monthly bulletin: the console version names the most reported numbers, the public version on
 * the portal masks them, and the CSV carries the operator figures.
 */
@Controller
class BulletinController {

    private final Bulletins bulletins;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    BulletinController(Bulletins bulletins, MessageSource messages, JsonMapper json, Clock clock) {
        this.bulletins = bulletins;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/console/spam/bulletin")
    String console(@RequestParam(required = false) String month, Model model) {
        return page(month, false, model);
    }

    @GetMapping("/public/reports/bulletin")
    String published(@RequestParam(required = false) String month, Model model) {
        return page(month, true, model);
    }

    @GetMapping("/console/spam/bulletin.csv")
    void csv(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        YearMonth parsed = parse(month);
        if (parsed == null) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "month must look like 2026-11");
            return;
        }
        MonthlyBulletin bulletin = bulletins.of(parsed);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"bulletin-" + bulletin.month() + ".csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        // One tidy table for every part of the bulletin: the section says what the item is; the handling
        // columns are filled for operators only.
        out.println("month,section,item,reports,answered,answered_in_time,handling_rate,average_hours");
        bulletin.byCategory().forEach((category, n) -> row(out, bulletin, "category", category.name(), n));
        bulletin.byChannel().forEach((channel, n) -> row(out, bulletin, "channel", channel.name(), n));
        for (MonthlyBulletin.OperatorHandling o : bulletin.operators()) {
            out.printf(
                    Locale.ROOT,
                    "%s,operator,%s,%d,%d,%d,%.4f,%.1f%n",
                    bulletin.month(),
                    CsvCells.quoted(o.operatorName()),
                    o.routed(),
                    o.answered(),
                    o.answeredInTime(),
                    o.handlingRate(),
                    o.averageHours());
        }
        bulletin.topParties().forEach(p -> row(out, bulletin, "party", p.party(), p.reports()));
        bulletin.topKeywords().forEach(k -> row(out, bulletin, "keyword", k.terms(), k.reports()));
        out.flush();
    }

    private static void row(PrintWriter out, MonthlyBulletin bulletin, String section, String item, long reports) {
        out.printf(Locale.ROOT, "%s,%s,%s,%d,,,,%n", bulletin.month(), section, CsvCells.quoted(item), reports);
    }

    private String page(String month, boolean published, Model model) {
        YearMonth parsed = parse(month);
        model.addAttribute("monthInvalid", parsed == null);
        MonthlyBulletin bulletin = bulletins.of(parsed == null ? YearMonth.now(clock) : parsed);
        model.addAttribute("bulletin", bulletin);
        model.addAttribute("published", published);
        model.addAttribute(
                "parties",
                published
                        ? bulletin.topParties().stream()
                                .map(p -> new MonthlyBulletin.ReportedParty(PhoneNumbers.mask(p.party()), p.reports()))
                                .toList()
                        : bulletin.topParties());
        model.addAttribute(
                "categoryChart",
                json.writeValueAsString(new ChartData(
                        Arrays.stream(ReportCategory.values())
                                .map(c -> text("spam.category." + c))
                                .toList(),
                        List.of(new ChartData.Series(
                                text("spam.bulletin.reports"),
                                Arrays.stream(ReportCategory.values())
                                        .map(c -> bulletin.byCategory().getOrDefault(c, 0L))
                                        .toList())))));
        model.addAttribute(
                "channelChart",
                json.writeValueAsString(new ChartData(
                        Arrays.stream(ReportChannel.values())
                                .map(c -> text("spam.channel." + c))
                                .toList(),
                        List.of(new ChartData.Series(
                                text("spam.bulletin.reports"),
                                Arrays.stream(ReportChannel.values())
                                        .map(c -> bulletin.byChannel().getOrDefault(c, 0L))
                                        .toList())))));
        return published ? "spam/bulletin-public" : "spam/bulletin";
    }

    /** The requested month, the current one when none is given, or null when it is malformed. */
    private YearMonth parse(String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.now(clock);
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
