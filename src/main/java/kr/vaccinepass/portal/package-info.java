/**
 * The Vaccine Pass Portal. Packages by feature (facility, identity, ...), each with the layers
 * domain, application, infrastructure and web inside; shared holds the few types every feature
 * uses.
 */
package kr.vaccinepass.portal;
