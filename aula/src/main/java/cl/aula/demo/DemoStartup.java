package cl.aula.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo on the first start of an empty database when the demo is enabled. */
@Component
@Order(0)
class DemoStartup implements ApplicationRunner {

    private final DemoData demo;
    private final AttendanceDemo attendance;

    DemoStartup(DemoData demo, AttendanceDemo attendance) {
        this.demo = demo;
        this.attendance = attendance;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.isEnabled()) {
            demo.loadIfEmpty().ifPresent(attendance::load);
        }
    }
}
