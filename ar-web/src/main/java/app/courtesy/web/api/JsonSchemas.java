package app.courtesy.web.api;

import app.courtesy.shared.Money;
import app.courtesy.web.api.JsonConfiguration.MoneyJson;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The JSON schema of each Java type the API reads or writes, as the API's JSON-B configuration
 * ({@link JsonConfiguration}) writes it: records by their components, other classes by their public
 * getters, enums by their names, dates ISO ({@code format: date}, {@code date-time}), decimals as
 * strings ({@code format: number}), {@link Money} as {@code Money}. A record or class becomes a
 * named schema under {@code components.schemas} (its simple name; its enclosing class's name before
 * it when two share one), referred to by {@code $ref}. A component's {@code @Schema} (description,
 * example) is kept; {@code @NotNull}, {@code @NotBlank} and {@code @NotEmpty} make it required.
 */
final class JsonSchemas {

  private static final String REF = "#/components/schemas/";

  private final Map<Type, String> names = new HashMap<>();
  private final Map<String, Schema> components = new TreeMap<>();

  /** A file, as a download's or an upload's body: under {@code components.schemas} as Binary. */
  static final String BINARY = "Binary";

  JsonSchemas() {
    components.put(
        BINARY,
        OASFactory.createSchema()
            .type(SchemaType.STRING)
            .format("binary")
            .description("A file: its bytes, in the media type the operation names."));
  }

  /** A reference to {@link #BINARY}. */
  static Schema binary() {
    return OASFactory.createSchema().ref(REF + BINARY);
  }

  /** The named schemas made so far, by name. */
  Map<String, Schema> components() {
    return components;
  }

  /** A reference to {@code schema}, kept under {@code components.schemas} as {@code name}. */
  Schema named(String name, Schema schema) {
    components.put(name, schema);
    return OASFactory.createSchema().ref(REF + name);
  }

  /** The schema of {@code type}: inline for a scalar, list or map; a reference for an object. */
  Schema of(Type type) {
    Class<?> raw = raw(type);
    if (raw == null || raw == Object.class) {
      return OASFactory.createSchema().description("Any JSON value.");
    }
    if (raw == Optional.class) {
      return of(argument(type, 0));
    }
    if (raw == String.class || raw == Character.class || raw == char.class) {
      return scalar(SchemaType.STRING, null);
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return scalar(SchemaType.BOOLEAN, null);
    }
    if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
      return scalar(SchemaType.INTEGER, "int32");
    }
    if (raw == Long.class || raw == long.class || raw == BigInteger.class) {
      return scalar(SchemaType.INTEGER, "int64");
    }
    if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class) {
      return scalar(SchemaType.NUMBER, "double");
    }
    if (raw == BigDecimal.class) {
      return scalar(SchemaType.STRING, "number")
          .pattern("^-?[0-9]+(\\.[0-9]+)?$")
          .example("12.50")
          .description("A decimal number, written as a string.");
    }
    if (raw == LocalDate.class) {
      return scalar(SchemaType.STRING, "date").example("2026-11-23");
    }
    if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
      return scalar(SchemaType.STRING, "date-time").example("2026-11-24T14:00:00Z");
    }
    if (raw == byte[].class || InputStream.class.isAssignableFrom(raw)) {
      return binary();
    }
    if (raw.isEnum()) {
      return scalar(SchemaType.STRING, null)
          .enumeration(
              Arrays.stream(raw.getEnumConstants())
                  .map(c -> (Object) ((Enum<?>) c).name())
                  .toList());
    }
    if (raw.isArray()) {
      return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(raw.getComponentType()));
    }
    if (Collection.class.isAssignableFrom(raw)) {
      return OASFactory.createSchema().type(SchemaType.ARRAY).items(of(argument(type, 0)));
    }
    if (Map.class.isAssignableFrom(raw)) {
      return OASFactory.createSchema()
          .type(SchemaType.OBJECT)
          .additionalPropertiesSchema(of(argument(type, 1)));
    }
    if (raw == Money.class) {
      return reference(MoneyJson.class, MoneyJson.class, "Money");
    }
    return reference(type, raw, null);
  }

  /**
   * A reference to the named schema of {@code type}; a generic record such as {@code Page<T>} gets
   * one per use, named after its arguments ({@code PageCustomerView}).
   */
  private Schema reference(Type type, Class<?> raw, String preferredName) {
    Map<TypeVariable<?>, Type> arguments = new HashMap<>();
    StringBuilder generic = new StringBuilder();
    if (type instanceof ParameterizedType parameterized) {
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] actual = parameterized.getActualTypeArguments();
      for (int i = 0; i < variables.length && i < actual.length; i++) {
        arguments.put(variables[i], actual[i]);
        Class<?> argument = raw(actual[i]);
        generic.append(argument == null ? "Object" : argument.getSimpleName());
      }
    }
    String name = names.get(type);
    if (name == null) {
      name = name(raw, preferredName, generic.toString());
      names.put(type, name);
      Schema object = OASFactory.createSchema().type(SchemaType.OBJECT);
      components.put(name, object); // before its properties: a type may refer to itself
      describe(object, raw, arguments);
    }
    return OASFactory.createSchema().ref(REF + name);
  }

  private String name(Class<?> type, String preferred, String arguments) {
    String name = (preferred != null ? preferred : type.getSimpleName()) + arguments;
    if (components.containsKey(name) && type.getEnclosingClass() != null) {
      name = type.getEnclosingClass().getSimpleName() + type.getSimpleName();
    }
    while (components.containsKey(name)) {
      name = type.getName().replace('.', '_').replace('$', '_');
    }
    return name;
  }

  private void describe(Schema object, Class<?> type, Map<TypeVariable<?>, Type> arguments) {
    org.eclipse.microprofile.openapi.annotations.media.Schema said =
        type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
    if (said != null && !said.description().isEmpty()) {
      object.description(said.description());
    }
    if (type == MoneyJson.class) {
      object.description("An amount of money: a decimal string and its ISO 4217 currency.");
    }
    List<String> required = new ArrayList<>();
    for (Property property : properties(type)) {
      Type propertyType = property.type();
      Schema schema =
          of(
              propertyType instanceof TypeVariable<?> variable
                  ? arguments.getOrDefault(variable, Object.class)
                  : substitute(propertyType, arguments));
      schema = annotated(schema, property.annotations());
      if (type == MoneyJson.class && property.name().equals("currency")) {
        schema.pattern("^[A-Z]{3}$").example("EUR").description("ISO 4217 currency code.");
      }
      if (type == MoneyJson.class && property.name().equals("amount")) {
        schema = of(BigDecimal.class);
      }
      boolean primitive = property.type() instanceof Class<?> c && c.isPrimitive();
      object.addProperty(property.name(), schema);
      if (Arrays.stream(property.annotations())
          .anyMatch(
              a ->
                  a.isAnnotationPresent(NotNull.class)
                      || a.isAnnotationPresent(NotBlank.class)
                      || a.isAnnotationPresent(NotEmpty.class))) {
        required.add(property.name());
      } else if (!primitive && schema.getRef() == null && type != MoneyJson.class) {
        schema.nullable(true); // left out when null in an answer, and may be sent as null
      }
    }
    if (type == MoneyJson.class) {
      required.addAll(List.of("amount", "currency"));
    }
    if (!required.isEmpty()) {
      object.required(required);
    }
  }

  /** A property's schema with what its {@code @Schema} says; a reference is wrapped to keep it. */
  private static Schema annotated(Schema schema, AnnotatedElement[] annotations) {
    for (AnnotatedElement element : annotations) {
      org.eclipse.microprofile.openapi.annotations.media.Schema said =
          element.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
      if (said == null) {
        continue;
      }
      if (schema.getRef() != null) {
        schema = OASFactory.createSchema().allOf(List.of(schema));
      }
      if (!said.description().isEmpty()) {
        schema.description(said.description());
      }
      if (!said.example().isEmpty()) {
        schema.example(said.example());
      }
      return schema;
    }
    return schema;
  }

  /** A JSON property: its name, type, and where its annotations may be. */
  private record Property(String name, Type type, AnnotatedElement[] annotations) {}

  /** The properties JSON-B writes and reads: a record's components, or public getters. */
  private static List<Property> properties(Class<?> type) {
    List<Property> properties = new ArrayList<>();
    if (type.isRecord()) {
      for (RecordComponent component : type.getRecordComponents()) {
        Field field = field(type, component.getName());
        if (component.getAccessor().isAnnotationPresent(JsonbTransient.class)
            || (field != null && field.isAnnotationPresent(JsonbTransient.class))) {
          continue;
        }
        properties.add(
            new Property(
                component.getName(),
                component.getGenericType(),
                field == null
                    ? new AnnotatedElement[] {component, component.getAccessor()}
                    : new AnnotatedElement[] {component, field, component.getAccessor()}));
      }
      return properties;
    }
    Map<String, Property> byName = new TreeMap<>();
    for (Method method : type.getMethods()) {
      String name = getter(method);
      if (name != null && !method.isAnnotationPresent(JsonbTransient.class)) {
        byName.put(
            name,
            new Property(name, method.getGenericReturnType(), annotations(type, name, method)));
      }
    }
    for (Field field : type.getFields()) {
      if (!Modifier.isStatic(field.getModifiers())
          && !field.isAnnotationPresent(JsonbTransient.class)) {
        byName.putIfAbsent(
            field.getName(),
            new Property(field.getName(), field.getGenericType(), new AnnotatedElement[] {field}));
      }
    }
    properties.addAll(byName.values());
    return properties;
  }

  private static AnnotatedElement[] annotations(Class<?> type, String name, Method getter) {
    Field field = field(type, name);
    return field == null ? new AnnotatedElement[] {getter} : new AnnotatedElement[] {field, getter};
  }

  private static Field field(Class<?> type, String name) {
    try {
      return type.getDeclaredField(name);
    } catch (NoSuchFieldException e) {
      return null;
    }
  }

  /** The property a public getter reads ({@code getName} → {@code name}), or null. */
  private static String getter(Method method) {
    if (Modifier.isStatic(method.getModifiers())
        || method.getParameterCount() > 0
        || method.getDeclaringClass() == Object.class
        || method.getReturnType() == void.class) {
      return null;
    }
    String name = method.getName();
    String property;
    if (name.startsWith("get") && name.length() > 3) {
      property = name.substring(3);
    } else if (name.startsWith("is")
        && name.length() > 2
        && (method.getReturnType() == boolean.class || method.getReturnType() == Boolean.class)) {
      property = name.substring(2);
    } else {
      return null;
    }
    return Character.toLowerCase(property.charAt(0)) + property.substring(1);
  }

  /** {@code List<T>} as {@code List<CustomerView>} where T stands for CustomerView. */
  private static Type substitute(Type type, Map<TypeVariable<?>, Type> arguments) {
    if (arguments.isEmpty() || !(type instanceof ParameterizedType parameterized)) {
      return type;
    }
    Type[] actual =
        Arrays.stream(parameterized.getActualTypeArguments())
            .map(
                argument ->
                    argument instanceof TypeVariable<?> variable
                        ? arguments.getOrDefault(variable, Object.class)
                        : substitute(argument, arguments))
            .toArray(Type[]::new);
    return new ParameterizedType() {
      @Override
      public Type[] getActualTypeArguments() {
        return actual;
      }

      @Override
      public Type getRawType() {
        return parameterized.getRawType();
      }

      @Override
      public Type getOwnerType() {
        return parameterized.getOwnerType();
      }
    };
  }

  private static Schema scalar(SchemaType type, String format) {
    Schema schema = OASFactory.createSchema().type(type);
    return format == null ? schema : schema.format(format);
  }

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return raw(parameterized.getRawType());
    }
    if (type instanceof GenericArrayType array) {
      Class<?> component = raw(array.getGenericComponentType());
      return component == null ? null : component.arrayType();
    }
    if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length > 0) {
      return raw(wildcard.getUpperBounds()[0]);
    }
    return null;
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType parameterized
            && parameterized.getActualTypeArguments().length > index
        ? parameterized.getActualTypeArguments()[index]
        : Object.class;
  }
}
