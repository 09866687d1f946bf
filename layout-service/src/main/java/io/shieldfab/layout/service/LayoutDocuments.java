package io.shieldfab.layout.service;

import io.shieldfab.design.Violation;
import io.shieldfab.layout.format.GdsWriter;
import io.shieldfab.layout.geometry.Layer;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import io.shieldfab.layout.rest.dto.LayoutResponse;
import io.shieldfab.layout.rest.dto.MetricsDto;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the layout document (the API's JSON) from generated geometry and metrics: units converted here only. */
final class LayoutDocuments {

    private LayoutDocuments() {
    }

    static LayoutResponse of(String id, PanelLayout layout, LayoutMetrics m, Instant createdAt, String generatorVersion,
                             List<Violation> warnings, String selfPath) {
        LayoutSpec s = layout.spec();
        var panel = new LayoutResponse.PanelDto(mm(s.panelWidthNm()), mm(s.panelHeightNm()), mm(s.pitchXNm()),
                mm(s.pitchYNm()), mm(s.marginNm()), mm(s.kerfNm()), mm(s.streetXNm()), mm(s.streetYNm()),
                layout.fiducialCentres().size(), GdsWriter.units(layout).dbuNm());
        Map<String, Long> perLayer = new LinkedHashMap<>();
        for (Layer l : Layer.values()) {
            long n = layout.site().count(l);
            if (n > 0) {
                perLayer.put(String.valueOf(l.gdsLayer()), n);
            }
        }
        var site = new LayoutResponse.SiteDto(mm(s.packageLengthNm()), mm(s.packageWidthNm()), mm(s.packageHeightNm()),
                mm(s.cavityXNm()), mm(s.cavityYNm()), mm(s.recessDepthNm()),
                mm(s.recessXNm()), mm(s.recessYNm()), mm(s.recessDepthNm()),
                s.thicknessNm() / 1e3, s.wallTotalNm() / 1e3, s.wallSpaceOpen(),
                s.openingStyle(), s.openingsPerWall(), s.openingsPerSite(),
                mm(s.openingLengthNm()), mm(s.openingHeightNm()),
                m.padsPerSite(), mm(s.padSizeNm()), perLayer, s.wallSpaceOpen());
        List<MetricsDto.CutDto> cuts = m.cuts().stream()
                .map(c -> new MetricsDto.CutDto(c.axis(), mm(c.positionNm()), mm(c.lengthNm()))).toList();
        LayoutMetrics.Pathways p = m.pathways();
        var metrics = new MetricsDto(m.platedAreaMm2(), m.platedAreaPerSiteMm2(), m.cavityVolumeMm3(),
                m.packageVolumeMm3(), m.encapsulantVolumeMm3(), m.openingVolumeMm3(), m.openingCount(),
                m.openingsPerSite(), m.openingMaxDimensionMm(), m.openingLengthMm(), m.openingHeightMm(),
                m.openingDepthMm(), m.wallThicknessUm(), m.wallTotalThicknessUm(), m.recessDepthMm(),
                m.streetWidthMm(), new MetricsDto.CutListDto(cuts, m.totalCutLengthMm(), cuts.size()),
                m.openingsPerWall(), m.streetXMm(), m.streetYMm(), m.padSizeMm(), m.padsPerSite(),
                m.padCentres().stream().map(c -> new MetricsDto.PadDto(c.xMm(), c.yMm())).toList(),
                p.route(), p.pathwayCount(), p.pathwayCrossSectionMm2(), p.pathwayLengthMm(),
                p.wallSpaceVolumePerSiteMm3(), p.wallSpaceVolumeMm3(), p.wallSpaceFilled(),
                p.packageInRecessVolumeMm3(), p.encapsulantVolumePerSiteMm3(), p.rearCoverRequired(),
                m.bondingPattern(), m.seamGapCount(), m.seamLongestGapMm(),
                m.bondingRingLengthMm());
        List<LayoutResponse.LayerDto> layers = Arrays.stream(Layer.values())
                .map(l -> new LayoutResponse.LayerDto(l.gdsLayer(), l.dxfName(), l.description(), l.svgColour()))
                .toList();
        var files = new LayoutResponse.FilesDto(selfPath + "/gds", selfPath + "/dxf", selfPath + "/svg");
        return new LayoutResponse(id, s.name(), s.revision(), (int) s.siteCount(), s.rows(), s.columns(),
                createdAt.toString(), generatorVersion, panel, site, metrics, layers, warnings, files);
    }

    static double mm(long nm) {
        return nm / 1e6;
    }

}
