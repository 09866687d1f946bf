package io.shieldfab.recipe.process;

import io.shieldfab.design.MandrelSpec.MandrelMaterial;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims 4–5: sources in AdhesionMatrix's Javadoc (ASTM B832, ASM Handbook Vol. 5). */
class AdhesionMatrixTest {

    @Test
    void passivatedStainlessSteelReleasesNickel() {
        AdhesionMatrix.Entry e = AdhesionMatrix.require(MandrelMaterial.STAINLESS_STEEL, DepositMetal.NICKEL);
        assertThat(e.release()).isEqualTo(AdhesionMatrix.Release.RELEASE_STEP_REQUIRED);
        assertThat(e.releaseStep()).contains("ASTM A967");
    }

    @Test
    void bareBrassNeedsAPartingFilmForCopper() {
        AdhesionMatrix.Entry e = AdhesionMatrix.require(MandrelMaterial.BRASS, DepositMetal.COPPER);
        assertThat(e.release()).isEqualTo(AdhesionMatrix.Release.RELEASE_STEP_REQUIRED);
        assertThat(e.releaseStep()).contains("dichromate");
    }

    @Test
    void chromiumAndMolybdenumReleaseOnTheirNativeOxide() {
        for (DepositMetal m : DepositMetal.values()) {
            assertThat(AdhesionMatrix.require(MandrelMaterial.CHROMIUM, m).release())
                    .isEqualTo(AdhesionMatrix.Release.NATIVE_RELEASE);
            assertThat(AdhesionMatrix.require(MandrelMaterial.MOLYBDENUM, m).releaseStep()).isNull();
        }
    }

    @Test
    void carbonSteelAndCopperAreRefused() {
        assertThatThrownBy(() -> AdhesionMatrix.require(MandrelMaterial.STEEL, DepositMetal.COPPER))
                .isInstanceOf(ProcessRuleException.class)
                .hasMessageContaining("claims 4-5")
                .extracting(e -> ((ProcessRuleException) e).rule().code())
                .isEqualTo("ADHESION_MATRIX (claims 4-5)");
    }

    @Test
    void carbonSteelWithNickelPassesWithAPartingFilm() {
        assertThat(AdhesionMatrix.require(MandrelMaterial.STEEL, DepositMetal.NICKEL).release())
                .isEqualTo(AdhesionMatrix.Release.RELEASE_STEP_REQUIRED);
    }

    @Test
    void everyPairIsDecided() {
        for (MandrelMaterial mandrel : MandrelMaterial.values()) {
            for (DepositMetal metal : DepositMetal.values()) {
                assertThat(AdhesionMatrix.lookup(mandrel, metal)).as(mandrel + " × " + metal).isNotNull();
            }
        }
    }
}
