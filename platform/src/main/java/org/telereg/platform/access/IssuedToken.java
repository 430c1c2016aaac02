package org.telereg.platform.access;

import java.time.Instant;

/**
 * A newly issued API token. The secret is shown once and never stored; only its hash is.
 *
 * @param id the token's id, for revoking it
 * @param secret the bearer token an operator system sends as {@code Authorization: Bearer …}
 * @param expiresAt when it stops working
 */
public record IssuedToken(long id, String secret, Instant expiresAt) {}
