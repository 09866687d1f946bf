package io.shieldfab.support.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.shieldfab.design.OutputLimits;
import io.smallrye.config.ConfigMapping;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The design model's output limits ({@code shieldfab.design.*}, docs/design-document.md "Output size"), read once
 * for the gateway (validation and handoff submission) and layout-service (the files it writes). Each one left unset keeps the design model's default ({@link OutputLimits#DEFAULTS}),
 * so the numbers are defined once, in {@code DesignLimits}.
 */
@ConfigMapping(prefix = "shieldfab.design")
public interface OutputLimitsConfig {

    /** Most polygons and texts in a flat file. */
    OptionalLong maxShapes();

    /** Largest hierarchical GDSII, e.g. {@code 16M}. */
    Optional<MemorySize> maxGdsSize();

    /** Largest flat GDSII. */
    Optional<MemorySize> maxFlatGdsSize();

    /** Largest DXF. */
    Optional<MemorySize> maxDxfSize();

    /** Largest SVG preview. */
    Optional<MemorySize> maxSvgSize();

    /** The limits in force: the configured values over the defaults. */
    default OutputLimits limits() {
        return OutputLimits.DEFAULTS.overriddenBy(maxShapes(), bytes(maxGdsSize()), bytes(maxFlatGdsSize()),
                bytes(maxDxfSize()), bytes(maxSvgSize()));
    }

    private static OptionalLong bytes(Optional<MemorySize> size) {
        return size.map(s -> OptionalLong.of(s.asLongValue())).orElse(OptionalLong.empty());
    }
}
