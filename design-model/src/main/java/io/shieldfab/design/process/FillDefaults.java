package io.shieldfab.design.process;

import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;

/**
 * Fill properties a design may leave out, per encapsulant material and method (docs/physics.md §6).
 *
 * @param viscosityPaS   apparent viscosity at process temperature, Pa·s
 * @param fillerTopCutUm largest filler particle, µm (0: unfilled)
 * @param gelTimeS       time the material stays flowable at process temperature, s
 * @param pressureKPa    driving pressure at the gate or dispense point, kPa
 */
public record FillDefaults(double viscosityPaS, double fillerTopCutUm, double gelTimeS, double pressureKPa) {

    public static FillMethod defaultMethod(EncapsulantMaterial material) {
        return material == EncapsulantMaterial.EPOXY_MOLD_COMPOUND ? FillMethod.TRANSFER_MOLD : FillMethod.DISPENSE;
    }

    public static FillDefaults of(EncapsulantMaterial material, FillMethod method) {
        double pressure = switch (method) {
            case TRANSFER_MOLD -> 7000;
            case COMPRESSION_MOLD -> 5000;
            case DISPENSE -> 0.018;
        };
        return switch (material) {
            case EPOXY_MOLD_COMPOUND -> new FillDefaults(10, 75, 30, pressure);
            case LIQUID_EPOXY -> new FillDefaults(30, 25, 600, pressure);
            case SILICONE -> new FillDefaults(3.5, 0, 900, pressure);
        };
    }
}
