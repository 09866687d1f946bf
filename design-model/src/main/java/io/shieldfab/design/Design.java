package io.shieldfab.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A design document (docs/design-document.md): what the package designer wants built. Field names are part of
 * the public contract. Instances come from {@link DesignReader}, which has already applied defaults
 * and validated every field, so consumers may trust every value here.
 *
 * <p>Required: {@code name}, {@code package}, {@code panel}, {@code shield}, {@code mandrel}; the other sections
 * are optional and every field in them has a default. Ranges and the rules across fields: docs/design-document.md
 * and {@link DesignLimits}.
 *
 * @param name          required; design name, 1..100 of {@code [A-Za-z0-9._-]}, e.g. {@code wifi-fem-4x6}
 * @param revision      optional (null when absent); designer's revision label, 1..20 printable characters, e.g. {@code A}
 * @param packageSpec   required; the microelectronic package (JSON field {@code package})
 * @param panel         required; the panel of packages (rows × columns at a pitch)
 * @param shield        required; the electroformed conductive element
 * @param mandrel       required; the support whose recesses form the depressions
 * @param encapsulation optional; the flowable material that fills the depressions
 * @param bonding       optional; the bonding material between element and package
 * @param requirements  optional; shielding requirements
 * @param process       optional; process settings with fab defaults
 */
@JsonPropertyOrder({"name", "revision", "package", "panel", "shield", "mandrel", "encapsulation", "bonding",
        "requirements", "process"})
public record Design(
        String name,
        String revision,
        @JsonProperty("package") PackageSpec packageSpec,
        PanelSpec panel,
        ShieldSpec shield,
        MandrelSpec mandrel,
        EncapsulationSpec encapsulation,
        BondingSpec bonding,
        Requirements requirements,
        ProcessSpec process) {

    /** Number of package sites on the panel. */
    public int siteCount() {
        return panel.rows() * panel.columns();
    }
}
