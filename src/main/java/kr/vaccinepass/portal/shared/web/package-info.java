/**
 * What every page uses: messages from the bundles in the user's language, the language switch, the
 * signed-in user for EL, the converter of ids in addresses (404 for anything else) and the
 * exception handler that keeps exceptions' texts from the browser; the security headers and cookie
 * attributes of every answer, and which proxies' forwarded headers are believed. Backing beans of
 * the features depend on it, never the other way.
 */
package kr.vaccinepass.portal.shared.web;
