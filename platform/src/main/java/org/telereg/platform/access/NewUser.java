package org.telereg.platform.access;

/** A console user to create; the password is hashed before it is stored. */
public record NewUser(String username, String password, String displayName, String organisationCode, Role role) {}
