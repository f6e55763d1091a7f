package cl.aula.sige.simulator.agreement;

import cl.aula.sige.simulator.InvalidControlRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/agreements/{agreementId}")
class AgreementAdminController {

    private final AgreementRegistry agreements;

    AgreementAdminController(AgreementRegistry agreements) {
        this.agreements = agreements;
    }

    @PutMapping
    ResponseEntity<Void> put(@PathVariable int agreementId, @RequestBody AgreementSetting setting) {
        List<String> problems = new ArrayList<>();
        if (setting == null || setting.clientId() == null) {
            problems.add("clientId is required");
        }
        if (setting == null || setting.token() == null || setting.token().isEmpty()) {
            problems.add("token is required");
        }
        List<Integer> rbds = setting == null || setting.rbds() == null ? List.of() : setting.rbds();
        if (rbds.stream().anyMatch(r -> r == null || r <= 0)) {
            problems.add("rbds must be positive numbers without check digit");
        }
        if (!problems.isEmpty()) {
            throw new InvalidControlRequestException(problems);
        }

        agreements.put(new Agreement(agreementId, setting.clientId(), setting.token(), Set.copyOf(rbds)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    ResponseEntity<AgreementSetting> read(@PathVariable int agreementId) {
        return agreements
                .find(agreementId)
                .map(a -> ResponseEntity.ok(
                        new AgreementSetting(a.clientId(), a.token(), List.copyOf(new TreeSet<>(a.rbds())))))
                .orElse(ResponseEntity.notFound().build());
    }

    record AgreementSetting(Integer clientId, String token, List<Integer> rbds) {}
}
