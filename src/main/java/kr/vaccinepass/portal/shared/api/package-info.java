/** What every JAX-RS resource shares: the application path and problem+json answers. */
package kr.vaccinepass.portal.shared.api;
