package cl.aula.sige;

import java.util.Map;

/** How statuses read on the pages. */
final class StatusLabels {

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("NO_RECORD", "Sin registro"),
            Map.entry("NOT_SENT", "No enviado"),
            Map.entry("QUEUED", "En cola"),
            Map.entry("SENDING", "Enviando"),
            Map.entry("SENT", "Enviado, esperando a SIGE"),
            Map.entry("SYNCED", "Sincronizado"),
            Map.entry("SYNCED_WITH_OBSERVATIONS", "Sincronizado con observaciones"),
            Map.entry("REJECTED", "Rechazado por SIGE"),
            Map.entry("FAILED", "Requiere atención"),
            Map.entry("MODIFIED_AFTER_SYNC", "Modificado después de enviar"),
            Map.entry("IN_PROGRESS", "En curso"),
            Map.entry("NEEDS_ATTENTION", "Requiere atención"),
            Map.entry("DONE", "Terminado"));

    private StatusLabels() {}
}
