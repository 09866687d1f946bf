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
 * Consumer-side view of layout-service's layout JSON (docs/api-guide.md names): only what the recipe needs, unknown
 * fields ignored so the layout may grow without breaking the recipe.
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
     * @param cutList              the singulation cut list
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Metrics(
            @NotNull @Positive Double platedAreaMm2,
            @NotNull @PositiveOrZero Double encapsulantVolumeMm3,
            @NotNull @PositiveOrZero Long openingCount,
            @NotNull @Positive Double streetWidthMm,
            @NotNull @Valid CutList cutList) {
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
