package io.shieldfab.recipe.rest;

/** OpenAPI examples, kept in one place (figures from docs/recipe.md §2). */
final class Examples {

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
