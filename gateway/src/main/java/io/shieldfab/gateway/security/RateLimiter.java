package io.shieldfab.gateway.security;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by name (an API key's digest, a client address): {@code perMinute} tokens, refilled continuously,
 * one per request. Kept per replica (each replica enforces the limit for the traffic it sees); the decision
 * carries what the IETF RateLimit header fields draft sends ({@code RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset}). {@link RateLimits} holds the gateway's buckets.
 */
public class RateLimiter {

    /**
     * @param remaining         whole tokens left after this request
     * @param resetSeconds      seconds until the bucket is full again
     * @param retryAfterSeconds when refused: seconds until one token is back
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    /**
     * Buckets kept before full ones are dropped: a bucket that has refilled holds nothing worth keeping, and
     * without the sweep one client with many addresses (an IPv6 /64) could grow the map without bound.
     */
    static final int SWEEP_ABOVE = 10_000;

    private final int capacity;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute) {
        this.capacity = Math.max(1, perMinute);
        this.tokensPerNano = capacity / 60e9;
    }

    /** Takes one token from {@code name}'s bucket if there is one. */
    public Decision take(String name) {
        long now = System.nanoTime();
        sweepWhenLarge(now);
        return buckets.computeIfAbsent(name, k -> new Bucket(capacity, now)).take(now, true);
    }

    /** Whether {@code name}'s bucket has a token, without taking it. */
    public Decision peek(String name) {
        Bucket bucket = buckets.get(name);
        return bucket == null ? new Decision(true, capacity, capacity, 0, 0) : bucket.take(System.nanoTime(), false);
    }

    public int capacity() {
        return capacity;
    }

    private void sweepWhenLarge(long now) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.fullAt(now));
        }
    }

    private final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean fullAt(long now) {
            return tokens + (now - last) * tokensPerNano >= capacity;
        }

        synchronized Decision take(long now, boolean consume) {
            tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
            last = now;
            boolean allowed = tokens >= 1.0;
            if (allowed && consume) {
                tokens -= 1.0;
            }
            long reset = (long) Math.ceil((capacity - tokens) / tokensPerNano / 1e9);
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1.0 - tokens) / tokensPerNano / 1e9));
            return new Decision(allowed, capacity, (int) Math.floor(tokens), reset, retryAfter);
        }
    }
}
