package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.shieldfab.design.DesignFormat;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.service.HandoffProblem;
import io.shieldfab.gateway.service.HandoffService;
import io.shieldfab.gateway.service.InvalidDesignException;
import jakarta.enterprise.context.ApplicationScoped;
import org.yaml.snakeyaml.LoaderOptions;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Hands designs off from the portal's forms through {@link HandoffService} (the same validation,
 * limits and idempotency as {@code POST /api/v1/handoffs}). Each rendered form carries a random
 * submission id that becomes the Idempotency-Key, so a double click or a resent form makes one
 * handoff, not two.
 */
@ApplicationScoped
public class DesignSubmissions {

    private static final Pattern SUBMISSION_ID = Pattern.compile("[A-Za-z0-9-]{16,64}");

    /** Either the handoff made, or why not: the document with its violations, or a message. */
    public record Outcome(Optional<String> handoffId, DocumentOutline outline, String message, int status) {

        static Outcome accepted(String id) {
            return new Outcome(Optional.of(id), null, null, 303);
        }
    }

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(DesignReader.MAX_NESTING_DEPTH).maxDocumentLength(DesignReader.MAX_DOCUMENT_CHARS).build();

    private final HandoffService handoffs;
    private final GatewayConfig config;
    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public DesignSubmissions(HandoffService handoffs, GatewayConfig config) {
        this.handoffs = handoffs;
        this.config = config;
        this.json = JsonMapper.builder().build();
        this.json.getFactory().setStreamReadConstraints(LIMITS);
        LoaderOptions loader = new LoaderOptions();
        // A design needs no aliases; none is expanded for the outline either (the reader already refuses them).
        loader.setMaxAliasesForCollections(1);
        YAMLFactory factory = YAMLFactory.builder().loaderOptions(loader).streamReadConstraints(LIMITS).build();
        this.yaml = new ObjectMapper(factory);
    }

    /** The largest design accepted, bytes (the API's limit). */
    public long maxDesignBytes() {
        return config.maxDesignBytes();
    }

    /** An uploaded file: JSON or YAML by its name, sniffed from its content otherwise. */
    public Outcome upload(PortalSession session, String fileName, byte[] content, String submissionId) {
        if (content == null || content.length == 0) {
            return new Outcome(Optional.empty(), null, "Choose a design file (JSON or YAML) to upload.", 400);
        }
        String type = contentType(fileName);
        try {
            return Outcome.accepted(handoffs.submitForOwner(session.owner(), idempotencyKey(submissionId), content, type, null)
                    .handoff().id());
        } catch (InvalidDesignException invalid) {
            return new Outcome(Optional.empty(), DocumentOutline.of(parseable(invalid.violations()) ? tree(content, type) : null,
                    invalid.violations()), null, 400);
        } catch (HandoffProblem problem) {
            return new Outcome(Optional.empty(), null, message(problem), problem.problem().status());
        }
    }

    /** A design made from an example on the form (already checked by {@link ExampleDesigns#edit}). */
    public Outcome design(PortalSession session, byte[] designJson, String submissionId) {
        try {
            return Outcome.accepted(handoffs.submitForOwner(session.owner(), idempotencyKey(submissionId), designJson,
                    "application/json", null).handoff().id());
        } catch (InvalidDesignException invalid) {
            return new Outcome(Optional.empty(), DocumentOutline.of(tree(designJson, "application/json"), invalid.violations()),
                    null, 400);
        } catch (HandoffProblem problem) {
            return new Outcome(Optional.empty(), null, message(problem), problem.problem().status());
        }
    }

    private String message(HandoffProblem problem) {
        return switch (problem.problem().status()) {
            case 413 -> "The file is larger than " + (config.maxDesignBytes() / 1024) + " KiB, the largest design accepted.";
            case 409 -> "This form is already being handed off; wait a moment and look at the handoff list.";
            case 422 -> "This form was already used for another design; reload the page and send it again.";
            default -> problem.problem().detail();
        };
    }

    /** Whether a form's submission id has the shape the portal gives them (16 to 64 letters, digits and dashes). */
    static boolean isSubmissionId(String submissionId) {
        return submissionId != null && SUBMISSION_ID.matcher(submissionId).matches();
    }

    private static String idempotencyKey(String submissionId) {
        return isSubmissionId(submissionId) ? "portal-" + submissionId : null;
    }

    static String contentType(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return DesignFormat.YAML.mediaType;
        }
        return name.endsWith(".json") ? DesignFormat.JSON.mediaType : null;
    }

    /** The document parsed only when the reader could parse it (no violation of the whole document). */
    private static boolean parseable(List<Violation> violations) {
        return violations.stream().noneMatch(v -> "$".equals(v.field()));
    }

    private JsonNode tree(byte[] content, String type) {
        String text = new String(content, StandardCharsets.UTF_8);
        DesignFormat format = type == null ? DesignFormat.sniff(text) : DesignFormat.fromContentType(type);
        try {
            return (format == DesignFormat.YAML ? yaml : json).readTree(text);
        } catch (Exception unreadable) {
            return null;
        }
    }
}
