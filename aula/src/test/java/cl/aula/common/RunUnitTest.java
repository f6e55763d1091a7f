package cl.aula.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"12.345.678-5", "12345678-5", "123456785", " 12.345.678-5 "})
    void readsTheUsualWaysOfWritingARun(String text) {
        Run.Parsed parsed = Run.parse(text);

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.get()).isEqualTo(new Run(12_345_678, '5'));
    }

    @Test
    void acceptsALowercaseKAndKeepsItUppercase() {
        int number = findNumberWithDv('K');

        Run run = Run.parse(number + "-k").get();

        assertThat(run.dv()).isEqualTo('K');
        assertThat(run.plain()).isEqualTo(number + "-K");
    }

    @Test
    void computesTheModulo11CheckDigitIncludingZeroAndK() {
        assertThat(Run.checkDigitOf(12_345_678)).isEqualTo('5');
        assertThat(Run.checkDigitOf(11_111_111)).isEqualTo('1');
        assertThat(Run.checkDigitOf(findNumberWithDv('0'))).isEqualTo('0');
        assertThat(Run.checkDigitOf(findNumberWithDv('K'))).isEqualTo('K');
        assertThat(Run.checkDigitOf(24_680)).isEqualTo('8');
    }

    @Test
    void refusesAWrongCheckDigitShowingTheExpectedForm() {
        Run.Parsed parsed = Run.parse("12.345.678-9");

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.refusal())
                .isEqualTo(
                        "El dígito verificador de 12.345.678-9 no corresponde: para ese número debería ser 12.345.678-5.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "5", "12.345.678-55", "12a45678-5", "12345678-X", "-5", "1234567890-1"})
    void refusesWhatIsNotARunWithASpanishReason(String text) {
        Run.Parsed parsed = Run.parse(text);

        assertThat(parsed.isValid()).isFalse();
        assertThat(parsed.refusal()).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void formatsWithDotsAndDash() {
        assertThat(new Run(12_345_678, '5').formatted()).isEqualTo("12.345.678-5");
        assertThat(new Run(1_009, Run.checkDigitOf(1_009)).formatted()).startsWith("1.009-");
    }

    @Test
    void cannotBeBuiltWithAWrongCheckDigit() {
        assertThatThrownBy(() -> new Run(12_345_678, '4')).isInstanceOf(IllegalArgumentException.class);
    }

    private static int findNumberWithDv(char dv) {
        for (int n = 10_000_000; ; n++) {
            if (Run.checkDigitOf(n) == dv) {
                return n;
            }
        }
    }
}
