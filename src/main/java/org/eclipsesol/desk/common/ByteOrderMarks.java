package org.eclipsesol.desk.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.List;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * A UTF-8 byte order mark before a JSON body is refused with 400, by REST as by GraphQL (whose JSON parser does
 * not accept one): JSON (RFC 8259) forbids it and one rule for both doors beats two. Jackson would otherwise skip it.
 */
@Provider
public class ByteOrderMarks implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getMediaType() != null && context.getMediaType().getSubtype().endsWith("json")) {
            PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 3);
            byte[] head = new byte[3];
            int n = in.readNBytes(head, 0, 3);
            if (n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                throw new ProblemException(ProblemType.BAD_REQUEST,
                        "The request body starts with a byte order mark; send JSON without one.", List.of());
            }
            if (n > 0) {
                in.unread(head, 0, n);
            }
            context.setInputStream((InputStream) in);
        }
        return context.proceed();
    }
}
