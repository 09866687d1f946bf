package io.shieldfab.design.process;

import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;

import java.util.Objects;

/**
 * Typical process numbers of an encapsulant and fill method, used when a design gives none (docs/physics.md,
 * section 6, "Defaults"). They are representative values, not a data sheet: a user should override them with the
 * figures of the actual material at its process temperature.
 *
 * @param viscosityPaS   apparent viscosity at the process temperature (and, for mould compounds, process shear rate),
 *                       Pa·s
 * @param fillerTopCutUm largest filler particle (top cut), µm; 0 for an unfilled encapsulant
 * @param gelTimeS       gel time (moulding) or working/flow time (dispense) at the process temperature, s
 * @param pressureKPa    driving pressure of the flow at the gate or dispense point, kPa
 */
public record FillDefaults(double viscosityPaS, double fillerTopCutUm, double gelTimeS, double pressureKPa) {

    /** Transfer pressure on the compound: 7 MPa, the middle of the usual 5–10 MPa (docs/physics.md, section 6). */
    public static final double TRANSFER_PRESSURE_KPA = 7000;

    /** Compression-moulding pressure: 5 MPa (docs/physics.md, section 6; typical, no source checked). */
    public static final double COMPRESSION_PRESSURE_KPA = 5000;

    /** Density of a filled liquid resin for the levelling head, kg/m³ (docs/physics.md, section 6). */
    public static final double DISPENSE_RESIN_DENSITY_KG_M3 = 1800;

    /** Standard gravity, m/s² (SI, exact 9.80665; 9.81 is enough for a head estimate). */
    public static final double GRAVITY_M_S2 = 9.81;

    /** Height of the levelling head of dispensed resin above the pathways, mm: about 1 mm (house rule). */
    public static final double DISPENSE_HEAD_MM = 1.0;

    /**
     * Dispense drives the flow only by the resin's own head, ρ g h = 1800 × 9.81 × 1e-3 = 17.658 Pa = 0.017658 kPa
     * (docs/physics.md, section 6): four to five orders of magnitude below moulding, which is why a dispensed row is
     * fed at many points.
     */
    public static final double DISPENSE_PRESSURE_KPA =
            DISPENSE_RESIN_DENSITY_KG_M3 * GRAVITY_M_S2 * (DISPENSE_HEAD_MM * 1e-3) / 1000.0;

    /**
     * The material's typical numbers with the method's driving pressure. The material numbers do not depend on the
     * method: a liquid epoxy or silicone moulded keeps its own viscosity and gel/flow time, only the pressure changes.
     */
    public static FillDefaults of(EncapsulantMaterial material, FillMethod method) {
        Objects.requireNonNull(material, "material");
        Objects.requireNonNull(method, "method");
        double pressureKPa = switch (method) {
            case DISPENSE -> DISPENSE_PRESSURE_KPA;
            case TRANSFER_MOLD -> TRANSFER_PRESSURE_KPA;
            case COMPRESSION_MOLD -> COMPRESSION_PRESSURE_KPA;
        };
        return switch (material) {
            // Standard EMC at 175 °C: 10 Pa·s, 75 µm filler cut, gel time ~26-30 s (Hysol GR750-class data sheet table,
            // docs/physics.md section 6 [HysolEMC])
            case EPOXY_MOLD_COMPOUND -> new FillDefaults(10, 75, 30, pressureKPa);
            // Glob-top / dam-and-fill liquid epoxy at dispense temperature: 30 Pa·s, 50 µm top cut, 600 s working time
            case LIQUID_EPOXY -> new FillDefaults(30, 50, 600, pressureKPa);
            // Unfilled addition-cure silicone (Sylgard 184-class): 3.5 Pa·s, no filler, 900 s flow time
            case SILICONE -> new FillDefaults(3.5, 0, 900, pressureKPa);
        };
    }

    /** How each material is usually applied: a mould compound is transfer-moulded, the liquids are dispensed. */
    public static FillMethod defaultMethod(EncapsulantMaterial material) {
        Objects.requireNonNull(material, "material");
        return switch (material) {
            case EPOXY_MOLD_COMPOUND -> FillMethod.TRANSFER_MOLD;
            case LIQUID_EPOXY, SILICONE -> FillMethod.DISPENSE;
        };
    }
}
