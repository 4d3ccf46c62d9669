package kr.vaccinepass.portal.enforcement.application;

import java.io.Serializable;
import kr.vaccinepass.portal.enforcement.domain.Violation;

/** A violation of an inspector's list with the name of its facility. */
public record ViolationRow(Violation violation, String facilityName) implements Serializable {}
