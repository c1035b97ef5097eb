package org.openrma.service.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring's JSON converter with the application's mapper, writing each body into memory first and then sending it with
 * its {@code Content-Length}. Spring MVC flushes an answer before the request ends, so a body of unknown length went out
 * chunked: one more write to the socket per answer (the last chunk), and more where the body overflowed Tomcat's 8 KB
 * buffer, as one RMA with its decision (about 10 KB) does. Every JSON body the API writes is whole in memory as objects
 * before it is written (one RMA, or one page of a list), so holding its bytes as well costs little.
 */
public final class SizedJsonConverter extends JacksonJsonHttpMessageConverter {

    public SizedJsonConverter(JsonMapper mapper) {
        super(mapper);
    }

    @Override
    protected void writeInternal(Object object, ResolvableType type, HttpOutputMessage output, @Nullable Map<String, Object> hints)
            throws IOException {
        InMemory body = new InMemory(output.getHeaders());
        super.writeInternal(object, type, body, hints);
        output.getHeaders().setContentLength(body.bytes.size());
        body.bytes.writeTo(output.getBody());
    }

    /** The message written into memory, with the real message's headers (the converter reads the content type from them). */
    private record InMemory(HttpHeaders headers, ByteArrayOutputStream bytes) implements HttpOutputMessage {

        InMemory(HttpHeaders headers) {
            this(headers, new ByteArrayOutputStream(8192));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public OutputStream getBody() {
            return bytes;
        }
    }
}
