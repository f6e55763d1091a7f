package cl.aula.common;

import java.util.Optional;

/**
 * A Chilean RUN/RUT (or a provisional IPE, which uses the same check digit): a number and its
 * modulo-11 check digit. The check digit is a character, never a number, because it can be {@code K}.
 */
public record Run(int number, char dv) {

    public Run {
        if (number <= 0) {
            throw new IllegalArgumentException("RUN number must be positive");
        }
        if (dv != checkDigitOf(number)) {
            throw new IllegalArgumentException("check digit does not match the number");
        }
    }

    /** Accepts {@code 12.345.678-5}, {@code 12345678-5}, {@code 123456785} and a lowercase {@code k}. */
    public static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            return Parsed.refused("Falta el RUN. Escríbalo con su dígito verificador, por ejemplo 12.345.678-5.");
        }
        String compact = text.strip().replace(".", "").replace(" ", "").toUpperCase();
        String digits;
        String dv;
        int dash = compact.indexOf('-');
        if (dash >= 0) {
            digits = compact.substring(0, dash);
            dv = compact.substring(dash + 1);
        } else if (compact.length() >= 2) {
            digits = compact.substring(0, compact.length() - 1);
            dv = compact.substring(compact.length() - 1);
        } else {
            return Parsed.refused("El RUN «" + text.strip() + "» está incompleto: escríbalo como 12.345.678-5.");
        }
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return Parsed.refused("El RUN «" + text.strip() + "» no es válido: escríbalo como 12.345.678-5.");
        }
        if (dv.length() != 1 || !(Character.isDigit(dv.charAt(0)) || dv.charAt(0) == 'K')) {
            return Parsed.refused("El dígito verificador de «" + text.strip() + "» debe ser un número o K.");
        }
        return of(Integer.parseInt(digits), dv.charAt(0));
    }

    /** Checks a number and a check digit given apart, as SIGE and the forms send them. */
    public static Parsed of(long number, char dv) {
        if (number <= 0 || number > 999_999_999L) {
            return Parsed.refused("El número de RUN " + number + " no es válido.");
        }
        char expected = checkDigitOf((int) number);
        char given = Character.toUpperCase(dv);
        if (given != expected) {
            return Parsed.refused("El dígito verificador de " + formatted((int) number, given) + " no corresponde: "
                    + "para ese número debería ser " + formatted((int) number, expected) + ".");
        }
        return new Parsed(Optional.of(new Run((int) number, expected)), null);
    }

    public static char checkDigitOf(int number) {
        int sum = 0;
        int factor = 2;
        for (int rest = number; rest > 0; rest /= 10) {
            sum += (rest % 10) * factor;
            factor = factor == 7 ? 2 : factor + 1;
        }
        int value = 11 - (sum % 11);
        return value == 11 ? '0' : value == 10 ? 'K' : (char) ('0' + value);
    }

    /** Written the Chilean way, {@code 12.345.678-5}. */
    public String formatted() {
        return formatted(number, dv);
    }

    /** Without dots, {@code 12345678-5}, as CSV files and most systems write it. */
    public String plain() {
        return number + "-" + dv;
    }

    @Override
    public String toString() {
        return formatted();
    }

    private static String formatted(int number, char dv) {
        return String.format(java.util.Locale.ROOT, "%,d", number).replace(',', '.') + "-" + dv;
    }

    /** The outcome of reading a RUN: the value, or a Spanish reason the user can act on. */
    public record Parsed(Optional<Run> run, String refusal) {

        static Parsed refused(String reason) {
            return new Parsed(Optional.empty(), reason);
        }

        public boolean isValid() {
            return run.isPresent();
        }

        public Run get() {
            return run.orElseThrow(() -> new IllegalStateException(refusal));
        }
    }
}
