package org.telereg.platform.filing.web;

import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.filing.FilingChanged;
import org.telereg.platform.filing.NewWebhook;
import org.telereg.platform.filing.WebhookCreated;
import org.telereg.platform.filing.WebhookDeliveryView;
import org.telereg.platform.filing.WebhookSubscriptions;
import org.telereg.platform.filing.WebhookView;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** 变更订阅: an organisation's webhook subscriptions, the secret shown once, the delivery log and redelivery. */
@Controller
@RequestMapping("/console/filing/webhooks")
class WebhookConsoleController {

    private static final int PAGE_SIZE = 20;

    private final WebhookSubscriptions subscriptions;

    WebhookConsoleController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("webhooks", subscriptions.list(actor));
        model.addAttribute("canSubscribe", WebhookSubscriptions.canSubscribe(actor));
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("changes", FilingChanged.Change.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewWebhook("https://", List.of(), List.of()));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/webhooks/list";
    }

    @PostMapping
    String subscribe(
            Actor actor,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> provinces,
            @RequestParam(required = false) List<String> changes,
            Model model,
            RedirectAttributes redirect) {
        NewWebhook form = new NewWebhook(url, provinces, changes);
        try {
            WebhookCreated created = subscriptions.subscribe(actor, form);
            redirect.addFlashAttribute("secret", created.secret());
            return "redirect:/console/filing/webhooks/" + created.webhook().id();
        } catch (RejectedInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return list(actor, model);
        }
    }

    @GetMapping("/{id}")
    String detail(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        WebhookView webhook = subscriptions.find(actor, id).orElseThrow(WebhookConsoleController::notFound);
        model.addAttribute("webhook", webhook);
        model.addAttribute("canSubscribe", WebhookSubscriptions.canSubscribe(actor));
        model.addAttribute(
                "deliveries", subscriptions.deliveries(actor, id, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
        return "filing/webhooks/detail";
    }

    @PostMapping("/{id}/suspend")
    String suspend(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        subscriptions.suspend(actor, id);
        redirect.addFlashAttribute("done", "suspended");
        return "redirect:/console/filing/webhooks/" + id;
    }

    @PostMapping("/{id}/resume")
    String resume(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        subscriptions.resume(actor, id);
        redirect.addFlashAttribute("done", "resumed");
        return "redirect:/console/filing/webhooks/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        subscriptions.delete(actor, id);
        redirect.addFlashAttribute("done", "deleted");
        return "redirect:/console/filing/webhooks";
    }

    @PostMapping("/deliveries/{deliveryId}/redeliver")
    String redeliver(Actor actor, @PathVariable long deliveryId, RedirectAttributes redirect) {
        WebhookDeliveryView delivery = subscriptions.redeliver(actor, deliveryId);
        redirect.addFlashAttribute("done", "redelivered");
        return "redirect:/console/filing/webhooks/" + delivery.webhookId();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
