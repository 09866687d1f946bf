package io.shieldfab.shielding.fullwave;

import io.shieldfab.shielding.evaluation.ShieldGeometry.Pad;
import io.shieldfab.shielding.fullwave.FullwaveModel.Opening;
import io.shieldfab.shielding.fullwave.FullwaveModel.Seam;
import io.shieldfab.shielding.fullwave.FullwaveModel.Wall;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The seam in the full-wave model (docs/shielding.md, "Full-wave model"): the gaps the layout's pads leave round
 * the rim, their height, and the walls' metal round them.
 */
class FullwaveSeamTest {

    /** The Wi-Fi can: 5.6 × 4.6 mm inside, 0.3 mm pads mid-land (the layout's bondingPads), 0.05 mm thick. */
    private static final List<Pad> WIFI_ONE_PAD_A_SIDE = List.of(new Pad(0, 2.6125), new Pad(0, -2.6125),
            new Pad(3.1125, 0), new Pad(-3.1125, 0));

    private static FullwaveModel wifi(Seam seam, double openingHeightMm) {
        return FullwaveModel.of(5.6, 4.6, 0.95, new FullwaveModel.Walls(true, 1.43e7, 25, 1.1), 3, 0.057,
                openingHeightMm, 9.61, 0.01, 13.6e9, 24.5e9, FullwaveModel.Density.STANDARD, seam);
    }

    @Test
    void onePadASideLeavesEightGapsOfTheWallsLessThePads() {
        // Along the y = ±2.3 walls (x from −2.8 to 2.8) the pad at x = 0 bonds [−0.15, 0.15]: gaps of 2.8 − 0.15 =
        // 2.65 mm either side; along the x = ±2.8 walls, 2.3 − 0.15 = 2.15 mm. Together 4 · 2.65 + 4 · 2.15 = 19.2 mm,
        // the walls' 2 · (5.6 + 4.6) = 20.4 mm less the four pads' 1.2 mm. (The layout's 5.425 mm gaps run along the
        // bonding line, 0.3125 mm further out: 3.1125 + 2.6125 − 0.3 there, 2.65 + 2.15 = 4.8 mm on the walls.)
        Seam seam = Seam.between(WIFI_ONE_PAD_A_SIDE, 0.3, 0.05, 5.6, 4.6);
        assertThat(seam.gaps()).hasSize(8);
        // centred at ∓(0.15 + 2.65/2) = ∓1.475 mm
        assertThat(seam.gaps()).filteredOn(g -> g.wall() == Wall.Y_MAX).satisfiesExactly(
                g -> assertThat(new double[] {g.centreMm(), g.lengthMm(), g.heightMm()})
                        .containsExactly(new double[] {-1.475, 2.65, 0.05}, within(1e-12)),
                g -> assertThat(new double[] {g.centreMm(), g.lengthMm(), g.heightMm()})
                        .containsExactly(new double[] {1.475, 2.65, 0.05}, within(1e-12)));
        assertThat(seam.gaps()).filteredOn(g -> g.wall() == Wall.X_MIN)
                .extracting(Opening::lengthMm).containsExactly(2.15, 2.15);
        assertThat(seam.gaps().stream().mapToDouble(Opening::lengthMm).sum()).isCloseTo(19.2, within(1e-9));
        assertThat(seam.padCount()).isEqualTo(4);
    }

    @Test
    void twoPadsASideSitAtAQuarterAndThreeQuartersOfEachWall() {
        // Pads at −2.8 + (i + ½) · 5.6/2 = ∓1.4 along the y walls, ∓1.15 along the x walls (the layout's rule):
        // gaps 2.8 − 1.55 = 1.25, 2 · 1.25 = 2.5, 1.25 mm on a y wall and 1.0, 2.0, 1.0 mm on an x wall.
        List<Pad> pads = List.of(new Pad(-1.4, 2.6125), new Pad(1.4, 2.6125), new Pad(-1.4, -2.6125),
                new Pad(1.4, -2.6125), new Pad(3.1125, -1.15), new Pad(3.1125, 1.15), new Pad(-3.1125, -1.15),
                new Pad(-3.1125, 1.15));
        Seam seam = Seam.between(pads, 0.3, 0.05, 5.6, 4.6);
        assertThat(seam.gaps()).filteredOn(g -> g.wall() == Wall.Y_MIN).extracting(Opening::lengthMm)
                .containsExactly(1.25, 2.5, 1.25);
        assertThat(seam.gaps()).filteredOn(g -> g.wall() == Wall.X_MAX).extracting(Opening::lengthMm)
                .satisfiesExactly(l -> assertThat(l).isCloseTo(1.0, within(1e-9)),
                        l -> assertThat(l).isCloseTo(2.0, within(1e-9)), l -> assertThat(l).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void withoutPadsTheWholeRimIsOpen() {
        // pads that fit nowhere: the layout's one gap, the whole bonding line; here one gap a wall, the wall's length
        Seam seam = Seam.between(List.of(), 0, 0.05, 5.6, 4.6);
        assertThat(seam.gaps()).extracting(Opening::lengthMm).containsExactlyInAnyOrder(4.6, 4.6, 5.6, 5.6);
        assertThat(seam.gaps()).extracting(Opening::centreMm).containsOnly(0.0);
    }

    @Test
    void aGapCloseToTheOpeningsHeightIsDrawnOnTheirLinesAndAFarOneOnItsOwn() {
        // 0.05 mm gaps beside 0.057 mm troughs: 12 % apart, within 20 %: drawn 0.057 mm high, so that no 7 µm cell
        // (and no 3.5 µm one between 0.0285 and 0.025) shrinks the time step
        FullwaveModel near = wifi(Seam.between(WIFI_ONE_PAD_A_SIDE, 0.3, 0.05, 5.6, 4.6), 0.057);
        assertThat(near.seam().drawnHeightMm()).isEqualTo(0.057);
        assertThat(near.seam().gapHeightMm()).isEqualTo(0.05);
        assertThat(near.z()).doesNotContain(0.05, 0.025);
        // 0.04 mm gaps beside 0.08 mm troughs (the 28 GHz example's): 50 % apart, drawn as they are, two cells high
        FullwaveModel far = wifi(Seam.between(WIFI_ONE_PAD_A_SIDE, 0.3, 0.04, 5.6, 4.6), 0.08);
        assertThat(far.seam().drawnHeightMm()).isEqualTo(0.04);
        assertThat(far.z()).contains(0.0, 0.02, 0.04, 0.08);
        // the pads' edges are mesh lines
        assertThat(far.x()).contains(-0.15, 0.15);
        assertThat(far.y()).contains(-0.15, 0.15);
    }

    @Test
    void aWallIsMetalAboveWhateverIsOpenBelowIt() {
        // The y = 2.3 wall with one pad a side: troughs 0.057 × 0.057 mm at x = −1.8667, 0, 1.8667; gaps of 0.057 mm
        // from −2.8 to −0.15 and from 0.15 to 2.8. Below 0.057 mm only the pad's stretch less the middle trough is
        // metal: [−0.15, −0.0285] and [0.0285, 0.15]; above it the strip the whole wall long.
        FullwaveModel m = wifi(Seam.between(WIFI_ONE_PAD_A_SIDE, 0.3, 0.05, 5.6, 4.6), 0.057);
        List<double[]> pieces = OpenEmsXml.wallPieces(m, Wall.Y_MAX);
        assertThat(pieces).containsExactly(new double[] {-2.8, 2.8, 0.057, 0.95}, new double[] {-0.15, -0.0285, 0, 0.057},
                new double[] {0.0285, 0.15, 0, 0.057});
        // taller troughs over a lower gap: the wall is metal from the gap's top to the troughs' between them, and
        // not at all in a trough
        FullwaveModel tall = wifi(Seam.between(WIFI_ONE_PAD_A_SIDE, 0.3, 0.04, 5.6, 4.6), 0.08);
        List<double[]> walls = OpenEmsXml.wallPieces(tall, Wall.Y_MAX);
        assertThat(walls.get(0)).containsExactly(-2.8, 2.8, 0.08, 0.95);
        // the first trough's edge: −2.8 + 5.6/6 − 0.0285 = −1.8951667 mm
        assertThat(walls.get(1)).containsExactly(new double[] {-2.8, -1.8951667, 0.04, 0.08}, within(1e-9));
        assertThat(walls).contains(new double[] {-0.15, -0.0285, 0, 0.08});
        assertThat(walls).noneMatch(p -> p[2] < 0.08 && p[0] < -1.85 && p[1] > -1.85);
    }

    @Test
    void aRimBondedAllRoundKeepsTheWallsAsTheyWere() {
        FullwaveModel bonded = wifi(Seam.BONDED, 0.057);
        // one strip above the troughs, and the four stretches between and beside them
        assertThat(OpenEmsXml.wallPieces(bonded, Wall.X_MIN)).hasSize(5);
        assertThat(bonded.seam().open()).isFalse();
    }
}
