package dev.mlreadiness.engine.deps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PythonVersionTest {

    @ParameterizedTest
    @ValueSource(strings = { "==3.11.*", "~=3.11.0", ">=3.11,<3.12", ">=3.11, <3.12.0", "==3.11", "3.11", "=3.10",
            "3.10.4", "~3.11", ">=3.11,<=3.11.9", ">=3.11,<3.11.5", "===3.11.2", "==3.12rc1" })
    void fixesTheMinorVersion(String constraint) {
        assertThat(new PythonVersion(constraint, 1).fixesMinorVersion()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { ">=3.8", "^3.9", "~=3.11", "3", "==3.*", ">=3.10,<3.12", "<3.12", "", "*",
            "3.10 || 3.11", "!=3.9", ">=3.11,!=3.11.2", "latest" })
    void doesNotFixTheMinorVersion(String constraint) {
        assertThat(new PythonVersion(constraint, 1).fixesMinorVersion()).isFalse();
    }
}
