package io.shieldfab.support.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Request enums are read by name only: Jackson would otherwise take a number as the constant at that position
 * ({@code "pulse": 1} as OPERATING_FREQUENCY), an undocumented spelling that changes meaning whenever a constant is
 * added. A number is then a 400 naming the field and the names it accepts (ProblemMapper).
 */
@Singleton
public class EnumsByName implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
