package cl.aula.security;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Two ways in: HTTP Basic (or the browser's session) for {@code /api/**}, a sign-in form for pages.
 * Which school and role may do what is decided in {@link SchoolAccess}, next to the data.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // Delegating encoder: bcrypt today, and a stored hash names its algorithm, so a stronger one
        // can be introduced without resetting everyone's password.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problem(401, "Debe identificarse.")))
                // The API is called by scripts with Basic credentials, and JSON bodies cannot be sent
                // cross-site without a CORS preflight, which Aula never grants.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problem(401, "Debe identificarse."))
                        .accessDeniedHandler(denied()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(
                        requests -> requests.requestMatchers("/ingresar", "/css/**", "/js/**", "/favicon.ico", "/error")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .formLogin(form -> form.loginPage("/ingresar")
                        .loginProcessingUrl("/ingresar")
                        .defaultSuccessUrl("/", true)
                        .failureUrl("/ingresar?error"))
                .logout(logout -> logout.logoutUrl("/salir").logoutSuccessUrl("/ingresar?salio"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        return http.build();
    }

    private static AuthenticationEntryPoint problem(int status, String detail) {
        return (request, response, e) -> writeProblem(response, status, detail);
    }

    private static AccessDeniedHandler denied() {
        return (request, response, e) -> writeProblem(response, 403, "No tiene permiso para esta acción.");
    }

    private static void writeProblem(jakarta.servlet.http.HttpServletResponse response, int status, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Aula\"");
        }
        // The details are fixed sentences without quotes, so they need no JSON escaping.
        String title = status == 401 ? "No identificado" : "No permitido";
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                        .formatted(title, status, detail));
    }
}
