package cl.aula.sige.simulator.enrollment;

import java.util.Locale;

/**
 * A Chilean RUN as SIGE receives it: the number without dots and the check digit apart.
 *
 * @param numero the number, without the check digit
 * @param dv the check digit as sent: {@code 0}-{@code 9} or {@code K}
 */
public record Run(int numero, String dv) {

    /** The check digit of {@code numero}, modulo 11: 11 gives {@code 0} and 10 gives {@code K}. */
    public static String checkDigitOf(int numero) {
        int sum = 0;
        int factor = 2;
        for (int rest = numero; rest > 0; rest /= 10) {
            sum += (rest % 10) * factor;
            factor = factor == 7 ? 2 : factor + 1;
        }
        int digit = 11 - sum % 11;
        return switch (digit) {
            case 11 -> "0";
            case 10 -> "K";
            default -> Integer.toString(digit);
        };
    }

    /** The RUN with {@code numero} and its correct check digit. */
    public static Run of(int numero) {
        return new Run(numero, checkDigitOf(numero));
    }

    /** Whether the number is positive and the check digit is the right one (a lower-case k is fine). */
    public boolean hasValidCheckDigit() {
        return numero > 0 && dv != null && checkDigitOf(numero).equals(dv.trim().toUpperCase(Locale.ROOT));
    }

    /** The same RUN with its check digit trimmed and in upper case. */
    public Run normalized() {
        return new Run(numero, dv == null ? null : dv.trim().toUpperCase(Locale.ROOT));
    }
}
