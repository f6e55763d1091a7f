package cl.aula.sige;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where SIGE is: the configured base URL, or the simulator started beside Aula when none is set.
 * The base URL is the part before {@code /WsApiMineduc/...}.
 */
@Component
public class SigeEndpoint {

    private final AtomicReference<String> baseUrl = new AtomicReference<>();

    SigeEndpoint(@Value("${aula.sige.url:}") String configured) {
        if (!configured.isBlank()) {
            baseUrl.set(configured.replaceAll("/+$", ""));
        }
    }

    public boolean isConfigured() {
        return baseUrl.get() != null;
    }

    public String baseUrl() {
        String url = baseUrl.get();
        if (url == null) {
            throw new IllegalStateException("SIGE's address is not known yet");
        }
        return url;
    }

    void useSimulatorAt(String url) {
        baseUrl.compareAndSet(null, url);
    }

    String port(String name) {
        return baseUrl() + "/WsApiMineduc/services/" + name;
    }
}
