package org.linli.platform.audit;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records a read whose answer carries unmasked personal data ({@link UnmaskedReads}), or an auditor's read of
 * the trail, just before its body is written, so the record is stored before the answer leaves.
 */
@ControllerAdvice
class UnmaskedReadsAdvice implements ResponseBodyAdvice<Object> {

    private final AuditRecorder recorder;

    UnmaskedReadsAdvice(AuditRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest
                && response instanceof ServletServerHttpResponse servletResponse
                && !AuditRecorder.isWrite(servletRequest.getServletRequest())) {
            AuditExchange exchange = AuditExchange.of(servletRequest.getServletRequest());
            if (exchange != null && (!exchange.subjects().isEmpty() || exchange.isAuditRead())) {
                recorder.record(servletRequest.getServletRequest(), servletResponse.getServletResponse(),
                        servletResponse.getServletResponse().getStatus(), exchange);
            }
        }
        return body;
    }
}
