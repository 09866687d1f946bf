package io.shieldfab.gateway.service;

import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.rest.dto.ValidationResult;
import io.shieldfab.support.config.OutputLimitsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and validates design documents with the shared design model. */
@ApplicationScoped
public class DesignValidation {

    private final DesignReader reader;
    private final GatewayConfig config;

    public DesignValidation(GatewayConfig config, OutputLimitsConfig outputLimits) {
        this.config = config;
        // with the output limits: a design whose layout files would be too large is refused here, as at handoff
        // submission and in layout-service (docs/design-document.md, "Output size")
        this.reader = DesignReader.create(outputLimits.limits());
    }

    /**
     * @throws InvalidDesignException listing every violation when the design is not valid
     * @throws HandoffProblem         413 when the body is larger than {@code shieldfab.max-design-bytes}; the API-key
     *                                filter refuses a too large Content-Length earlier, this catches chunked uploads
     */
    public ValidationResult validate(byte[] body, String contentType) {
        if (body.length > config.maxDesignBytes()) {
            throw HandoffProblem.payloadTooLarge(config.maxDesignBytes());
        }
        ReadResult result = read(body, contentType);
        if (!result.valid()) {
            throw new InvalidDesignException(result.violations());
        }
        return new ValidationResult(true, result.warnings(), result.design().siteCount(),
                DesignJson.toTree(result.design()));
    }

    /** Reads a design with the output limits, for validation and handoff submission alike. */
    public ReadResult read(byte[] body, String contentType) {
        return reader.read(body, contentType);
    }
}
