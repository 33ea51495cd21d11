package dev.selftest.spring.internal;

import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.api.ControlApi;
import dev.selftest.api.QueryString;
import dev.selftest.spring.SelftestCallerResolver;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.util.function.SingletonSupplier;

/**
 * Translates servlet requests to the {@link ControlApi} and its answers back; nothing else. Mapped to the base path
 * and everything below it, so the path below the servlet path is the API's path. The handler is looked up at the
 * first request: the web server registers its servlets before the application's beans are created, and the
 * {@code Selftest} bean can then be created with the others instead of ahead of them.
 */
public final class ControlApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Supplier<ControlApi> api;
    private final transient Supplier<SelftestCallerResolver> callers;

    public ControlApiServlet(Supplier<ControlApi> api, Supplier<SelftestCallerResolver> callers) {
        this.api = SingletonSupplier.of(api);
        this.callers = SingletonSupplier.of(callers);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiResponse answer = api.get().handle(toApiRequest(request));
        response.setStatus(answer.status());
        answer.headers().forEach(response::setHeader);
        boolean head = request.getMethod().equalsIgnoreCase("HEAD");
        if (head || answer.fixedLength() == 0 || answer.status() == 204) {
            return;
        }
        if (answer.fixedLength() > 0) {
            response.setContentLengthLong(answer.fixedLength());
        }
        OutputStream body = response.getOutputStream();
        answer.body().writeTo(body);
        body.flush();
    }

    private ApiRequest toApiRequest(HttpServletRequest request) throws IOException {
        String basePath = request.getContextPath() + request.getServletPath();
        String path = Optional.ofNullable(request.getPathInfo()).orElse("");
        ApiRequest.Headers headers = name -> Optional.ofNullable(request.getHeader(name));
        return new ApiRequest(request.getMethod(), basePath, path, QueryString.parse(request.getQueryString()),
                headers, request.getInputStream(), callers.get().resolve(request));
    }
}
