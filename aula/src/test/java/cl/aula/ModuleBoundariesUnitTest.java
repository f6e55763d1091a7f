package cl.aula;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModuleBoundariesUnitTest {

    @Test
    void modulesOnlyUseEachOthersPublicTypesAndHaveNoCycles() {
        ApplicationModules.of(AulaApplication.class).verify();
    }
}
