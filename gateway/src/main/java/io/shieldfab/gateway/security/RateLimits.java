package io.shieldfab.gateway.security;

import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's rate limits (docs/operations.md, "Rate limits"): requests per API key, API and portal alike;
 * failed authentications per client address (wrong or missing keys, refused sign-ins), so keys cannot be
 * guessed at speed; portal sign-ins per client address.
 */
@ApplicationScoped
public class RateLimits {

    private final RateLimiter perKey;
    private final RateLimiter failedAuthPerAddress;
    private final RateLimiter signInsPerAddress;

    public RateLimits(GatewayConfig config) {
        this.perKey = new RateLimiter(config.rateLimit().requestsPerMinute());
        this.failedAuthPerAddress = new RateLimiter(config.rateLimit().failedAuthPerMinute());
        this.signInsPerAddress = new RateLimiter(config.rateLimit().signInsPerMinute());
    }

    public RateLimiter perKey() {
        return perKey;
    }

    public RateLimiter failedAuthPerAddress() {
        return failedAuthPerAddress;
    }

    public RateLimiter signInsPerAddress() {
        return signInsPerAddress;
    }
}
