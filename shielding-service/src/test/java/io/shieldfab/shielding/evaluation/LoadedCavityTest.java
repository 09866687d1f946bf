package io.shieldfab.shielding.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.Design;
import io.shieldfab.shielding.evaluation.ShieldingReport.LoadedCavity;
import io.shieldfab.shielding.evaluation.ShieldingReport.Resonance;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The depression loaded with the package (docs/shielding.md, "Loaded cavity"), worked by hand. */
class LoadedCavityTest {

    private static Design design(ObjectNode tree) {
        return ExampleDesigns.design(tree);
    }

    /** The model of a Wi-Fi design variant with the shipped Wi-Fi layout (the edits change no geometry). */
    private static ShieldModel wifiModel(ObjectNode tree) {
        Design d = design(tree);
        return new ShieldModel(d, ExampleLayouts.geometry(d, ExampleLayouts.tree(ExampleLayouts.WIFI)));
    }

    @Test
    void theWifiPackageLowersItsDepressionsModes() {
        // Package 5.0 × 4.0 × 0.9 mm in the 5.6 × 4.6 × 0.95 mm depression: φ = 18/24.472 = 0.7355345;
        // εeff = 0.7355345·11.7 + 0.2644655·3.8 = 8.6057536 + 1.0049689 = 9.6107225;
        // Q = 9.6107225/(0.2644655·3.8·0.01) = 9.6107225/0.01004969 = 956.320 (mould compound tan δ 0.01).
        // TM110 in the compound alone: c/(2√3.8)·√(1/5.6² + 1/4.6²) = 76.8946e6·281.3296 = 21.6329 GHz (CavityModesTest);
        // loaded: 21.6329·√(3.8/9.6107225) = 21.6329·0.628805 = 13.6028 GHz.
        ShieldingReport r = ExampleLayouts.evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI),
                ExampleLayouts.tree(ExampleLayouts.WIFI));
        LoadedCavity c = r.loadedCavity();
        assertThat(c.packageRelativePermittivity()).isEqualTo(11.7);
        assertThat(c.packageFillFraction()).isCloseTo(0.7355345, within(1e-7));
        assertThat(c.encapsulantRelativePermittivity()).isEqualTo(3.8);
        assertThat(c.effectivePermittivity()).isCloseTo(9.6107225, within(1e-7));
        assertThat(c.encapsulantLossTangent()).isEqualTo(0.01);
        assertThat(c.dielectricQ()).isCloseTo(956.320, within(0.001));
        Resonance tm110 = r.cavityResonances().get(0);
        assertThat(tm110.mode()).isEqualTo("TM110");
        assertThat(tm110.frequencyHz()).isCloseTo(13.6028e9, within(0.0001e9));
        assertThat(tm110.unloadedFrequencyHz()).isCloseTo(21.6329e9, within(0.0001e9));
    }

    @Test
    void aPackageTallerThanTheRecessLoadsOnlyTheRecessDepth() {
        // The 0.9 mm package in a 0.5 mm recess: inside L·W·min(H, d) = 5·4·0.5 = 10 mm³ of 5.6·4.6·0.5 = 12.88 mm³:
        // φ = 0.7763975, εeff = 0.7763975·11.7 + 0.2236025·3.8 = 9.0838509 + 0.8496894 = 9.9335404.
        ShieldGeometry g = new ShieldGeometry(5.6, 4.6, 0.5, 25.0, 0, 0, 0, 0, null);
        LoadedCavity c = ShieldModel.loadedCavity(design(ExampleDesigns.tree(ExampleDesigns.WIFI)), g, 3.8);
        assertThat(c.packageFillFraction()).isCloseTo(0.7763975, within(1e-7));
        assertThat(c.effectivePermittivity()).isCloseTo(9.9335404, within(1e-7));
    }

    @Test
    void thePackagesOwnPermittivityAndALosslessEncapsulant() {
        // A moulded package of εr 4.0 and a lossless encapsulant: εeff = 0.7355345·4.0 + 0.2644655·3.8 = 2.9421380
        // + 1.0049689 = 3.9471069, no Q (tan δ 0), and the flag margin stays the configured 10 %.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("package")).put("relativePermittivity", 4.0);
        ((ObjectNode) tree.get("encapsulation")).put("lossTangent", 0.0);
        ShieldModel m = wifiModel(tree);
        assertThat(m.cavityEr()).isCloseTo(3.9471069, within(1e-7));
        assertThat(m.cavity.dielectricQ()).isNull();
        assertThat(m.resonanceMargin(0.10)).isEqualTo(0.10);
    }

    @Test
    void aVeryLossyCavityWidensTheFlagMarginToItsHalfBandwidth() {
        // Package εr 1 (a void, the extreme) and tan δ 1: εeff = 0.7355345 + 0.2644655·3.8 = 1.7405034;
        // Q = 1.7405034/(0.2644655·3.8·1) = 1.7405034/1.0049689 = 1.731898; 1/(2Q) = 0.288701 > 0.10.
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("package")).put("relativePermittivity", 1.0);
        ((ObjectNode) tree.get("encapsulation")).put("lossTangent", 1.0);
        ShieldModel m = wifiModel(tree);
        assertThat(m.cavity.dielectricQ()).isCloseTo(1.731898, within(1e-6));
        assertThat(m.resonanceMargin(0.10)).isCloseTo(0.288701, within(1e-6));
    }
}
