package io.shieldfab.support.problem;

import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The JSON path a violation names ({@code panel.rows}, {@code cuts[2].lengthMm}, {@code $} for the whole body), built
 * one way for Jackson's reference chain and for Bean Validation's property path (docs/api-guide.md, "Errors").
 */
public final class JsonPaths {

    private static final Set<ElementKind> SKIPPED = Set.of(ElementKind.METHOD, ElementKind.CONSTRUCTOR,
            ElementKind.PARAMETER, ElementKind.RETURN_VALUE, ElementKind.CROSS_PARAMETER);
    private static final List<Class<? extends Annotation>> REQUEST_PARAMETERS = List.of(HeaderParam.class,
            QueryParam.class, PathParam.class, CookieParam.class, FormParam.class, MatrixParam.class);

    private JsonPaths() {
    }

    /** {@code metrics.cutList.cuts[2].lengthMm} from Jackson's reference chain; {@code $} for none. */
    public static String of(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                out.append('[').append(r.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "$" : out.toString();
    }

    /**
     * Bean Validation paths look like {@code create.request.panel.rows} (method, parameter, properties); the client
     * wants {@code panel.rows}. A constraint on a header, query or path parameter itself names that parameter; one
     * on the whole body is {@code $}.
     */
    public static String of(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            last = node;
            if (SKIPPED.contains(node.getKind())) {
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(node.getName());
            }
        }
        if (out.length() > 0) {
            return out.toString();
        }
        return last != null && last.getKind() == ElementKind.PARAMETER && isRequestParameter(violation, last)
                ? last.getName() : "$";
    }

    /** Whether the violated parameter is a header, query, path, cookie or form parameter rather than the body. */
    private static boolean isRequestParameter(ConstraintViolation<?> violation, Path.Node parameter) {
        Path.Node methodNode = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                methodNode = node;
            }
        }
        if (methodNode == null || violation.getRootBeanClass() == null) {
            return false;
        }
        List<Class<?>> types = methodNode.as(Path.MethodNode.class).getParameterTypes();
        int index = parameter.as(Path.ParameterNode.class).getParameterIndex();
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(methodNode.getName())
                        && Arrays.asList(method.getParameterTypes()).equals(types)) {
                    return Arrays.stream(method.getParameterAnnotations()[index])
                            .anyMatch(a -> REQUEST_PARAMETERS.contains(a.annotationType()));
                }
            }
        }
        return false;
    }
}
