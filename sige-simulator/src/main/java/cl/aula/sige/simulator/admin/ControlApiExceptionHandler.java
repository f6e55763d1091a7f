package cl.aula.sige.simulator.admin;

import cl.aula.sige.simulator.InvalidControlRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Control API refusals as RFC 9457 problem details, with every problem in {@code errors}. */
@RestControllerAdvice(basePackages = "cl.aula.sige.simulator")
class ControlApiExceptionHandler {

    @ExceptionHandler(InvalidControlRequestException.class)
    ProblemDetail invalidRequest(InvalidControlRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid control request");
        problem.setProperty("errors", e.problems());
        return problem;
    }
}
