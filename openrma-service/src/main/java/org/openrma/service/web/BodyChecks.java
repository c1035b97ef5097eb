package org.openrma.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.openrma.reading.JsonReader;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks every JSON body against the record it is bound to, before Jackson binds it, so that every
 * bad value is reported at once as one 422 naming each field by its path, and nothing reaches the
 * database: each text value against {@link InputLimits} (length, control characters), each list's
 * size and the nesting depth; then, for each field of the record, that it is known, that its JSON
 * type fits ({@code "sku": []}, {@code "quantity": "x"}), that a word is one of its enum's words and
 * that a timestamp or date parses. What is left (required fields, patterns, ranges) is Jakarta Bean
 * Validation on the bound record ({@link ProblemHandler}). Malformed JSON is left to Jackson (400).
 */
@ControllerAdvice
public class BodyChecks extends RequestBodyAdviceAdapter {

    private final InputLimits limits;
    private final jakarta.validation.Validator validator;

    public BodyChecks(InputLimits limits, jakarta.validation.Validator validator) {
        this.limits = limits;
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return parameter.getParameterType().isRecord();
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        byte[] bytes = inputMessage.getBody().readAllBytes();
        if (bytes.length > 0) {
            JsonNode node = null;
            try {
                node = Json.MAPPER.readTree(bytes);
            } catch (JacksonException malformed) {
                // Jackson reports it again with its line and column when it binds (400).
            }
            if (node != null && !node.isMissingNode()) {
                List<ApiProblem.FieldError> errors = check(limits, node, parameter.getParameterType());
                if (!errors.isEmpty() && node.isObject()) {
                    // Report what Bean Validation would find too (a required field missing beside a bad word), all in one answer.
                    errors = withConstraints(errors, (tools.jackson.databind.node.ObjectNode) node, parameter.getParameterType());
                }
                if (!errors.isEmpty()) {
                    throw ApiProblem.invalid(errors);
                }
            }
        }
        HttpHeaders headers = inputMessage.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }

    private List<ApiProblem.FieldError> withConstraints(List<ApiProblem.FieldError> errors, tools.jackson.databind.node.ObjectNode node,
                                                        Class<?> shape) {
        if (errors.stream().anyMatch(e -> e.field().equals("(body)"))) {
            return errors;
        }
        // check() left only well-typed values in the tree (it removed the bad ones), so it binds.
        Object bound;
        try {
            bound = Wire.MAPPER.treeToValue(node, shape);
        } catch (JacksonException e) {
            return errors;
        }
        Set<String> reported = errors.stream().map(ApiProblem.FieldError::field).collect(Collectors.toSet());
        List<ApiProblem.FieldError> all = new ArrayList<>(errors);
        validator.validate(bound).forEach(v -> {
            String field = snake(v.getPropertyPath().toString());
            if (!reported.contains(field)) {
                all.add(new ApiProblem.FieldError(field, v.getMessage()));
            }
        });
        return all;
    }

    /** Every problem in a body: limits everywhere, then names, JSON types, words and dates where {@code shape} (a record) declares them. */
    public static List<ApiProblem.FieldError> check(InputLimits limits, JsonNode node, Class<?> shape) {
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        limits(limits, node, "", "", 0, errors);
        if (errors.isEmpty() && shape != null && !node.isNull()) {
            if (!node.isObject()) {
                errors.add(new ApiProblem.FieldError("(body)", "expected a JSON object, not " + kind(node)));
            } else {
                fields(node, shape, "", reader(errors), errors);
            }
        }
        return errors;
    }

    private static void limits(InputLimits limits, JsonNode node, String path, String name, int depth, List<ApiProblem.FieldError> errors) {
        if (errors.size() >= 20) {
            return;
        }
        String at = path.isEmpty() ? "(body)" : path;
        if (depth > limits.maxDepth()) {
            errors.add(new ApiProblem.FieldError(at, "nested deeper than " + limits.maxDepth() + " levels"));
            return;
        }
        if (node.isString()) {
            String problem = limits.checkText(name, node.asString());
            if (problem != null) {
                errors.add(new ApiProblem.FieldError(at, problem));
            }
        } else if (node.isContainer() && node.size() > limits.maxArrayItems()) {
            errors.add(new ApiProblem.FieldError(at, "must have at most " + limits.maxArrayItems()
                    + (node.isArray() ? " items" : " fields") + " (it has " + node.size() + ")"));
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node.values()) {
                limits(limits, item, at + "[" + i++ + "]", name, depth + 1, errors);
            }
        } else if (node.isObject()) {
            for (var e : node.properties()) {
                String key = e.getKey();
                String keyProblem = limits.checkText("", key);
                if (keyProblem != null) {
                    errors.add(new ApiProblem.FieldError(path.isEmpty() ? "(body)" : path, "a field name " + keyProblem));
                    continue;
                }
                limits(limits, e.getValue(), path.isEmpty() ? key : path + "." + key, key, depth + 1, errors);
            }
        }
    }

    /** The engine's collecting reader, reporting into {@code errors}: words, dates and unknown fields read and say as for claims. */
    private static JsonReader reader(List<ApiProblem.FieldError> errors) {
        return new JsonReader((field, message) -> errors.add(new ApiProblem.FieldError(field, message)));
    }

    /** A record's fields as a body names them (snake_case), with their types, and the set of those names. */
    private record Shape(List<Field> fields, Set<String> known) {
        record Field(String name, Type type) {}
    }

    /**
     * Each record's {@link Shape}, worked out once per type: {@link Class#getRecordComponents} copies the components on
     * every call, and reflecting on every request took 4% of a claim submission's CPU.
     */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> record) {
            List<Shape.Field> fields = new ArrayList<>();
            Set<String> known = new TreeSet<>();
            for (RecordComponent c : record.getRecordComponents()) {
                String name = snake(c.getName());
                fields.add(new Shape.Field(name, c.getGenericType()));
                known.add(name);
            }
            return new Shape(List.copyOf(fields), java.util.Collections.unmodifiableSet(known));
        }
    };

    /** Each enum's {@link #words}, worked out once per type. */
    private static final ClassValue<List<String>> WORDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> enumType) {
            return List.copyOf(words(enumType));
        }
    };

    private static void fields(JsonNode object, Class<?> record, String path, JsonReader reader, List<ApiProblem.FieldError> errors) {
        Shape shape = SHAPES.get(record);
        Set<String> known = shape.known();
        for (Shape.Field field : shape.fields()) {
            String name = field.name();
            JsonNode value = object.get(name);
            if (value != null && !value.isNull() && !type(value, field.type(), JsonReader.path(path, name), reader, errors)) {
                ((tools.jackson.databind.node.ObjectNode) object).remove(name);
            }
        }
        List<String> names = List.copyOf(object.propertyNames());
        reader.onlyKnownFields(names, known, name -> JsonReader.path(path, name));
        names.stream().filter(name -> !known.contains(name)).forEach(((tools.jackson.databind.node.ObjectNode) object)::remove);
    }

    /** Whether {@code value} fits {@code type}; what does not fit is reported, and removed from containers. */
    private static boolean type(JsonNode value, Type type, String path, JsonReader reader, List<ApiProblem.FieldError> errors) {
        int before = errors.size();
        boolean fits = fits(value, type, path, reader, errors);
        return fits && (errors.size() == before || type instanceof ParameterizedType || (type instanceof Class<?> c && c.isRecord()));
    }

    private static boolean fits(JsonNode value, Type type, String path, JsonReader reader, List<ApiProblem.FieldError> errors) {
        if (type instanceof ParameterizedType p && (p.getRawType() == List.class || p.getRawType() == Set.class)) {
            if (!value.isArray()) {
                errors.add(new ApiProblem.FieldError(path, "expected a list, not " + kind(value)));
                return false;
            }
            int i = 0;
            for (JsonNode item : value.values()) {
                if (item.isNull()) {
                    errors.add(new ApiProblem.FieldError(path + "[" + i + "]", "must not be null"));
                } else if (!type(item, p.getActualTypeArguments()[0], path + "[" + i + "]", reader, errors)) {
                    ((tools.jackson.databind.node.ArrayNode) value).set(i, tools.jackson.databind.node.NullNode.getInstance());
                }
                i++;
            }
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            if (!value.isObject()) {
                errors.add(new ApiProblem.FieldError(path, "expected an object of names to values, not " + kind(value)));
                return false;
            }
            for (String key : List.copyOf(value.propertyNames())) {
                JsonNode v = value.get(key);
                if (!v.isNull() && !type(v, p.getActualTypeArguments()[1], path + "." + key, reader, errors)) {
                    ((tools.jackson.databind.node.ObjectNode) value).remove(key);
                }
            }
        } else if (type == String.class) {
            if (!value.isString()) {
                errors.add(new ApiProblem.FieldError(path, "expected text, not " + kind(value)));
            }
        } else if (type == Instant.class) {
            if (!value.isString()) {
                errors.add(new ApiProblem.FieldError(path, "expected a timestamp such as \"2025-03-01T10:00:00Z\", not " + kind(value)));
            } else {
                reader.instant(path, value.asString());
            }
        } else if (type == LocalDate.class) {
            if (!value.isString()) {
                errors.add(new ApiProblem.FieldError(path, "expected a date such as \"2025-03-01\", not " + kind(value)));
            } else {
                reader.date(path, value.asString());
            }
        } else if (type == Integer.class || type == int.class) {
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                errors.add(new ApiProblem.FieldError(path, "expected a whole number, not " + kind(value)));
            }
        } else if (type == BigDecimal.class) {
            if (!value.isNumber()) {
                errors.add(new ApiProblem.FieldError(path, "expected a number, not " + kind(value)));
            }
        } else if (type == Boolean.class || type == boolean.class) {
            if (!value.isBoolean()) {
                errors.add(new ApiProblem.FieldError(path, "expected true or false, not " + kind(value)));
            }
        } else if (type instanceof Class<?> c && c.isEnum()) {
            List<String> words = WORDS.get(c);
            if (!value.isString()) {
                errors.add(new ApiProblem.FieldError(path, "expected one of " + String.join(", ", words) + ", not " + kind(value)));
            } else {
                reader.oneOf(path, value.asString(), words);
            }
        } else if (type instanceof Class<?> c && c.isRecord()) {
            if (!value.isObject()) {
                errors.add(new ApiProblem.FieldError(path, "expected an object, not " + kind(value)));
                return false;
            }
            fields(value, c, path, reader, errors);
            return true;
        }
        return true;
    }

    /** An enum's words as the API writes them: the constant's name in lower case (snake_case). */
    public static List<String> words(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
    }

    private static String kind(JsonNode v) {
        if (v.isArray()) {
            return "a list";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isString()) {
            return "text";
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? "true" : "false";
        }
        if (v.isNumber()) {
            return "the number " + v;
        }
        return "null";
    }

    static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}
