package io.shieldfab.design;

import io.shieldfab.design.BondingSpec.BondingMaterial;
import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import io.shieldfab.design.process.FillDefaults;
import io.shieldfab.design.process.FillMethod;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.PackageSpec.Radiator;
import io.shieldfab.design.PackageSpec.TerminalSide;
import io.shieldfab.design.ProcessSpec.SingulationMethod;
import io.shieldfab.design.Requirements.ApertureRule;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static io.shieldfab.design.Fixtures.EXAMPLES;
import static org.assertj.core.api.Assertions.assertThat;

/** Defaults of a minimal document, and the canonical JSON written back. */
class DesignDefaultsAndJsonTest {

    /** Only the required fields (docs/design-document.md, "Fields": those marked "req."). */
    static final String MINIMAL = """
            name: minimal
            package: { bodyLengthMm: 3.0, bodyWidthMm: 3.0, heightMm: 0.5, operatingFrequencyHz: 1.0e9 }
            panel: { rows: 2, columns: 3, pitchXMm: 5.0, pitchYMm: 5.0 }
            shield:
              material: COPPER
              thicknessUm: 20
              wallClearanceMm: 0.25
              openings: { style: TROUGHS, perWall: 2, lengthMm: 0.5, heightMm: 0.1 }
            mandrel: { material: STAINLESS_STEEL, recessDepthMm: 0.5 }
            """;

    @Test
    void everyDefaultIsApplied() {
        ReadResult result = DesignReader.create().read(MINIMAL, DesignFormat.YAML);

        assertThat(result.violations()).isEmpty();
        Design d = result.design();
        assertThat(d.revision()).isNull();
        // absent harmonics stays absent: the emission rule of the radiator sets the range (docs/shielding.md)
        assertThat(d.packageSpec().harmonics()).isNull();
        assertThat(d.packageSpec().radiator()).isEqualTo(Radiator.UNINTENTIONAL);
        assertThat(d.packageSpec().riseTimeS()).isNull();
        assertThat(d.packageSpec().terminalSide()).isEqualTo(TerminalSide.BOTTOM);
        // silicon, the package's highest-permittivity constituent (docs/physics.md §1)
        assertThat(d.packageSpec().relativePermittivity()).isEqualTo(11.7);
        assertThat(d.panel().marginMm()).isEqualTo(3.0);
        assertThat(d.panel().sawKerfMm()).isEqualTo(0.2);
        assertThat(d.shield().hollowWalls()).isFalse();
        assertThat(d.shield().relativePermeability()).isNull();
        // fill defaults of a mould compound, transfer-moulded (docs/physics.md §6)
        FillDefaults fill = FillDefaults.of(EncapsulantMaterial.EPOXY_MOLD_COMPOUND, FillMethod.TRANSFER_MOLD);
        assertThat(d.encapsulation()).isEqualTo(new EncapsulationSpec(EncapsulantMaterial.EPOXY_MOLD_COMPOUND, 3.8,
                EncapsulationStage.BEFORE_SUPPORT_REMOVAL, 10.0, FillMethod.TRANSFER_MOLD, fill.viscosityPaS(),
                fill.fillerTopCutUm(), fill.gelTimeS(), fill.pressureKPa(), 1, 0.01));
        assertThat(d.bonding()).isEqualTo(new BondingSpec(BondingMaterial.SAC305, 0.3, 50.0, null));
        // one square pad on each land: the layout before issue #15
        assertThat(d.bonding().pattern()).isEqualTo(BondingPattern.PADS);
        assertThat(d.bonding().padsPerSide()).isEqualTo(1);
        assertThat(d.bonding().attachesToBoard()).isFalse();
        assertThat(d.requirements()).isEqualTo(new Requirements(30.0, ApertureRule.LAMBDA_OVER_20));
        assertThat(d.process()).isEqualTo(new ProcessSpec(null, SingulationMethod.SAW));
        assertThat(d.siteCount()).isEqualTo(6);
    }

    @Test
    void thePermittivityDefaultFollowsTheEncapsulant() {
        String silicone = MINIMAL + "encapsulation: { material: SILICONE }\n";

        Design d = DesignReader.create().read(silicone, DesignFormat.YAML).design();

        assertThat(d.encapsulation().relativePermittivity()).isEqualTo(2.9);
        // the low end of PDMS's 0.017-0.048 at 1-40 GHz (docs/physics.md §1)
        assertThat(d.encapsulation().lossTangent()).isEqualTo(0.017);
        // a silicone is dispensed by default, with the silicone's fill properties at dispense pressure
        FillDefaults fill = FillDefaults.of(EncapsulantMaterial.SILICONE, FillMethod.DISPENSE);
        assertThat(d.encapsulation().method()).isEqualTo(FillMethod.DISPENSE);
        assertThat(d.encapsulation().viscosityPaS()).isEqualTo(fill.viscosityPaS());
        assertThat(d.encapsulation().pressureKPa()).isEqualTo(fill.pressureKPa());
    }

    @Test
    void statedFillPropertiesOverrideTheDefaults() {
        String moulded = MINIMAL + "encapsulation: { method: COMPRESSION_MOLD, viscosityPaS: 4, fillerTopCutUm: 5,"
                + " gelTimeS: 40, pressureKPa: 3000, gatesPerRow: 1 }\nbonding: { boardPadSizeMm: 0.35 }\n";

        Design d = DesignReader.create().read(moulded, DesignFormat.YAML).design();

        assertThat(d.encapsulation()).extracting(EncapsulationSpec::method, EncapsulationSpec::viscosityPaS,
                        EncapsulationSpec::fillerTopCutUm, EncapsulationSpec::gelTimeS, EncapsulationSpec::pressureKPa)
                .containsExactly(FillMethod.COMPRESSION_MOLD, 4.0, 5.0, 40.0, 3000.0);
        assertThat(d.bonding().boardPadSizeMm()).isEqualTo(0.35);
        assertThat(d.bonding().attachesToBoard()).isTrue();
    }

    @Test
    void canonicalJsonIsStableOrderedAndReadsBackEqual() throws Exception {
        Design design = DesignReader.create()
                .read(Files.readString(EXAMPLES.resolve("mcu-pillars.json")), DesignFormat.JSON).design();

        String json = DesignJson.write(design);

        assertThat(json).startsWith("{\"name\":\"mcu-qfn48-20x25\",\"revision\":\"1.0\",\"package\":{\"bodyLengthMm\":7.0,");
        assertThat(json).contains("\"encapsulation\":{\"material\":\"LIQUID_EPOXY\",\"relativePermittivity\":3.5,")
                .doesNotContain("relativePermeability").doesNotContain("null").doesNotContain("siteCount");
        assertThat(DesignJson.write(design)).isEqualTo(json);
        assertThat(DesignReader.create().read(json, DesignFormat.JSON).design()).isEqualTo(design);
        assertThat(DesignReader.create().read(DesignJson.toTree(design)).design()).isEqualTo(design);
        assertThat(DesignJson.toTree(design).get("package").get("riseTimeS").doubleValue()).isEqualTo(2e-9);
    }

    @Test
    void aRingAndTheLoadedCavityFieldsRoundTrip() {
        String ring = MINIMAL.replace("operatingFrequencyHz: 1.0e9 }", "operatingFrequencyHz: 1.0e9,"
                + " relativePermittivity: 9.8 }") + "encapsulation: { lossTangent: 0.02 }\nbonding: { pattern: RING }\n";
        Design design = DesignReader.create().read(ring, DesignFormat.YAML).design();

        assertThat(design.packageSpec().relativePermittivity()).isEqualTo(9.8);
        assertThat(design.encapsulation().lossTangent()).isEqualTo(0.02);
        assertThat(design.bonding().pattern()).isEqualTo(BondingPattern.RING);
        String json = DesignJson.write(design);
        // a ring has no pad count, so none is written and the reader takes the JSON back
        assertThat(json).contains("\"pattern\":\"RING\"").doesNotContain("padsPerSide");
        assertThat(DesignReader.create().read(json, DesignFormat.JSON).design()).isEqualTo(design);
    }

    @Test
    void solidWallsRoundTrip() {
        String none = MINIMAL.replace("{ style: TROUGHS, perWall: 2, lengthMm: 0.5, heightMm: 0.1 }", "{ style: NONE }");
        Design design = DesignReader.create().read(none, DesignFormat.YAML).design();

        assertThat(design.shield().openings().maxDimensionMm()).isZero();
        assertThat(DesignReader.create().read(DesignJson.write(design), DesignFormat.JSON).design()).isEqualTo(design);
    }
}
