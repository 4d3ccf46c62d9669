package kr.vaccinepass.portal.visit.api;

/**
 * The body of a check-in: the scanned token, and at a restaurant or café the dining party ({@code
 * ALONE}, {@code GROUP_ONE_UNVACCINATED}); omitted means NONE.
 */
public record CheckinRequest(String token, String party) {}
