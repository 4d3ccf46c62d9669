/**
 * What every JAX-RS resource shares: the application path, problem+json answers, the OpenAPI
 * document, and the no-op endpoint of the check-in benchmark (benchmark mode only).
 */
package kr.vaccinepass.portal.shared.api;
