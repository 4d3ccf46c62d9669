/**
 * Pages of identity: sign-in, sign-up, sign-out, the administrator's accounts page, and the
 * signed-in user for EL ({@code #{activeUser}}). Thin: they call identity.application.
 */
package kr.vaccinepass.portal.identity.web;
