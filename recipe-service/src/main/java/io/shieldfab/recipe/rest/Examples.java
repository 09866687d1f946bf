package io.shieldfab.recipe.rest;

/** OpenAPI examples and the longer descriptions, kept out of the resources (figures from docs/recipe.md §2). */
final class Examples {

    static final String IDENTITY = ": the caller's identity, which the gateway sets from the API key"
            + " (it never forwards a client's X-User); default api";

    static final String IDEMPOTENCY_KEY = "Repeat-safe request: a repeat with the same key and the same request"
            + " returns the first answer; with another request it is a 422 (type /problems/idempotency-key-reused)."
            + " 1 to 255 characters, kept 24 h";

    static final String LOCATION = "The recipe's URL";

    static final String ETAG = "The recipe's content hash and status; send it as If-None-Match for a 304";

    static final String CREATE = "Compiles a DRAFT recipe from a design document and its layout. A repeated"
            + " Idempotency-Key with the same request returns the first answer (IdempotencyFilter); with another"
            + " request it is a 422 (type /problems/idempotency-key-reused).";

    static final String CREATE_422 = "A process rule of the claims is broken (rule names it), or the"
            + " Idempotency-Key was first used with a different request (type /problems/idempotency-key-reused)";

    static final String CHANGE = "Recompiles a DRAFT or APPROVED recipe in place (back to DRAFT). A RELEASED recipe"
            + " never changes: the change becomes a new DRAFT version (201).";

    static final String APPROVE = "Records who (the caller's identity: X-User, else api), when, and the body's"
            + " optional comment (lifecycle.approvalComment). The deprecated body field user is a comment too, never"
            + " who approves.";

    static final String RELEASE = "After release the recipe is immutable. Records who (the caller's identity:"
            + " X-User, else api), when, and the body's optional comment (lifecycle.releaseComment). The deprecated"
            + " body field user is a comment too, never who releases.";

    static final String LIFECYCLE_BODY = "Optional: no body (and no Content-Type) records no comment";

    static final String LIFECYCLE_400 = "Malformed body, comment (or its deprecated alias user) over 500"
            + " characters, comment and user both given and different, or X-User over 100 characters";

    static final String PLATING_REQUEST = """
            {"metal": "NICKEL", "thicknessUm": 25, "currentDensityAPerDm2": 2.0, "areaMm2": 1427.04}""";

    static final String PLATING_RESPONSE = """
            {"metal": "NICKEL", "durationS": 3774.16, "currentA": 0.285408, "depositMassG": 0.317802,
             "efficiency": 0.97, "ampereHours": 0.299216, "depositionRateUmPerH": 23.8464,
             "bath": {"name": "nickel sulfamate", "temperatureC": 50.0, "minTemperatureC": 40.0,
                      "maxTemperatureC": 60.0, "ph": 4.0, "minPh": 3.5, "maxPh": 4.5,
                      "minCurrentDensityAPerDm2": 0.5, "maxCurrentDensityAPerDm2": 15.0}}""";

    /** The Wi-Fi example's row (docs/recipe.md §4, worked there): 6 sites from one gate through 3 troughs a wall. */
    static final String FILL_REQUEST = """
            {"method": "TRANSFER_MOLD", "viscosityPaS": 10, "fillerTopCutUm": 25, "gelTimeS": 30, "pressureKPa": 7000,
             "chainSites": 6, "openingsPerWall": 3, "openingLengthMm": 0.15, "openingHeightMm": 0.1,
             "ductLengthMm": 1.4, "wallsPerStep": 1, "stepVolumeMm3": 6.598}""";

    static final String FILL_RESPONSE = """
            {"method": "TRANSFER_MOLD", "viscosityPaS": 10.0, "fillerTopCutUm": 25.0, "gelTimeS": 30.0,
             "pressureKPa": 7000.0, "minOpeningMm": 0.0882563, "fillerMinOpeningMm": 0.075,
             "flowMinOpeningMm": 0.0882563, "longestChainSites": 6, "fillTimeS": 9.10069, "allowedTimeS": 15.0,
             "requiredPressureKPa": 4246.99, "status": "PASS", "findings": []}""";

    static final String RELEASE_422 = "The recipe's encapsulant fill FAILs (fill.status): the problem's rule is the"
            + " first failed fill rule (e.g. FILLER_PASSES_OPENING), the detail lists every failed finding with its"
            + " fixes";

    static final String RULE_PROBLEM = """
            {"type": "/problems/process-rule", "title": "Process rule violated", "status": 422,
             "detail": "Slots through the side walls face the solid mandrel rib while the support is in place (encapsulation.stage BEFORE_SUPPORT_REMOVAL), so the encapsulant has no path from one depression to the next (claims 13, 16). Use shield.openings.style TROUGHS (channels over the rib, same lengthMm and heightMm), or set encapsulation.stage AFTER_SUPPORT_REMOVAL: the slots then open into the wall spaces, which a rear covering layer closes while the encapsulant goes in (claim 15). Rule FLOW_PATH (claims 13, 15, 16).",
             "instance": "/api/v1/recipes", "rule": "FLOW_PATH (claims 13, 15, 16)"}""";

    static final String VALIDATION_PROBLEM = """
            {"type": "/problems/validation", "title": "Invalid input", "status": 400,
             "detail": "The request has 1 invalid field(s).", "instance": "/api/v1/recipes",
             "violations": [{"field": "layout", "message": "is required: the layout JSON from layout-service"}]}""";

    private Examples() {
    }
}
