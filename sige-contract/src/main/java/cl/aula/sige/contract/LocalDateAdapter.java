package cl.aula.sige.contract;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDate;

/** Binds {@code xs:date} values of SIGE documents to {@link LocalDate}. */
public class LocalDateAdapter extends XmlAdapter<String, LocalDate> {

    /**
     * Reads {@code YYYY-MM-DD}. A time-zone suffix, which {@code xs:date} allows ({@code Z},
     * {@code -03:00}), is ignored: SIGE dates are calendar days of the school.
     */
    @Override
    public LocalDate unmarshal(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        return LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
    }

    /** Writes {@code YYYY-MM-DD}. */
    @Override
    public String marshal(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
