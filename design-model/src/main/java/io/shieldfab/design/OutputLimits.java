package io.shieldfab.design;

import java.util.OptionalLong;

/**
 * How large the layout files of one design may be (docs/design-document.md, "Output size"). A design whose
 * {@link OutputEstimate} exceeds any of them is refused by {@link DesignReader#create(OutputLimits)} with a violation
 * on each field that drives the size. Defaults in {@link #DEFAULTS} ({@link DesignLimits}, where the reasons are);
 * the gateway and layout-service read overrides from {@code shieldfab.design.*} in their configuration.
 *
 * @param maxShapes       most polygons and texts in a flat file (flat GDSII, DXF)
 * @param maxGdsBytes     largest hierarchical GDSII, bytes
 * @param maxFlatGdsBytes largest flat GDSII, bytes
 * @param maxDxfBytes     largest DXF, bytes
 * @param maxSvgBytes     largest SVG preview, bytes
 */
public record OutputLimits(long maxShapes, long maxGdsBytes, long maxFlatGdsBytes, long maxDxfBytes, long maxSvgBytes) {

    /** The limits every service applies unless configured otherwise. */
    public static final OutputLimits DEFAULTS = new OutputLimits(DesignLimits.MAX_SHAPES, DesignLimits.MAX_GDS_BYTES,
            DesignLimits.MAX_FLAT_GDS_BYTES, DesignLimits.MAX_DXF_BYTES, DesignLimits.MAX_SVG_BYTES);

    public OutputLimits {
        if (maxShapes < 1 || maxGdsBytes < 1 || maxFlatGdsBytes < 1 || maxDxfBytes < 1 || maxSvgBytes < 1) {
            throw new IllegalArgumentException("output limits must be positive: " + maxShapes + ", " + maxGdsBytes
                    + ", " + maxFlatGdsBytes + ", " + maxDxfBytes + ", " + maxSvgBytes);
        }
    }

    /** These limits with each value that is present replacing its own: how a service applies its configuration. */
    public OutputLimits overriddenBy(OptionalLong shapes, OptionalLong gdsBytes, OptionalLong flatGdsBytes,
                                     OptionalLong dxfBytes, OptionalLong svgBytes) {
        return new OutputLimits(shapes.orElse(maxShapes), gdsBytes.orElse(maxGdsBytes),
                flatGdsBytes.orElse(maxFlatGdsBytes), dxfBytes.orElse(maxDxfBytes), svgBytes.orElse(maxSvgBytes));
    }

    /** The largest file among those a handoff bundle carries: hierarchical GDSII, DXF and SVG. */
    public long maxBundledFileBytes() {
        return Math.max(maxGdsBytes, Math.max(maxDxfBytes, maxSvgBytes));
    }
}
