package io.shieldfab.gateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Locale;

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
    private final MeterRegistry meters;

    /** Which limit refused a request: the label of {@code shieldfab_rate_limit_refusals_total}. */
    public enum Limit { PER_KEY, FAILED_AUTH, SIGN_IN }

    public RateLimits(GatewayConfig config, MeterRegistry meters) {
        this.perKey = new RateLimiter(config.rateLimit().requestsPerMinute());
        this.failedAuthPerAddress = new RateLimiter(config.rateLimit().failedAuthPerMinute());
        this.signInsPerAddress = new RateLimiter(config.rateLimit().signInsPerMinute());
        this.meters = meters;
    }

    /** Counts a 429 (docs/operations.md, "Metrics"). */
    public void refused(Limit limit) {
        Counter.builder("shieldfab.rate.limit.refusals").description("Requests refused with 429 by a rate limit")
                .tag("limit", limit.name().toLowerCase(Locale.ROOT)).register(meters).increment();
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
