package io.shieldfab.layout.rest.dto;

import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.Violation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * A generated layout as the API returns it (docs/api-guide.md, "Layouts"). {@code id}, {@code designName},
 * {@code siteCount} and {@code metrics} are the contract shielding-service and recipe-service read; the
 * other members are additions and never rename or replace those.
 *
 * @param id               layout id
 * @param designName       the design's name
 * @param designRevision   the design's revision
 * @param siteCount        rows × columns
 * @param rows             site rows
 * @param columns          site columns
 * @param createdAt        creation time, ISO-8601 UTC (also the GDSII time stamp)
 * @param generatorVersion version of the geometry generator that produced it
 * @param panel            panel dimensions
 * @param site             dimensions of one site
 * @param metrics          metrics (docs/api-guide.md names)
 * @param layers           the layer map used by the GDSII and DXF files
 * @param warnings         warnings from reading the design and from the geometry
 * @param files            links to the generated files
 */
@Schema(name = "Layout")
public record LayoutResponse(
        String id,
        String designName,
        String designRevision,
        int siteCount,
        int rows,
        int columns,
        String createdAt,
        String generatorVersion,
        PanelDto panel,
        SiteDto site,
        MetricsDto metrics,
        List<LayerDto> layers,
        List<Violation> warnings,
        FilesDto files) {

    /**
     * @param widthMm         panel outline width (columns × pitchX + 2 × margin), mm
     * @param heightMm        panel outline height, mm
     * @param pitchXMm        column pitch, mm
     * @param pitchYMm        row pitch, mm
     * @param marginMm        margin outside the site array, mm
     * @param sawKerfMm       saw kerf, mm
     * @param streetWidthXMm  street between depressions of adjacent columns, mm
     * @param streetWidthYMm  street between depressions of adjacent rows, mm
     * @param fiducialCount   fiducials (three corners)
     * @param gdsDatabaseUnitNm GDSII database unit, nm (1 unless the panel exceeds the int32 range)
     */
    public record PanelDto(double widthMm, double heightMm, double pitchXMm, double pitchYMm, double marginMm,
                           double sawKerfMm, double streetWidthXMm, double streetWidthYMm, int fiducialCount,
                           long gdsDatabaseUnitNm) {
    }

    /**
     * @param packageLengthMm   package body X, mm
     * @param packageWidthMm    package body Y, mm
     * @param packageHeightMm   package body height, mm
     * @param cavityLengthMm    inner cavity X = package + 2 × clearance, mm
     * @param cavityWidthMm     inner cavity Y, mm
     * @param cavityDepthMm     inner cavity depth = recess depth, mm
     * @param recessLengthMm    mandrel recess X = outer size of the depression, mm
     * @param recessWidthMm     mandrel recess Y, mm
     * @param recessDepthMm     mandrel recess depth, mm
     * @param wallThicknessUm   plated thickness, µm
     * @param wallTotalThicknessUm wall thickness from cavity to street (the plated thickness), µm
     * @param hollowWalls       deprecated: the same as {@code wallSpaceOpen}, kept for existing clients
     * @param openingStyle      SLOTS, TROUGHS, PILLARS or NONE
     * @param openingsPerWall   openings per side wall
     * @param openingsPerSite   openings per depression
     * @param openingLengthMm   opening length along the wall, mm
     * @param openingHeightMm   opening height, mm
     * @param bondingPadCount   square bonding pads per site, as metrics.bondingPadsPerSite (0 with a RING or when
     *                          they do not fit)
     * @param bondingPadSizeMm  bonding pad side, mm
     * @param polygonsPerLayer  polygons of one site per GDSII layer number
     * @param wallSpaceOpen     the support is removed before encapsulation, so each rib leaves a wall space open to
     *                          the rear (claim 15)
     */
    public record SiteDto(double packageLengthMm, double packageWidthMm, double packageHeightMm,
                          double cavityLengthMm, double cavityWidthMm, double cavityDepthMm,
                          double recessLengthMm, double recessWidthMm, double recessDepthMm,
                          double wallThicknessUm, double wallTotalThicknessUm,
                          @Schema(deprecated = true, description = "Deprecated: the same as wallSpaceOpen.")
                          boolean hollowWalls,
                          OpeningStyle openingStyle, int openingsPerWall, int openingsPerSite,
                          double openingLengthMm, double openingHeightMm,
                          int bondingPadCount, double bondingPadSizeMm,
                          Map<String, Long> polygonsPerLayer, boolean wallSpaceOpen) {
    }

    /**
     * @param gdsLayer    GDSII layer number (datatype 0)
     * @param dxfLayer    DXF layer name
     * @param description what it is
     * @param svgColour   colour in the SVG preview
     */
    public record LayerDto(int gdsLayer, String dxfLayer, String description, String svgColour) {
    }

    /**
     * @param gds     hierarchical GDSII ({@code ?flat=true} for flat)
     * @param dxf     flat DXF R12
     * @param svg     SVG preview
     */
    public record FilesDto(String gds, String dxf, String svg) {
    }
}
