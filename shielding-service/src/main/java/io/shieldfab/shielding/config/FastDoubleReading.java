package io.shieldfab.shielding.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Reads JSON numbers with Jackson's fast double parser (FastDoubleParser): it is correctly rounded, so every double
 * read is the one {@code Double.parseDouble} gives, only found faster; the stored report that chart.svg reads back
 * carries thousands of them. Writing is left as it is: Jackson's fast double writer can spell a double differently
 * from Java 17's {@code Double.toString}, and the report's bytes are the contract (docs/benchmarks.md, "shielding").
 */
@Singleton
public class FastDoubleReading implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
    }
}
