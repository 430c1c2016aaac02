package org.telereg.platform.filing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.filing.NewWebhook;
import org.telereg.platform.filing.WebhookCreated;
import org.telereg.platform.filing.WebhookDeliveryView;
import org.telereg.platform.filing.WebhookSubscriptions;
import org.telereg.platform.filing.WebhookView;

/** Webhook subscriptions to the filing change feed for an organisation's systems (API token or session). */
@RestController
@RequestMapping("/api/v1/filing/webhooks")
@Tag(name = "备案变更订阅 filing webhooks", description = "Subscribe a receiver to signed filing change events")
class WebhookApiController {

    private final WebhookSubscriptions subscriptions;

    WebhookApiController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    record DeliveryPage(List<WebhookDeliveryView> deliveries, int page, int size, long total) {}

    @GetMapping
    @Operation(summary = "The organisation's subscriptions")
    List<WebhookView> list(Actor actor) {
        return subscriptions.list(actor);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Subscribe an https URL, optionally only for some provinces and kinds of change; the answer"
                    + " holds the signing secret, shown this once")
    WebhookCreated subscribe(Actor actor, @RequestBody(required = false) NewWebhook input) {
        return subscriptions.subscribe(actor, input == null ? new NewWebhook(null, null, null) : input);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription")
    WebhookView one(Actor actor, @PathVariable long id) {
        return subscriptions.find(actor, id).orElseThrow(() -> new NoSuchElementException("subscription " + id));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a subscription; its pending deliveries are dropped")
    void delete(Actor actor, @PathVariable long id) {
        subscriptions.delete(actor, id);
    }

    @PostMapping("/{id}/suspend")
    @Operation(summary = "Stop deliveries until resumed")
    WebhookView suspend(Actor actor, @PathVariable long id) {
        return subscriptions.suspend(actor, id);
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a suspended subscription; waiting deliveries go out at the next round")
    WebhookView resume(Actor actor, @PathVariable long id) {
        return subscriptions.resume(actor, id);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The subscription's delivery log, newest first")
    DeliveryPage deliveries(
            Actor actor,
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Page<WebhookDeliveryView> found =
                subscriptions.deliveries(actor, id, FilingQueryApiController.pageable(page, size));
        return new DeliveryPage(found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @PostMapping("/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again, attempts counted afresh")
    WebhookDeliveryView redeliver(Actor actor, @PathVariable long deliveryId) {
        return subscriptions.redeliver(actor, deliveryId);
    }
}
