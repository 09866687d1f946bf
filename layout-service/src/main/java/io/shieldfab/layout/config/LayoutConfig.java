package io.shieldfab.layout.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** layout-service settings ({@code shieldfab.layout.*} in application.properties). */
@ConfigMapping(prefix = "shieldfab.layout")
public interface LayoutConfig {

    /**
     * Most sites a flat file (flat GDSII, DXF) is generated for. A flat 300 × 300 GDSII is about 140 MB; the
     * default 250 000 sites keeps a flat file under about 400 MB. Hierarchical GDSII and SVG have no site limit; the
     * output limits ({@code support.config.OutputLimitsConfig}) bound every format by size.
     */
    @WithDefault("250000")
    int maxFlatSites();

    /** Largest request body accepted by {@code POST /api/v1/layouts}, bytes (the design reader's 1 MiB). */
    @WithDefault("1048576")
    int maxDesignBytes();
}
