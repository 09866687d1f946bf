package io.shieldfab.recipe.rest;

/** OpenAPI examples and the longer descriptions, kept out of the resources (figures from docs/recipe.md §2). */
final class Examples {

    static final String IDENTITY = ": the caller's identity, which the gateway sets from the API key"
            + " (it never forwards a client's X-User); default api";

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

    static final String RULE_PROBLEM = """
            {"type": "/problems/process-rule", "title": "Process rule violated", "status": 422,
             "detail": "Hollow side walls are open to the rear: claim 15 requires support removal, then a rear covering layer, then encapsulation, so encapsulation.stage BEFORE_SUPPORT_REMOVAL cannot be built; use AFTER_SUPPORT_REMOVAL. Rule HOLLOW_WALL_ORDER (claim 15).",
             "instance": "/api/v1/recipes", "rule": "HOLLOW_WALL_ORDER (claim 15)"}""";

    static final String VALIDATION_PROBLEM = """
            {"type": "/problems/validation", "title": "Invalid input", "status": 400,
             "detail": "The request has 1 invalid field(s).", "instance": "/api/v1/recipes",
             "violations": [{"field": "layout", "message": "is required: the layout JSON from layout-service"}]}""";

    private Examples() {
    }
}
