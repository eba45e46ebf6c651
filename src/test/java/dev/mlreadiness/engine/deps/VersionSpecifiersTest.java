package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionSpecifiersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|1.2.2|true", ">=1.3|1.2.2|false", ">=1.3|1.3|true", ">=1.3|1.3.0|true", ">1.3|1.3.0|false",
            ">1.3|1.3.post1|false", ">1.3|1.3.1|true", "<2|1.26.4|true", "<2|2.0.0|false", "<=2|2.0|true",
            "==1.2|1.2.0|true", "!=1.2|1.2.0|false", ">=2,<3|2.2.2|true", ">=2,<3|3.0|false",
            "~=1.4.5|1.4.9|true", "~=1.4.5|1.5.0|false", "~=1.4|1.9|true", "~=1.4|2.0|false",
            "^2.0|2.9.1|true", "^2.0|3.0|false", "^0.2.3|0.2.9|true", "^0.2.3|0.3.0|false", "~1.2.3|1.2.9|true",
            "~1.2.3|1.3.0|false", "~1|1.9|true",
            "~=1|1.2|false" }) // ~= needs two release parts: a bound nothing satisfies
    void evaluatesTheSimpleClauses(String specifier, String version, boolean allowed) {
        assertThat(VersionSpecifiers.allows(specifier, version)).contains(allowed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = { "==1.*;1.2", "===1.2;1.2", ">=1.0+local;1.2", "^1||^2;1.2", ">=1;1.2rc1",
            ">=1;1.2.dev0", "garbage;1.2", ">=1;" })
    void leavesTheRestUnevaluated(String specifier, String version) {
        assertThat(VersionSpecifiers.allows(specifier, version == null ? "" : version)).isEmpty();
    }
}
