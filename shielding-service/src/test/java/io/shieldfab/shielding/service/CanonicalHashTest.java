package io.shieldfab.shielding.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.shieldfab.shielding.rest.dto.EvaluationRequest;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import io.shieldfab.support.json.CanonicalJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalHashTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void keyOrderDoesNotMatterButContentDoes() throws Exception {
        JsonNode a = mapper.readTree("{\"b\": 1, \"a\": {\"y\": [1, {\"q\": 2, \"p\": 3}], \"x\": null}}");
        JsonNode b = mapper.readTree("{\"a\": {\"x\": null, \"y\": [1, {\"p\": 3, \"q\": 2}]}, \"b\": 1}");
        assertThat(CanonicalJson.write(a))
                .isEqualTo(CanonicalJson.write(b))
                .isEqualTo("{\"a\":{\"x\":null,\"y\":[1,{\"p\":3,\"q\":2}]},\"b\":1}");
        JsonNode wifi = mapper.valueToTree(new EvaluationRequest(ExampleDesigns.tree(ExampleDesigns.WIFI), null));
        JsonNode mcu = mapper.valueToTree(new EvaluationRequest(ExampleDesigns.tree(ExampleDesigns.MCU), null));
        assertThat(CanonicalJson.write(wifi))
                .isNotEqualTo(CanonicalJson.write(mcu));
    }

    @Test
    void theInputHashIsThatOfTheWholeRequestAsJacksonWritesIt() {
        // the stored input_hash: the request's trees hashed under a new root give what the request record gives
        for (var request : List.of(
                new EvaluationRequest(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.tree(ExampleLayouts.WIFI)),
                new EvaluationRequest(ExampleDesigns.tree(ExampleDesigns.MMWAVE), ExampleLayouts.tree(ExampleLayouts.MMWAVE)),
                new EvaluationRequest(ExampleDesigns.tree(ExampleDesigns.MCU), ExampleLayouts.tree(ExampleLayouts.MCU)),
                new EvaluationRequest(ExampleDesigns.tree(ExampleDesigns.MCU), null),
                new EvaluationRequest(ExampleDesigns.tree(ExampleDesigns.MCU), NullNode.getInstance()))) {
            assertThat(EvaluationService.inputHash(request))
                    .isEqualTo(CanonicalJson.sha256(mapper.valueToTree(request)));
        }
    }
}
