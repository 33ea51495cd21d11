package dev.selftest.jakarta;

import dev.selftest.Selftest;
import dev.selftest.api.ApiRequest;
import dev.selftest.api.ApiResponse;
import dev.selftest.api.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;
import org.apiguardian.api.API;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves Selftest's HTTP control API at {@code /selftest} below the application's Jakarta REST root. It only
 * translates: every request goes to {@link Selftest#controlApi()}, so status codes, JSON and problem responses are
 * the same as on every other transport. A user authenticated by the runtime's own security is passed on with the
 * access its roles grant ({@code selftest.security.operate-role}, default {@code selftest-operate}, and
 * {@code selftest.security.read-role}, default {@code selftest-read}); otherwise the bearer-token rules apply.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
@ApplicationScoped
@Path("selftest{path: (/.*)?}")
public class SelftestResource {
    private static final String MOUNT = "selftest";

    @Inject
    Selftest selftest;

    @Inject
    @ConfigProperty(name = Callers.READ_ROLE, defaultValue = "selftest-read")
    String readRole;

    @Inject
    @ConfigProperty(name = Callers.OPERATE_ROLE, defaultValue = "selftest-operate")
    String operateRole;

    @Context
    Request request;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Context
    SecurityContext security;

    @GET
    public Response get() {
        return handle(InputStream.nullInputStream());
    }

    @HEAD
    public Response head() {
        return handle(InputStream.nullInputStream());
    }

    @DELETE
    public Response delete() {
        return handle(InputStream.nullInputStream());
    }

    @POST
    public Response post(InputStream body) {
        return handle(body);
    }

    /** Not part of the API: answered by the handler with 405 and {@code Allow}, like on every other transport. */
    @PUT
    public Response put() {
        return handle(InputStream.nullInputStream());
    }

    /** Not part of the API: answered by the handler with 405 and {@code Allow}, like on every other transport. */
    @PATCH
    public Response patch() {
        return handle(InputStream.nullInputStream());
    }

    private Response handle(InputStream body) {
        String path = uri.getPathParameters().getFirst("path");
        String basePath = uri.getBaseUri().getPath().replaceAll("/+$", "") + "/" + MOUNT;
        ApiRequest.Headers lookup = name -> Optional.ofNullable(headers.getHeaderString(name));
        Caller caller = Callers.of(security, readRole, operateRole);
        ApiResponse answer = selftest.controlApi().handle(new ApiRequest(request.getMethod(), basePath,
                path == null ? "" : path, uri.getQueryParameters(), lookup, body, caller));
        Response.ResponseBuilder response = Response.status(answer.status());
        answer.headers().forEach(response::header);
        if (answer.fixedLength() != 0 && answer.status() != 204) {
            response.entity((StreamingOutput) answer.body()::writeTo);
        }
        return response.build();
    }
}
