package io.shieldfab.recipe.process;

import io.shieldfab.design.MandrelSpec.MandrelMaterial;

import java.util.EnumMap;
import java.util.Map;

/**
 * Claims 4–5: the mandrel surface must not adhere to the deposit, or the support cannot be removed from
 * the conductive element. For each mandrel material × deposit the matrix says whether the surface releases
 * as it is, needs a release (passivation / parting-film) step first, or must be refused. Sources, summarised
 * in docs/recipe.md §1:
 * <ul>
 *   <li>ASTM B832 "Standard Guide for Electroforming with Nickel and Copper" and ASM Handbook Vol. 5 (1994),
 *       "Electroforming": permanent mandrels of stainless steel are passivated so the oxide film lets
 *       nickel and copper part; brass and steel mandrels need a chemical parting film (dichromate) because
 *       deposits bond to the bare metal;</li>
 *   <li>ASM Handbook Vol. 5, "Plating on difficult-to-plate metals": chromium and molybdenum carry a
 *       tenacious native oxide that gives non-adherent deposits unless specially activated — exactly what a
 *       release surface needs, so they are cleaned but never activated;</li>
 *   <li>Schlesinger &amp; Paunovic, 5th ed., ch. 2 (immersion deposition): carbon steel in an acid copper
 *       sulfate bath is attacked and copper deposits on it by displacement, spoiling the recesses — refused.</li>
 * </ul>
 */
public final class AdhesionMatrix {

    /** What a mandrel × deposit pair needs. */
    public enum Release {
        /** The native surface releases the deposit: clean, do not activate. */
        NATIVE_RELEASE,
        /** A release (passivation or parting-film) step must precede plating. */
        RELEASE_STEP_REQUIRED,
        /** No reliable release: the pair is refused. */
        REFUSED
    }

    /**
     * One cell of the matrix.
     *
     * @param release     what the pair needs
     * @param releaseStep the release step to run, or {@code null} when none is needed or the pair is refused
     * @param reason      why, in a sentence for the traveler and the problem detail
     */
    public record Entry(Release release, String releaseStep, String reason) {
    }

    private static final String NITRIC_PASSIVATION =
            "Passivate in 20-25 vol% nitric acid, 49-54 °C, 20 min (ASTM A967 Nitric 2), rinse";
    private static final String DICHROMATE_PARTING_FILM =
            "Dip 30 s in 1-2 g/L potassium dichromate to form a parting film (ASTM B832), rinse, do not dry";

    private static final Map<MandrelMaterial, Map<DepositMetal, Entry>> MATRIX = new EnumMap<>(MandrelMaterial.class);

    static {
        Entry stainless = new Entry(Release.RELEASE_STEP_REQUIRED, NITRIC_PASSIVATION,
                "passivated stainless steel carries a chromium-oxide film the deposit does not bond to");
        put(MandrelMaterial.STAINLESS_STEEL, DepositMetal.NICKEL, stainless);
        put(MandrelMaterial.STAINLESS_STEEL, DepositMetal.COPPER, stainless);
        put(MandrelMaterial.STAINLESS_STEEL, DepositMetal.GOLD, stainless);

        Entry brass = new Entry(Release.RELEASE_STEP_REQUIRED, DICHROMATE_PARTING_FILM,
                "bare brass bonds to the deposit; a dichromate parting film lets it release");
        put(MandrelMaterial.BRASS, DepositMetal.COPPER, brass);
        put(MandrelMaterial.BRASS, DepositMetal.NICKEL, brass);
        put(MandrelMaterial.BRASS, DepositMetal.GOLD, brass);

        Entry steel = new Entry(Release.RELEASE_STEP_REQUIRED, DICHROMATE_PARTING_FILM,
                "bare carbon steel bonds to the deposit; a dichromate parting film lets it release");
        put(MandrelMaterial.STEEL, DepositMetal.NICKEL, steel);
        put(MandrelMaterial.STEEL, DepositMetal.GOLD, steel);
        put(MandrelMaterial.STEEL, DepositMetal.COPPER, new Entry(Release.REFUSED, null,
                "carbon steel is attacked by the acid copper sulfate bath and copper deposits on it by displacement,"
                        + " which spoils the recesses and bonds the deposit"));

        for (DepositMetal metal : DepositMetal.values()) {
            put(MandrelMaterial.CHROMIUM, metal, new Entry(Release.NATIVE_RELEASE, null,
                    "chromium's native oxide gives a non-adherent deposit as long as it is not activated"));
            put(MandrelMaterial.MOLYBDENUM, metal, new Entry(Release.NATIVE_RELEASE, null,
                    "molybdenum's native oxide gives a non-adherent deposit as long as it is not activated"));
        }
    }

    private AdhesionMatrix() {
    }

    private static void put(MandrelMaterial mandrel, DepositMetal metal, Entry entry) {
        MATRIX.computeIfAbsent(mandrel, m -> new EnumMap<>(DepositMetal.class)).put(metal, entry);
    }

    /** The matrix cell for this pair (never {@code null}: every pair is decided). */
    public static Entry lookup(MandrelMaterial mandrel, DepositMetal metal) {
        return MATRIX.get(mandrel).get(metal);
    }

    /**
     * The cell for this pair, refusing the pair when the matrix does.
     *
     * @throws ProcessRuleException {@link ProcessRule#ADHESION_MATRIX} for a refused pair
     */
    public static Entry require(MandrelMaterial mandrel, DepositMetal metal) {
        Entry entry = lookup(mandrel, metal);
        if (entry.release() == Release.REFUSED) {
            throw new ProcessRuleException(ProcessRule.ADHESION_MATRIX, "A " + mandrel + " mandrel cannot be used to"
                    + " electroform " + metal + ": " + entry.reason() + ". Claims 4-5 require a mandrel surface the"
                    + " deposit does not adhere to; choose STAINLESS_STEEL, CHROMIUM or MOLYBDENUM.");
        }
        return entry;
    }
}
