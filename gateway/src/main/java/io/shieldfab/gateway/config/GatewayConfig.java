package io.shieldfab.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Gateway settings (prefix {@code shieldfab}); defaults documented in application.properties. */
@ConfigMapping(prefix = "shieldfab")
public interface GatewayConfig {

    /** Data folder of the embedded database (and of anything else kept on disk locally). */
    @WithName("data-dir")
    String dataDir();

    /**
     * Accepted API keys (from {@code SHIELDFAB_API_KEYS}, comma-separated), each {@code secret} or
     * {@code name=secret}: they submit designs and read and change their own artefacts.
     */
    @WithName("api-keys")
    Optional<List<String>> apiKeys();

    /**
     * Approver keys (from {@code SHIELDFAB_APPROVER_KEYS}, same form): they read, approve and release the recipes
     * of every key; a key in both lists has both rights (docs/operations.md, "Keys, scopes and names").
     */
    @WithName("approver-keys")
    Optional<List<String>> approverKeys();

    /**
     * The gateway's public base URL (e.g. {@code https://shieldfab.example.com}) that {@code Location} headers are
     * built from; unset, the address the request reached the gateway at. Never a service's internal address.
     */
    @WithName("public-base-url")
    Optional<String> publicBaseUrl();

    /**
     * Revoked API keys, as lower-case hex SHA-256 digests of the keys (from {@code SHIELDFAB_REVOKED_API_KEYS},
     * comma-separated): refused with 401 even while still listed in {@link #apiKeys()}. Digests, not keys, so the
     * revocation list is no secret and can be built from a handoff's owner hash (docs/operations.md).
     */
    @WithName("revoked-api-keys")
    Optional<List<String>> revokedApiKeys();

    /** Base URLs of the downstream services. */
    Services services();

    /** Timeouts of the forwarding route. */
    Proxy proxy();

    /** Background work on handoffs. */
    Handoff handoff();

    /** Idempotency-Key records. */
    Idempotency idempotency();

    /** Webhooks to {@code callbackUrl}. */
    Webhook webhook();

    /** Per-API-key rate limit. */
    @WithName("rate-limit")
    RateLimit rateLimit();

    /** The web portal served at {@code /}. */
    Portal portal();

    /** Largest design document accepted by validate and handoffs, bytes (1 MiB). */
    @WithName("max-design-bytes")
    @WithDefault("1048576")
    long maxDesignBytes();

    /** Largest body forwarded to a service (a design plus its layout), bytes (4 MiB). */
    @WithName("max-forward-bytes")
    @WithDefault("4194304")
    long maxForwardBytes();

    interface Handoff {
        /**
         * Worker threads per gateway replica; 0 (the default) sizes them for the machine: two per
         * CPU core, at least 2, since a worker mostly waits for the services (bench/load.sh,
         * docs/benchmarks.md).
         */
        @WithDefault("0")
        int workers();

        /**
         * Handoffs waiting or running (all replicas together) beyond which a new submission is
         * refused with 503 and Retry-After instead of growing an unbounded backlog; 0 turns the
         * limit off.
         */
        @WithName("max-queued")
        @WithDefault("1000")
        int maxQueued();

        /**
         * Handoffs one API key may have waiting or running at once (all replicas together), so that one key cannot
         * fill the queue for every tenant: beyond it a submission gets 429 and Retry-After. 0 turns the limit off.
         */
        @WithName("max-open-per-key")
        @WithDefault("100")
        int maxOpenPerKey();

        /** How often an idle worker looks for due work. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** How long a lease lasts without renewal; a replica that dies frees its handoffs after this. */
        @WithDefault("20s")
        Duration lease();

        /** First wait after a service was unreachable; doubles per attempt up to {@link #maxBackoff()}. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /**
         * How often a handoff that asked for a full-wave verification looks at its run while the run is queued or
         * running (docs/api-guide.md, "Submit a handoff"); the run itself takes minutes (docs/shielding.md).
         */
        @WithDefault("5s")
        Duration fullwavePoll();

        /** A handoff still waiting for a service after this long is failed. */
        @WithDefault("24h")
        Duration maxWait();

        /**
         * Largest file the bundle takes from a service. Unset: the largest of the design output limits for the
         * bundled layout files (GDSII, DXF, SVG), which the output estimate bounds, so a file of a valid design
         * always fits. A larger file fails the handoff at once (docs/operations.md).
         */
        @WithName("max-bundle-file-size")
        Optional<MemorySize> maxBundleFileSize();

        /**
         * Largest bundle (the zip, as stored in {@code handoff_bundle}): 32 MiB holds the zip of the largest DXF the
         * default output limits allow (512 MiB deflates to about 30 MB, docs/design-document.md), and bounds what
         * a download, a portal page and the embedded database hold in memory for one bundle (docs/operations.md).
         */
        @WithName("max-bundle-size")
        @WithDefault("32M")
        MemorySize maxBundleSize();

        /**
         * Disk the work folders of this replica may hold together (docs/operations.md, "Output limits and handoff
         * bundles"): 1 GiB holds the largest bundle the default limits allow (a 512 MiB DXF, its 32 MiB zip and the
         * small files) with room for a second handoff's ordinary files; handoffs that find it taken wait and retry.
         */
        @WithName("max-work-size")
        @WithDefault("1G")
        MemorySize maxWorkSize();

        /** Folder for the files of bundles being built; unset: {@code shieldfab-handoff} in {@code java.io.tmpdir}. */
        @WithName("temp-dir")
        Optional<String> tempDir();
    }

    interface Idempotency {
        /** How long a key is remembered. */
        @WithDefault("24h")
        Duration ttl();

        /**
         * A key still IN_PROGRESS after this long belongs to a request that died (its replica was killed
         * or lost the database mid-request); a repeat then takes the key over instead of getting 409.
         * Far above the time a submission takes (milliseconds), so a live request is never overtaken.
         */
        @WithName("abandoned-after")
        @WithDefault("30s")
        Duration abandonedAfter();
    }

    interface Webhook {
        /**
         * Deprecated and refused: the one signing secret all tenants shared ({@code SHIELDFAB_WEBHOOK_SECRET}), with
         * which any receiver could forge another tenant's webhooks. Webhooks are signed with each API key's own
         * secrets ({@code /api/v1/webhook-secrets}); the gateway does not start while this is set
         * (docs/operations.md, "Webhook secrets").
         */
        @Deprecated
        Optional<String> secret();

        /**
         * AES-256 key, base64 of 32 random bytes, that encrypts the webhook secrets in the database
         * ({@code SHIELDFAB_WEBHOOK_ENCRYPTION_KEY}). Unset, API keys cannot create webhook secrets (503) and so
         * cannot use {@code callbackUrl}.
         */
        @WithName("encryption-key")
        Optional<String> encryptionKey();

        /**
         * Earlier encryption keys, comma-separated: still read, and what they sealed is re-encrypted with
         * {@link #encryptionKey()} at start-up, so that they can be removed afterwards.
         */
        @WithName("old-encryption-keys")
        Optional<List<String>> oldEncryptionKeys();

        /** How long a rotated-out secret keeps signing when the client names no {@code overlap}. */
        @WithName("rotation-overlap")
        @WithDefault("24h")
        Duration rotationOverlap();

        /** The longest {@code overlap} a client may ask for. */
        @WithName("max-rotation-overlap")
        @WithDefault("7d")
        Duration maxRotationOverlap();

        /** Allow callbacks to loopback addresses (tests, local tools). */
        @WithDefault("false")
        boolean allowLoopback();

        /** Allow callbacks to private, link-local and unique-local addresses (inside a trusted network). */
        @WithDefault("false")
        boolean allowPrivate();

        @WithDefault("8")
        int maxAttempts();

        /** First retry delay; doubles per attempt, capped at 10 minutes. */
        @WithDefault("2s")
        Duration initialBackoff();

        @WithDefault("10s")
        Duration timeout();
    }

    interface RateLimit {
        /** Requests per minute per API key (a token bucket of this size refilled continuously), API and portal alike. */
        @WithDefault("600")
        int requestsPerMinute();

        /**
         * Failed authentications (a missing or wrong API key, a refused portal sign-in) per minute per client
         * address; beyond it every request from that address that needs a key gets 429 until the bucket refills,
         * so keys cannot be guessed at speed.
         */
        @WithName("failed-auth-per-minute")
        @WithDefault("30")
        int failedAuthPerMinute();

        /** Portal sign-in attempts per minute per client address, successful or not. */
        @WithName("sign-ins-per-minute")
        @WithDefault("20")
        int signInsPerMinute();
    }

    interface Services {
        /** layout-service base URL, e.g. {@code http://127.0.0.1:8081}. */
        String layout();

        /** shielding-service base URL. */
        String shielding();

        /** recipe-service base URL. */
        String recipe();
    }

    interface Proxy {
        /** Time to open a connection to a downstream service. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest silence on a downstream connection before the call is failed. */
        @WithDefault("60s")
        Duration idleTimeout();
    }

    interface Portal {
        /**
         * HMAC-SHA256 key that signs the portal's session cookies (32+ characters). Every replica needs
         * the same one so that any of them accepts a sign-in. Unset: in the prod profile the portal
         * refuses sign-ins; elsewhere each process makes a random one (sign-ins end with the process).
         */
        @WithName("session-secret")
        Optional<String> sessionSecret();

        /** Longest a sign-in lasts, even while the browser stays open. */
        @WithName("session-max-age")
        @WithDefault("12h")
        Duration sessionMaxAge();

        /** Mark the session cookie {@code Secure} (HTTPS only); on in the prod profile. */
        @WithName("secure-cookie")
        @WithDefault("false")
        boolean secureCookie();

        /** Handoffs per page of the handoff list. */
        @WithName("page-size")
        @WithDefault("15")
        int pageSize();

        /** How often open pages ask for news while a handoff is QUEUED or RUNNING. */
        @WithName("refresh-interval")
        @WithDefault("2s")
        Duration refreshInterval();

        /** Example designs offered by "start from an example": files in the class-path folder {@code portal/examples}. */
        @WithDefault("wifi-fem-2g4.json,mmwave-28g.yaml,mmwave-28g-coarse-filler.yaml,mcu-pillars.json")
        List<String> examples();
    }
}
