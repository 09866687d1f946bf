package io.shieldfab.shielding.physics;

/** The kind of incident field a solid wall reflects. */
public enum FieldType {
    /** Far field (source farther than λ/2π): wave impedance 377 Ω. */
    PLANE_WAVE,
    /** Near field of a high-impedance (electric, dipole-like) source. */
    ELECTRIC_NEAR,
    /** Near field of a low-impedance (magnetic, loop-like) source. */
    MAGNETIC_NEAR
}
