package app.courtesy.security;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Role} as its lower-case id, the value the identity store's query returns. */
@Converter
public class RoleConverter implements AttributeConverter<Role, String> {

  @Override
  public String convertToDatabaseColumn(Role role) {
    return role == null ? null : role.id();
  }

  @Override
  public Role convertToEntityAttribute(String id) {
    return id == null
        ? null
        : Role.findById(id).orElseThrow(() -> new IllegalStateException("Unknown role " + id));
  }
}
