package kr.vaccinepass.portal.pass.domain;

/**
 * Whom an unvaccinated visitor of a restaurant or café (식당·카페) dines with; meaningless at other
 * facility types.
 */
public enum DiningParty {
  /** Not stated, or not a restaurant. */
  NONE,
  /** The unvaccinated person dines alone: allowed throughout (rule of 2021-12-18). */
  ALONE,
  /** The only unvaccinated person in a group (allowed until 2021-12-17). */
  GROUP_ONE_UNVACCINATED
}
