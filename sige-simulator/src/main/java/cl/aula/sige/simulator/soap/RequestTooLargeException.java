package cl.aula.sige.simulator.soap;

import java.io.IOException;

/** A request body went past the size SIGE accepts while it was being read. */
final class RequestTooLargeException extends IOException {

    RequestTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
