package dev.mlreadiness.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShortShaTest {

    @Test
    void keepsTheFirstSevenCharactersAndAShorterStringWhole() {
        assertThat(ShortSha.of("0123456789abcdef0123456789abcdef01234567")).isEqualTo("0123456");
        assertThat(ShortSha.of("0123456")).isEqualTo("0123456");
        assertThat(ShortSha.of("abc")).isEqualTo("abc");
    }
}
