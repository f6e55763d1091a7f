package cl.aula.sige.simulator.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunUnitTest {

    @Test
    void computesTheCheckDigitModulo11() {
        assertThat(Run.checkDigitOf(12345678)).isEqualTo("5");
        assertThat(Run.checkDigitOf(10000013)).isEqualTo("K");
        assertThat(Run.checkDigitOf(11111117)).isEqualTo("0");
    }

    @Test
    void acceptsTheRightCheckDigitInEitherCase() {
        assertThat(new Run(10000013, "K").hasValidCheckDigit()).isTrue();
        assertThat(new Run(10000013, " k ").hasValidCheckDigit()).isTrue();
        assertThat(new Run(10000013, "k").normalized()).isEqualTo(new Run(10000013, "K"));
    }

    @Test
    void refusesAWrongOrMissingCheckDigitAndNonPositiveNumbers() {
        assertThat(new Run(12345678, "4").hasValidCheckDigit()).isFalse();
        assertThat(new Run(12345678, "").hasValidCheckDigit()).isFalse();
        assertThat(new Run(12345678, null).hasValidCheckDigit()).isFalse();
        assertThat(new Run(0, "0").hasValidCheckDigit()).isFalse();
    }
}
