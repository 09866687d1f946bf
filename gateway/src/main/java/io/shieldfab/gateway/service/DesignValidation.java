package io.shieldfab.gateway.service;

import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.gateway.rest.dto.ValidationResult;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads and validates design documents with the shared design model. */
@ApplicationScoped
public class DesignValidation {

    private final DesignReader reader = DesignReader.create();

    /**
     * @throws InvalidDesignException listing every violation when the design is not valid
     */
    public ValidationResult validate(byte[] body, String contentType) {
        ReadResult result = reader.read(body, contentType);
        if (!result.valid()) {
            throw new InvalidDesignException(result.violations());
        }
        return new ValidationResult(true, result.warnings(), result.design().siteCount(),
                DesignJson.toTree(result.design()));
    }
}
