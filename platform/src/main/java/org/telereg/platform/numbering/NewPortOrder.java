package org.telereg.platform.numbering;

/**
 * A port order as the recipient operator submits it, every field as typed.
 *
 * @param number the number to port
 * @param authCode the authorisation code the user received by SMS from the donor
 * @param name the user's name, matched against the donor's real-name registration
 * @param documentNumber the user's identity-document number, matched likewise
 * @param provinceCode the province of the recipient's local network where the user signs up
 */
public record NewPortOrder(String number, String authCode, String name, String documentNumber, String provinceCode) {}
