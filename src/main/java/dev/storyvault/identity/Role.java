package dev.storyvault.identity;

public enum Role {
  ADMIN,
  SERVICE,
  USER,
  GUEST
}
