package io.shieldfab.shielding.physics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The kind of incident field a solid wall reflects. */
@Schema(name = "SheetField", description = "incident field: PLANE_WAVE, ELECTRIC_NEAR or MAGNETIC_NEAR")
public enum FieldType {
    /** Far field (source farther than λ/2π): wave impedance 377 Ω. */
    PLANE_WAVE,
    /** Near field of a high-impedance (electric, dipole-like) source. */
    ELECTRIC_NEAR,
    /** Near field of a low-impedance (magnetic, loop-like) source. */
    MAGNETIC_NEAR
}
