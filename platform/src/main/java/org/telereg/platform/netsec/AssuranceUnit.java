package org.telereg.platform.netsec;

/** An operator or internet company involved in an assurance plan, by its organisation. */
public record AssuranceUnit(long organisationId, String organisationCode, String organisationName) {}
