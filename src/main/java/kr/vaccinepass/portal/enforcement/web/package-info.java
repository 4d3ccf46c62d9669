/** JSF backing beans of enforcement: the inspectors', owners' and administrators' pages. */
package kr.vaccinepass.portal.enforcement.web;
