/**
 * What every JAX-RS resource shares: the application path, problem+json answers for every failure
 * (ApiExceptionMapper), the cap on request bodies (BodyLimit), the OpenAPI document, and the no-op
 * endpoint of the check-in benchmark (benchmark mode only).
 */
package kr.vaccinepass.portal.shared.api;
