package io.shieldfab.layout.rest;

/** OpenAPI descriptions and examples of {@link LayoutResource}, kept out of its code. */
final class Examples {

    private Examples() {
    }

    static final String CREATE_DESCRIPTION = "Takes the design document itself (JSON, or YAML with Content-Type"
            + " application/yaml), generates the panel geometry and its metrics and stores both. Warnings from the"
            + " design reader and the geometry are returned in `warnings`. Honours `Idempotency-Key` (IdempotencyFilter):"
            + " a repeat of the same request gets the first answer again, marked `Idempotent-Replayed: true`;"
            + " the key with another request is a 422.";

    static final String GDS_DESCRIPTION = "Hierarchical by default (one site cell placed with an AREF); `flat=true` for"
            + " every polygon in one cell with per-site labels. Database unit 1 nm (coarser only beyond ±2.147 m),"
            + " user unit 1 µm.";

    static final String DESIGN = """
            {"name": "wifi-fem-4x6", "revision": "A",
             "package": {"bodyLengthMm": 5.0, "bodyWidthMm": 4.0, "heightMm": 0.9, "operatingFrequencyHz": 2.45e9},
             "panel": {"rows": 4, "columns": 6, "pitchXMm": 7.0, "pitchYMm": 6.0, "marginMm": 3.0, "sawKerfMm": 0.2},
             "shield": {"material": "NICKEL", "thicknessUm": 25, "wallClearanceMm": 0.3,
                        "openings": {"style": "SLOTS", "perWall": 3, "lengthMm": 0.8, "heightMm": 0.2}},
             "mandrel": {"material": "STAINLESS_STEEL", "recessDepthMm": 0.95},
             "encapsulation": {"material": "EPOXY_MOLD_COMPOUND", "stage": "BEFORE_SUPPORT_REMOVAL"},
             "bonding": {"material": "SAC305"}}""";

    static final String LAYOUT = """
            {"id": "0b6f1f8e-3c1a-4d59-9a55-0e4c3f1f2a10", "designName": "wifi-fem-4x6", "designRevision": "A",
             "siteCount": 24, "rows": 4, "columns": 6, "createdAt": "2026-11-24T01:02:03Z", "generatorVersion": "1.0.0",
             "metrics": {"platedAreaMm2": 1427.04, "platedAreaPerSiteMm2": 59.46, "cavityVolumeMm3": 587.328,
               "packageVolumeMm3": 432.0, "encapsulantVolumeMm3": 156.48, "openingVolumeMm3": 1.152,
               "openingCount": 288, "openingsPerSite": 12, "openingMaxDimensionMm": 0.8, "openingLengthMm": 0.8,
               "openingHeightMm": 0.2, "openingDepthMm": 0.025, "wallThicknessUm": 25.0, "wallTotalThicknessUm": 25.0,
               "recessDepthMm": 0.95, "streetWidthMm": 1.35,
               "cutList": {"cuts": [{"axis": "X", "positionMm": 3.0, "lengthMm": 48.0}], "totalLengthMm": 450.0,
                           "cutCount": 12}},
             "warnings": []}""";

    static final String VALIDATION = """
            {"type": "/problems/validation", "title": "Invalid input", "status": 400,
             "detail": "The design has 2 invalid field(s).", "instance": "/api/v1/layouts",
             "violations": [{"field": "panel.rows", "message": "must be at least 1 and at most 1000"},
                            {"field": "shield.thicknessUm", "message": "is required"}]}""";

    static final String NOT_FOUND = """
            {"type": "/problems/not-found", "title": "Not Found", "status": 404,
             "detail": "No layout with id 0b6f1f8e-3c1a-4d59-9a55-0e4c3f1f2a10.",
             "instance": "/api/v1/layouts/0b6f1f8e-3c1a-4d59-9a55-0e4c3f1f2a10"}""";

    static final String FLAT_LIMIT = """
            {"type": "/problems/process-rule", "title": "Process rule violated", "status": 422,
             "detail": "A flat DXF file is generated for at most 250000 sites; this panel has 1000000.",
             "rule": "FLAT_OUTPUT_SITE_LIMIT"}""";
}
