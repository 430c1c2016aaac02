package org.telereg.platform.filing;

/**
 * A new subscription with its signing secret, which is shown this once.
 *
 * @param webhook the subscription
 * @param secret the key of the X-TeleReg-Signature HMAC
 */
public record WebhookCreated(WebhookView webhook, String secret) {}
