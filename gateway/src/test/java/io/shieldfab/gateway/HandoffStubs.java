package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.nio.charset.StandardCharsets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** Canned answers of the three services, shaped as docs/api-guide.md describes them. */
final class HandoffStubs {

    /**
     * The API version the stubbed services name on their creating answers (ShieldFab-Api-Version), unlike their
     * OpenAPI documents' 1.0.0, so a test can tell which one a manifest was written from.
     */
    static final String CREATING_API_VERSION = "1.1.0";

    static final byte[] GDS = {0, 6, 0, 2, 0, 7, 0, 28, 1, 2};
    static final byte[] PDF = "%PDF-1.7\n%stub\n".getBytes(StandardCharsets.US_ASCII);

    private HandoffStubs() {
    }

    static void layoutOk(WireMockServer wm) {
        String layout = """
                {"id":"L-1","designName":"wifi-fem-4x6","siteCount":24,"generatorVersion":"layout-1",
                 "metrics":{"platedAreaMm2":1234.5,"cavityVolumeMm3":600.0,"packageVolumeMm3":432.0,
                 "encapsulantVolumeMm3":170.0,"openingCount":288,"openingMaxDimensionMm":0.8,"wallThicknessUm":25,
                 "cutList":{"cuts":[{"axis":"X","positionMm":7.0,"lengthMm":30.0}],"totalLengthMm":30.0}}}""";
        wm.stubFor(post(urlEqualTo("/api/v1/layouts")).willReturn(created(layout)));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/L-1")).willReturn(json(200, layout)));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/L-1/gds"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream").withBody(GDS)));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/L-1/dxf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/vnd.dxf").withBody("0\nSECTION\n0\nEOF\n")));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/L-1/svg"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/svg+xml").withBody("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")));
    }

    static void shieldingOk(WireMockServer wm) {
        String report = "{\"id\":\"E-1\",\"verdict\":\"PASS\",\"frequencies\":[],\"findings\":[]}";
        wm.stubFor(post(urlEqualTo("/api/v1/shielding/evaluations")).willReturn(created(report)));
        wm.stubFor(get(urlEqualTo("/api/v1/shielding/evaluations/E-1")).willReturn(json(200, report)));
    }

    static void recipeOk(WireMockServer wm) {
        String recipe = "{\"id\":\"R-1\",\"version\":1,\"status\":\"DRAFT\",\"contentHash\":\"ab\",\"unitProcedures\":[]}";
        wm.stubFor(post(urlEqualTo("/api/v1/recipes")).willReturn(created(recipe)));
        wm.stubFor(get(urlEqualTo("/api/v1/recipes/R-1")).willReturn(json(200, recipe)));
        wm.stubFor(get(urlEqualTo("/api/v1/recipes/R-1/traveler")).withHeader("Accept", containing("text/html"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html><body>traveler</body></html>")));
        wm.stubFor(get(urlEqualTo("/api/v1/recipes/R-1/traveler")).withHeader("Accept", containing("application/pdf"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/pdf").withBody(PDF)));
    }

    static void openApi(WireMockServer wm) {
        wm.stubFor(get(urlPathEqualTo("/q/openapi")).willReturn(json(200, "{\"info\":{\"version\":\"1.0.0\"}}")));
    }

    static void allOk(WireMockServer wm) {
        layoutOk(wm);
        shieldingOk(wm);
        recipeOk(wm);
        openApi(wm);
    }

    /** A creating call's answer as the services give it: 201, the document, and the API version. */
    static ResponseDefinitionBuilder created(String body) {
        return json(201, body).withHeader("ShieldFab-Api-Version", CREATING_API_VERSION);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
