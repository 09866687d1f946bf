package io.shieldfab.gateway.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.EvaluationResult;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;

/**
 * A handoff as clients see it.
 *
 * @param status    QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param layoutId  id of the layout in layout-service, once made
 * @param reportId  id of the shielding report in shielding-service, once made
 * @param recipeId  id of the recipe in recipe-service, once made
 * @param verdict   the shielding verdict (PASS, WARN, FAIL), once evaluated; FAIL when the opening window is empty
 * @param errors    why a FAILED handoff failed, one entry per failed step
 * @param lastError the last transient failure while a service was unreachable (the handoff waits and retries)
 * @param openingWindow the openings that both fill and shield, from the shielding report, once evaluated (absent
 *                  for closed walls)
 * @param summary   the verdict in words, naming both limits of the opening window, once evaluated
 * @param fullwaveVerification the full-wave verification the submission asked for (absent when it asked for none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffView(
        String id,
        @Schema(implementation = Handoff.Status.class, type = SchemaType.STRING) String status,
        String designName,
        String designRevision,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        String layoutId,
        String reportId,
        String recipeId,
        @Schema(implementation = Verdict.class, type = SchemaType.STRING) String verdict,
        List<HandoffError> errors,
        List<Violation> warnings,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        String callbackUrl,
        WebhookView webhook,
        Links links,
        OpeningWindow openingWindow,
        String summary,
        FullwaveVerification fullwaveVerification) {

    /** The same view without webhook bookkeeping: the payload sent to the callback itself. */
    public HandoffView withoutWebhook() {
        return new HandoffView(id, status, designName, designRevision, createdAt, updatedAt, finishedAt, layoutId, reportId,
                recipeId, verdict, errors, warnings, attempts, lastError, nextAttemptAt, callbackUrl, null, links, openingWindow,
                summary, fullwaveVerification);
    }

    /**
     * @param step    layout, shielding, recipe or bundle
     * @param status  the HTTP status the service answered
     * @param detail  the service's explanation
     * @param rule    the process rule broken, when the service named one
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HandoffError(String step, Integer status, String title, String detail, String rule) {
    }

    /**
     * The opening window of the shielding report (docs/shielding.md, "Opening window").
     *
     * @param minMm          the fill's lower limit on the smallest pathway dimension, mm
     * @param maxMm          the shielding's upper limit on the largest opening dimension, mm
     * @param empty          true when no opening both fills and shields: the verdict is then FAIL
     * @param maxFrequencyHz where the shielding limit is tightest, Hz
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HandoffOpeningWindow", description = "The opening window of the handoff's shielding report:"
            + " the fill's lower and the shielding's upper limit on the openings (docs/shielding.md, \"Opening window\")")
    public record OpeningWindow(double minMm, double maxMm, boolean empty, Double maxFrequencyHz) {

        /** The window of a report, or null when it has none (closed walls, or a report without one). */
        public static OpeningWindow of(EvaluationResult report) {
            EvaluationResult.OpeningWindow w = report.openingWindow();
            if (w == null || w.minMm() == null || w.maxMm() == null) {
                return null;
            }
            return new OpeningWindow(w.minMm(), w.maxMm(), Boolean.TRUE.equals(w.empty()), w.maxFrequencyHz());
        }

        /** Both limits in words, four significant digits: "the fill needs …, the shielding allows … at 84 GHz". */
        public String limits() {
            return "the fill needs openings of at least " + mm(minMm) + " mm, the shielding allows at most " + mm(maxMm)
                    + " mm" + (maxFrequencyHz == null ? "" : " at " + ghz(maxFrequencyHz));
        }

        /** The window in one sentence. */
        public String sentence() {
            return (empty ? "The opening window is empty: " : "Opening window " + mm(minMm) + " to " + mm(maxMm)
                    + " mm: ") + limits() + ".";
        }

        static String mm(double value) {
            return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }

        static String ghz(double hz) {
            return hz >= 1e9 ? mm(hz / 1e9) + " GHz" : mm(hz / 1e6) + " MHz";
        }
    }

    public record WebhookView(@Schema(implementation = Handoff.WebhookState.class, type = SchemaType.STRING) String state,
                              int attempts, List<Delivery> deliveries) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(int attempt, Instant attemptedAt, Integer statusCode, String error) {
    }

    /**
     * The full-wave (openEMS) verification a handoff asked for: the handoff waits for the run, and its bundle carries
     * the model ({@code fullwave-model.zip}) and the run ({@code fullwave-verification.json}); docs/api-guide.md.
     *
     * @param cellsPerWavelength the mesh asked for: cells per wavelength at the highest checked frequency
     * @param cellsPerOpening    the mesh asked for: cells across the smaller dimension of an opening
     * @param pulse              the pulse asked for (docs/shielding.md, "The pulse")
     * @param verificationId     the run in shielding-service, once queued
     * @param verification       where the run's status and result are, once queued
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "HandoffFullwaveVerification")
    public record FullwaveVerification(int cellsPerWavelength, int cellsPerOpening,
                                       @Schema(description = "what drives the model: BROADBAND (every checked "
                                               + "frequency) or OPERATING_FREQUENCY (the first harmonic alone)",
                                               enumeration = {"BROADBAND", "OPERATING_FREQUENCY"}) String pulse,
                                       String verificationId, String verification) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Links(String self, String bundle, String layout, String report, String recipe) {
    }
}
