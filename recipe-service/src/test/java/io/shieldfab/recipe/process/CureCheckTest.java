package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec.BondingMaterial;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The encapsulant's cure window against the solder's solidus (docs/recipe.md §4, rule CURE_BELOW_SOLIDUS). */
class CureCheckTest {

    @Test
    void moldCompoundOverTinLeadSolderIsRefused() {
        // EMC cure window up to 185 °C ≥ Sn63Pb37 eutectic 183 °C: the joints would melt again
        assertThatThrownBy(() -> check(BondingMaterial.SN63PB37, EncapsulantMaterial.EPOXY_MOLD_COMPOUND))
                .isInstanceOfSatisfying(ProcessRuleException.class,
                        e -> assertThat(e.rule()).isEqualTo(ProcessRule.CURE_BELOW_SOLIDUS))
                .hasMessageContaining("185.0 °C").hasMessageContaining("183.0 °C");
        // silicone up to 200 °C ≥ 183 °C as well
        assertThatThrownBy(() -> check(BondingMaterial.SN63PB37, EncapsulantMaterial.SILICONE))
                .isInstanceOf(ProcessRuleException.class);
    }

    @Test
    void curesBelowTheSolidusPass() {
        // liquid epoxy up to 165 °C < 183 °C; SAC305 solidus 217 °C is above EMC's 185 °C and silicone's 200 °C
        assertThatCode(() -> check(BondingMaterial.SN63PB37, EncapsulantMaterial.LIQUID_EPOXY)).doesNotThrowAnyException();
        assertThatCode(() -> check(BondingMaterial.SAC305, EncapsulantMaterial.EPOXY_MOLD_COMPOUND)).doesNotThrowAnyException();
        assertThatCode(() -> check(BondingMaterial.SAC305, EncapsulantMaterial.SILICONE)).doesNotThrowAnyException();
        // cured conductive epoxy does not melt: any encapsulant
        for (EncapsulantMaterial m : EncapsulantMaterial.values()) {
            assertThatCode(() -> check(BondingMaterial.CONDUCTIVE_EPOXY, m)).doesNotThrowAnyException();
        }
    }

    private static void check(BondingMaterial bonding, EncapsulantMaterial encapsulant) {
        CureCheck.check(bonding, encapsulant, EncapsulationPlan.Cure.forMaterial(encapsulant));
    }
}
