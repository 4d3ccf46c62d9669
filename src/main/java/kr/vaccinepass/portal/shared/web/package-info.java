/**
 * What every page uses: messages from the bundles in the user's language, the language switch, the
 * signed-in user for EL. Backing beans of the features depend on it, never the other way.
 */
package kr.vaccinepass.portal.shared.web;
