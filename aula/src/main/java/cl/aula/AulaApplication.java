package cl.aula;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Aula: a digital class book whose key feature is sending the subsidy attendance to SIGE. */
@SpringBootApplication
public class AulaApplication {

    public static void main(String[] args) {
        SpringApplication.run(AulaApplication.class, args);
    }
}
