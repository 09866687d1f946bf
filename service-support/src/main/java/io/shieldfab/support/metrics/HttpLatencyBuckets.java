package io.shieldfab.support.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Set;

/**
 * Histogram buckets for Quarkus' HTTP server and client timers ({@code http_server_requests_seconds_bucket},
 * {@code http_client_requests_seconds_bucket}), so that the dashboard can show latency percentiles per route and per
 * called service (docs/operations.md, "Metrics"): without them the timers export only a count and a sum. A dozen
 * fixed buckets from 5 ms to 30 s, the same in every service.
 */
@Singleton
public class HttpLatencyBuckets {

    private static final Set<String> HTTP_TIMERS = Set.of("http.server.requests", "http.client.requests");
    private static final double[] BUCKETS_S = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

    @Produces
    @Singleton
    public MeterFilter httpLatencyBuckets() {
        double[] nanos = new double[BUCKETS_S.length];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = Duration.ofMillis(Math.round(BUCKETS_S[i] * 1000)).toNanos();
        }
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return HTTP_TIMERS.contains(id.getName())
                        ? DistributionStatisticConfig.builder().serviceLevelObjectives(nanos).build().merge(config)
                        : config;
            }
        };
    }
}
