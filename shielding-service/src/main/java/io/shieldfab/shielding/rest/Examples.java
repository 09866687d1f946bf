package io.shieldfab.shielding.rest;

/**
 * OpenAPI request examples: real inputs whose results the tests check. The evaluation's layout is the part of
 * layout-service's answer for that design that shielding reads (a real layout has more members).
 */
final class Examples {

    static final String SHEET = """
            { "material": "NICKEL", "thicknessUm": 25, "frequencyHz": 2.45e9 }""";

    static final String SHEET_NEAR = """
            { "conductivitySPerM": 5.8e7, "relativePermeability": 1, "thicknessUm": 25, "frequencyHz": 1e6,
              "field": "MAGNETIC_NEAR", "sourceDistanceMm": 100 }""";

    static final String APERTURE = """
            { "lengthMm": 0.8, "count": 3, "frequencyHz": 2.45e9, "depthMm": 0.025, "relativePermittivity": 3.8 }""";

    static final String ENCLOSURE = """
            { "widthMm": 300, "heightMm": 120, "depthMm": 300, "apertureLengthMm": 100, "apertureWidthMm": 5,
              "wallThicknessMm": 1.5, "apertureCount": 1, "probeDistanceMm": 150, "frequencyHz": 5e8 }""";

    static final String EVALUATION = """
            { "design": { "name": "wifi-fem-4x6", "revision": "A",
                "package": { "bodyLengthMm": 5.0, "bodyWidthMm": 4.0, "heightMm": 0.9,
                             "operatingFrequencyHz": 2.45e9, "radiator": "INTENTIONAL" },
                "panel": { "rows": 4, "columns": 6, "pitchXMm": 7.0, "pitchYMm": 6.0 },
                "shield": { "material": "NICKEL", "thicknessUm": 25, "wallClearanceMm": 0.3,
                            "openings": { "style": "TROUGHS", "perWall": 3, "lengthMm": 0.057, "heightMm": 0.057 } },
                "mandrel": { "material": "STAINLESS_STEEL", "recessDepthMm": 0.95 },
                "encapsulation": { "material": "EPOXY_MOLD_COMPOUND", "stage": "BEFORE_SUPPORT_REMOVAL",
                                   "method": "TRANSFER_MOLD", "fillerTopCutUm": 15, "gatesPerRow": 6 },
                "bonding": { "material": "SAC305", "pattern": "RING", "padSizeMm": 0.3 },
                "requirements": { "minShieldingDb": 30, "apertureRule": "LAMBDA_OVER_20" } },
              "layout": { "id": "57675cbd-690d-456e-8671-2960b9b429e7", "designName": "wifi-fem-4x6", "siteCount": 24,
                "site": { "cavityLengthMm": 5.6, "cavityWidthMm": 4.6, "cavityDepthMm": 0.95, "wallThicknessUm": 25.0,
                          "openingStyle": "TROUGHS", "openingsPerWall": 3, "openingsPerSite": 12 },
                "metrics": { "openingCount": 288, "openingsPerSite": 12, "openingMaxDimensionMm": 0.057,
                             "openingLengthMm": 0.057, "openingHeightMm": 0.057, "openingDepthMm": 0.025,
                             "wallThicknessUm": 25.0, "route": "TROUGHS", "bondingPattern": "RING",
                             "seamGapCount": 0, "seamLongestGapMm": 0.0 } } }""";

    private Examples() {
    }
}
