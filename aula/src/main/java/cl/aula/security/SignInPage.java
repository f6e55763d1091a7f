package cl.aula.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInPage {

    @GetMapping("/ingresar")
    String signIn() {
        return "security/sign-in";
    }
}
