package io.shieldfab.shielding.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The stateless calculators over HTTP; the figures are worked out in the physics tests. */
@QuarkusTest
class CalculationResourceTest {

    @BeforeAll
    static void doubles() {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    @Test
    void sheetByMaterialUsesNickelsFrequencyDependentPermeability() {
        // Nickel 25 µm at 2.45 GHz: μr = 5.6466 (NickelPermeabilityTest);
        //   δ = 1/√(π·2.45e9·4π·10⁻⁷·5.6466·1.43e7) = 1/√(7.8100e11) = 1/883,740 = 1.1316 µm
        //   R = 168 + 10·log10(0.246552/(5.6466·2.45e9)) = 168 + 10·log10(1.78218e-11) = 168 − 107.490 = 60.510 dB
        given().contentType(ContentType.JSON).body(Examples.SHEET)
                .when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(200)
                .body("relativePermeability", closeTo(5.6466, 0.0005))
                .body("skinDepthUm", closeTo(1.1316, 0.0005))
                .body("reflectionDb", closeTo(60.510, 0.002))
                .body("multipleReflectionDb", closeTo(0.0, 1e-6))
                .body("field", equalTo("PLANE_WAVE"));
    }

    @Test
    void sheetWithExplicitPropertiesAndMagneticNearField() {
        // Copper, 1 MHz, r = 100 mm: R_H = 14.6 + 10·log10(1e6·0.01) = 54.6 dB (SheetShieldingTest)
        given().contentType(ContentType.JSON).body(Examples.SHEET_NEAR)
                .when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(200)
                .body("reflectionDb", closeTo(54.6, 1e-9))
                .body("skinDepthUm", closeTo(66.085, 0.001))
                .body("material", nullValue());
    }

    @Test
    void sheetNeedsAMaterialOrAConductivityAndNamesTheFields() {
        given().contentType(ContentType.JSON).body("{\"thicknessUm\": -1, \"frequencyHz\": 1e9, \"field\": \"ELECTRIC_NEAR\"}")
                .when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations.field", hasItem("thicknessUm"))
                .body("toString()", not(containsString("Exception")));
        given().contentType(ContentType.JSON).body("{\"thicknessUm\": 1, \"frequencyHz\": 1e9, \"field\": \"ELECTRIC_NEAR\"}")
                .when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(400)
                .body("violations.field", hasItems("material", "sourceDistanceMm"));
        given().contentType(ContentType.JSON).body("{\"material\": \"UNOBTAINIUM\", \"thicknessUm\": 1, \"frequencyHz\": 1e9}")
                .when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("material"))
                .body("violations[0].message", containsString("NICKEL"));
    }

    @Test
    void wrongTypesAndOverflowsAreNamedNotCrashed() {
        given().contentType(ContentType.JSON).body("{\"material\": \"COPPER\", \"thicknessUm\": \"thick\", \"frequencyHz\": 1e9}")
                .when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("thicknessUm"))
                .body("toString()", not(containsString("java.")));
        given().contentType(ContentType.JSON).body("{\"material\": \"COPPER\", \"thicknessUm\": 1, \"frequencyHz\": 1e400}")
                .when().post("/api/v1/shielding/calculations/sheet")
                .then().statusCode(400)
                .body("violations.field", hasItem("frequencyHz"));
        given().contentType(ContentType.JSON).body("{\"lengthMm\": 1, \"frequencyHz\": 1e9,")
                .when().post("/api/v1/shielding/calculations/aperture")
                .then().log().ifValidationFails().statusCode(400).body("violations[0].field", equalTo("$"));
    }

    @Test
    void apertureExample() {
        // ApertureShieldingTest: λ = 62.7715 mm, SE = 27.1017 dB, fc = 96.119 GHz; d/L = 0.025/0.8 < 1: no depth
        // credit; resonant at λ/2 = 31.3858 mm
        given().contentType(ContentType.JSON).body(Examples.APERTURE)
                .when().post("/api/v1/shielding/calculations/aperture")
                .then().statusCode(200)
                .body("wavelengthMm", closeTo(62.7715, 0.0002))
                .body("seDb", closeTo(27.1017, 0.0002))
                .body("cutoffFrequencyHz", closeTo(96.119e9, 1e6))
                .body("depthAttenuationDb", equalTo(0.0))
                .body("depthCreditApplied", equalTo(false))
                .body("resonantLengthMm", closeTo(31.3858, 0.0002));
    }

    @Test
    void aNotchIsResonantAtAQuarterWavelength() {
        // ApertureShieldingTest: six 0.5 mm notches at 1 GHz in εr 3.5 → 30.2936 dB, resonant at λ/4 = 40.0615 mm
        given().contentType(ContentType.JSON)
                .body("{\"lengthMm\": 0.5, \"count\": 6, \"frequencyHz\": 1e9, \"depthMm\": 0.03,"
                        + " \"relativePermittivity\": 3.5, \"shape\": \"NOTCH\"}")
                .when().post("/api/v1/shielding/calculations/aperture")
                .then().statusCode(200)
                .body("seDb", closeTo(30.2936, 0.0002))
                .body("shape", equalTo("NOTCH"))
                .body("resonantLengthMm", closeTo(40.0615, 0.0002))
                .body("halfWavelengthMm", closeTo(80.1229, 0.0002))
                .body("depthCreditApplied", equalTo(false));
    }

    @Test
    void openingAboveHalfAWavelengthGivesZeroDecibels() {
        given().contentType(ContentType.JSON).body("{\"lengthMm\": 200, \"count\": 10, \"frequencyHz\": 1e9}")
                .when().post("/api/v1/shielding/calculations/aperture")
                .then().statusCode(200)
                .body("seDb", equalTo(0.0))
                .body("depthAttenuationDb", equalTo(0.0));
    }

    @Test
    void apertureRejectsBadFieldsByName() {
        given().contentType(ContentType.JSON).body("{\"lengthMm\": 0, \"count\": 0, \"relativePermittivity\": 0.5, \"shape\": \"OVAL\"}")
                .when().post("/api/v1/shielding/calculations/aperture")
                .then().statusCode(400)
                .body("violations.field", hasItems("lengthMm", "count", "frequencyHz", "relativePermittivity"));
    }

    @Test
    void enclosureOfThePaperBox() {
        // EnclosureShieldingTest: SE_E = 31.107 dB, SE_H = 35.045 dB at 500 MHz; TE101 of 300 × 300 = 706.62 MHz
        given().contentType(ContentType.JSON).body(Examples.ENCLOSURE)
                .when().post("/api/v1/shielding/calculations/enclosure")
                .then().statusCode(200)
                .body("seElectricDb", closeTo(31.107, 0.01))
                .body("seMagneticDb", closeTo(35.045, 0.01))
                .body("firstResonanceHz", closeTo(706.62e6, 0.01e6));
    }

    @Test
    void enclosureRefusesImpossibleGeometry() {
        given().contentType(ContentType.JSON).body("""
                { "widthMm": 100, "heightMm": 10, "depthMm": 100, "apertureLengthMm": 60, "apertureWidthMm": 12,
                  "wallThicknessMm": 1, "apertureCount": 2, "probeDistanceMm": 150, "frequencyHz": 1e9 }""")
                .when().post("/api/v1/shielding/calculations/enclosure")
                .then().statusCode(400)
                .body("violations.field", hasItems("apertureLengthMm", "apertureWidthMm", "probeDistanceMm"));
    }

    @Test
    void materialLibrary() {
        given().when().get("/api/v1/shielding/materials")
                .then().statusCode(200)
                .body("$", hasSize(8))
                .body("name", hasItems("COPPER", "NICKEL", "GOLD", "MOLYBDENUM", "STEEL", "STAINLESS_STEEL", "BRASS",
                        "CHROMIUM"))
                .body("find { it.name == 'COPPER' }.conductivitySPerM", equalTo(5.8e7))
                .body("find { it.name == 'NICKEL' }.conductivitySPerM", equalTo(1.43e7))
                .body("find { it.name == 'GOLD' }.conductivitySPerM", equalTo(4.52e7))
                .body("find { it.name == 'NICKEL' }.permeabilityModel.initialPermeability", equalTo(100.0))
                .body("find { it.name == 'GOLD' }.source", containsString("CRC"));
    }
}
