package io.shieldfab.recipe.rest.dto;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.util.List;

/**
 * Consumer-side view of layout-service's layout JSON (docs/api-guide.md names, docs/layout.md §4): only what the
 * recipe needs, unknown fields ignored so the layout may grow without breaking the recipe. Every length the recipe
 * uses comes from here, never from the design's geometry.
 *
 * @param id          layout id
 * @param designName  design the layout was generated from
 * @param siteCount   sites on the panel
 * @param metrics     the layout's metrics
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LayoutInput(
        String id,
        String designName,
        @NotNull @Positive Integer siteCount,
        @NotNull @Valid Metrics metrics) {

    /**
     * @param platedAreaMm2        3-D plated area of the panel, mm²
     * @param encapsulantVolumeMm3 encapsulant volume, mm³
     * @param openingCount         openings on the panel
     * @param streetWidthMm        narrower street between depressions, mm: the kerf must fit in it
     * @param recessDepthMm        mandrel recess depth = cavity depth, mm: claim 8 holds it to the package height
     * @param bondingPadSizeMm     side of the square bonding pads, mm
     * @param bondingPadsPerSite   bonding pads the layout draws per site (0 when they do not fit on the lands)
     * @param bondingPads          centres of the drawn pads of one site, as many as {@code bondingPadsPerSite}
     * @param cutList              the singulation cut list
     * @param bondingPattern       PADS or RING (absent: PADS, a layout from before the ring)
     * @param bondingRingLengthMm  centre-line length of the drawn ring of one site, mm (absent: 0)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(
            @NotNull @Positive Double platedAreaMm2,
            @NotNull @PositiveOrZero Double encapsulantVolumeMm3,
            @NotNull @PositiveOrZero Long openingCount,
            @NotNull @Positive Double streetWidthMm,
            @NotNull @Positive Double recessDepthMm,
            @NotNull @PositiveOrZero Double bondingPadSizeMm,
            @NotNull @PositiveOrZero Integer bondingPadsPerSite,
            @NotNull List<@NotNull @Valid Pad> bondingPads,
            @NotNull @Valid CutList cutList,
            @Pattern(regexp = "PADS|RING", message = "must be PADS or RING") String bondingPattern,
            @PositiveOrZero Double bondingRingLengthMm) {
    }

    /**
     * @param xMm pad centre along X from the site centre, mm
     * @param yMm pad centre along Y from the site centre, mm
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pad(@NotNull Double xMm, @NotNull Double yMm) {
    }

    /**
     * @param cuts          the cuts
     * @param totalLengthMm sum of the cut lengths, mm
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CutList(
            @NotEmpty List<@NotNull @Valid Cut> cuts,
            @NotNull @Positive Double totalLengthMm) {
    }

    /**
     * @param axis       {@code X} (horizontal cut at y = position) or {@code Y} (vertical cut at x = position)
     * @param positionMm cut centre line, mm
     * @param lengthMm   cut length, mm
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cut(
            @NotNull @Pattern(regexp = "X|Y", message = "must be X or Y") String axis,
            @NotNull @DecimalMin("0") Double positionMm,
            @NotNull @Positive Double lengthMm) {
    }
}
