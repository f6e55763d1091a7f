package cl.aula.platform;

import cl.aula.common.ConflictException;
import cl.aula.common.ForbiddenException;
import cl.aula.common.NotFoundException;
import cl.aula.common.RefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns refusals and errors into RFC 9457 problem details under {@code /api} and into Spanish pages
 * elsewhere. Nothing here reveals whether another school's resource exists.
 */
@ControllerAdvice
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler({NotFoundException.class, NoResourceFoundException.class})
    Object notFound(Exception e, HttpServletRequest request, HttpServletResponse response) {
        String detail = e instanceof NotFoundException ? e.getMessage() : "La página que busca no existe.";
        return answer(request, HttpStatus.NOT_FOUND, "No encontrado", detail, List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    Object forbidden(ForbiddenException e, HttpServletRequest request) {
        return answer(request, HttpStatus.FORBIDDEN, "No permitido", e.getMessage(), List.of());
    }

    @ExceptionHandler(RefusedException.class)
    Object refused(RefusedException e, HttpServletRequest request) {
        return answer(request, HttpStatus.UNPROCESSABLE_CONTENT, "No se puede realizar", e.getMessage(), e.reasons());
    }

    @ExceptionHandler(ConflictException.class)
    Object conflict(ConflictException e, HttpServletRequest request) {
        return answer(request, HttpStatus.CONFLICT, "Conflicto", e.getMessage(), List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(HttpServletRequest request) {
        return answer(
                request,
                HttpStatus.CONTENT_TOO_LARGE,
                "Archivo demasiado grande",
                "El archivo es demasiado grande: el máximo es 5 MB.",
                List.of());
    }

    @ExceptionHandler({
        HttpMessageNotReadableException.class,
        MethodArgumentTypeMismatchException.class,
        MissingServletRequestParameterException.class,
        java.time.format.DateTimeParseException.class
    })
    Object badRequest(Exception e, HttpServletRequest request) {
        return answer(
                request,
                HttpStatus.BAD_REQUEST,
                "Solicitud inválida",
                "La solicitud no tiene la forma esperada: revise los campos y sus formatos (fechas AAAA-MM-DD).",
                List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpServletRequest request) {
        return answer(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                "Método no permitido",
                "Esta dirección no acepta esa operación.",
                List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMedia(HttpServletRequest request) {
        return answer(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Formato no soportado",
                "Envíe el cuerpo como JSON (Content-Type: application/json).",
                List.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        log.error(
                "Unexpected error answering {} {}; the request changed nothing",
                request.getMethod(),
                request.getRequestURI(),
                e);
        return answer(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Error interno",
                "Ocurrió un error inesperado. No se guardó ningún cambio; intente nuevamente o avise a soporte.",
                List.of());
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static Object answer(
            HttpServletRequest request, HttpStatus status, String title, String detail, List<String> errors) {
        if (isApi(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            if (!errors.isEmpty()) {
                problem.setProperty(
                        "errors",
                        errors.stream().map(text -> Map.of("detail", text)).toList());
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error/problem");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.addObject("errors", errors);
        return page;
    }
}
