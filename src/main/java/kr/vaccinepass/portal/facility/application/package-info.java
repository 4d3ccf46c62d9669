/**
 * Facility services: registration and correction by owners, look-ups and lists narrowed to what the
 * caller may see. The transaction and security boundary of the feature.
 */
package kr.vaccinepass.portal.facility.application;
