package org.telereg.platform.interconnect;

/** A point as the ministry enters it: text fields as sent. */
public record NewPoint(String code, String name, String kind, String divisionCode, String openedOn) {}
