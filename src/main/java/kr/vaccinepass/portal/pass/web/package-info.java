/** JSF backing beans of the pass feature: the demo wallet and the administrators' trust list. */
package kr.vaccinepass.portal.pass.web;
