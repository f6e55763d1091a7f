package cl.aula.sige.simulator.attendance;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProcessingWorkerConfiguration {

    /** One worker processes submissions one at a time, in order, as a queue would. */
    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService sigeProcessingWorker() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sige-processing");
            thread.setDaemon(true);
            return thread;
        });
    }
}
