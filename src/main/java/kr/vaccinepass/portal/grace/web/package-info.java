/**
 * The administrators' calendar, grace and incidents pages, and the public status page. Thin: they
 * call grace.application, and shared for regions, messages and formats.
 */
package kr.vaccinepass.portal.grace.web;
