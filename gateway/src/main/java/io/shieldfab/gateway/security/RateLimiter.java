package io.shieldfab.gateway.security;

import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-API-key token bucket: {@code requestsPerMinute} tokens, refilled continuously, one per
 * request. Kept per replica (each replica enforces the limit for the traffic it sees); the
 * headers follow the IETF RateLimit header fields draft ({@code RateLimit-Limit},
 * {@code RateLimit-Remaining}, {@code RateLimit-Reset}).
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * @param remaining         whole tokens left after this request
     * @param resetSeconds      seconds until the bucket is full again
     * @param retryAfterSeconds when refused: seconds until one token is back
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final int capacity;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(GatewayConfig config) {
        this.capacity = Math.max(1, config.rateLimit().requestsPerMinute());
        this.tokensPerNano = capacity / 60e9;
    }

    public Decision take(String keyDigest) {
        return buckets.computeIfAbsent(keyDigest, k -> new Bucket(capacity, System.nanoTime())).take(System.nanoTime());
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized Decision take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
            boolean allowed = tokens >= 1.0;
            if (allowed) {
                tokens -= 1.0;
            }
            long reset = (long) Math.ceil((capacity - tokens) / tokensPerNano / 1e9);
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1.0 - tokens) / tokensPerNano / 1e9));
            return new Decision(allowed, capacity, (int) Math.floor(tokens), reset, retryAfter);
        }
    }
}
