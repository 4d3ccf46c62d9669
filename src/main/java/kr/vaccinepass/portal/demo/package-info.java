/**
 * Demo data for the run command (portal.demo=true): three accounts and a few facilities, created
 * once. It writes through the features' domain and repositories directly, as a seed script would;
 * nothing else may depend on it, and it does nothing unless the flag is set.
 */
package kr.vaccinepass.portal.demo;
