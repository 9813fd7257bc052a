package org.eclipsesol.desk.common.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.eclipsesol.desk.common.ProblemException;
import org.eclipsesol.desk.common.ProblemType;
import org.eclipsesol.desk.common.Violation;

/**
 * Unknown query parameters are refused with 400 problem+json on every REST endpoint (PRODUCT.md: "a typo never
 * silently widens a list"; {@code ?updated_after=2030} used to return everything). The known ones are the resource
 * method's {@code @QueryParam}s. Reflection on our own resource methods: they are registered for reflection by
 * Quarkus REST.
 */
@Provider
public class UnknownQueryParameters implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    private static final Map<Method, Set<String>> KNOWN = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        var given = request.getUriInfo().getQueryParameters();
        if (given.isEmpty()) {
            return;
        }
        Set<String> known = KNOWN.computeIfAbsent(method, UnknownQueryParameters::queryParametersOf);
        List<Violation> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(given.keySet())) {
            if (!known.contains(name)) {
                unknown.add(new Violation(name, "unknown query parameter; known: " + String.join(", ", known)));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "Unknown query parameter(s): "
                    + String.join(", ", unknown.stream().map(Violation::field).toList()) + ".", unknown);
        }
    }

    static Set<String> queryParametersOf(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam q) {
                    names.add(q.value());
                } else if (annotation instanceof org.jboss.resteasy.reactive.RestQuery r) {
                    names.add(r.value());
                }
            }
        }
        return names;
    }
}
