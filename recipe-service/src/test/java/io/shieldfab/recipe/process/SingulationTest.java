package io.shieldfab.recipe.process;

import io.shieldfab.design.ProcessSpec.SingulationMethod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

public class SingulationTest {

    /**
     * Wi-Fi panel, 4 rows × 6 columns, pitch 7 × 6 mm, margin 3 mm: outline 6·7 + 2·3 = 48 mm by 4·6 + 2·3 = 30 mm.
     * Cuts along Y at x = 3, 10, …, 45 (7 cuts, 30 mm each) and along X at y = 3, 9, …, 27 (5 cuts, 48 mm each).
     */
    public static List<Singulation.Cut> wifiCuts() {
        List<Singulation.Cut> cuts = new ArrayList<>();
        for (int k = 6; k >= 0; k--) {           // deliberately out of order: the plan sorts them
            cuts.add(new Singulation.Cut("Y", 3 + 7 * k, 30));
        }
        for (int k = 0; k <= 4; k++) {
            cuts.add(new Singulation.Cut("X", 3 + 6 * k, 48));
        }
        return cuts;
    }

    @Test
    void sawPlanOfTheWifiPanel() {
        // total = 7 · 30 + 5 · 48 = 210 + 240 = 450 mm
        // duration = 450 mm / 20 mm/s + 12 cuts · 0.5 s = 22.5 + 6 = 28.5 s
        Singulation.Plan p = Singulation.plan(SingulationMethod.SAW, 0.2, 1.35, wifiCuts());
        assertThat(p.totalLengthMm()).isCloseTo(450, within(1e-9));
        assertThat(p.durationS()).isCloseTo(28.5, within(1e-9));
        assertThat(p.cutsX()).isEqualTo(5);
        assertThat(p.cutsY()).isEqualTo(7);
        // channel 1 (X) first in ascending position, then channel 2 (Y)
        assertThat(p.cuts().get(0)).isEqualTo(new Singulation.Cut("X", 3, 48));
        assertThat(p.cuts().get(5)).isEqualTo(new Singulation.Cut("Y", 3, 30));
        assertThat(p.cuts().get(11)).isEqualTo(new Singulation.Cut("Y", 45, 30));
    }

    @Test
    void laserIsSlower() {
        // 450 / 5 + 12 · 0.5 = 90 + 6 = 96 s
        Singulation.Plan p = Singulation.plan(SingulationMethod.LASER, 0.05, 1.35, wifiCuts());
        assertThat(p.durationS()).isCloseTo(96, within(1e-9));
    }

    @Test
    void aKerfWiderThanTheStreetIsRefused() {
        assertThatThrownBy(() -> Singulation.plan(SingulationMethod.SAW, 0.4, 0.3, wifiCuts()))
                .isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.KERF_WITHIN_STREET);
    }

    @Test
    void aKerfEqualToTheStreetStillFits() {
        assertThat(Singulation.plan(SingulationMethod.SAW, 0.3, 0.3, wifiCuts()).cuts()).hasSize(12);
    }
}
