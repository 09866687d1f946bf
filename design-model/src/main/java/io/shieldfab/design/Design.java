package io.shieldfab.design;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A design document (DESIGN.md §3): what the package designer wants built. Field names are part of
 * the public contract. Instances come from {@link DesignReader}, which has already applied defaults
 * and validated every field, so consumers may trust every value here.
 *
 * @param name          design name, e.g. {@code wifi-fem-4x6}
 * @param revision      designer's revision label, e.g. {@code A}
 * @param packageSpec   the microelectronic package (JSON field {@code package})
 * @param panel         the panel of packages (rows × columns at a pitch)
 * @param shield        the electroformed conductive element
 * @param mandrel       the support whose recesses form the depressions
 * @param encapsulation the flowable material that fills the depressions
 * @param bonding       the bonding material between element and package
 * @param requirements  shielding requirements
 * @param process       process settings with fab defaults
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
