/**
 * Pages of enforcement: the inspection card of an inspector's facility page (with the penalty shown
 * before saving, and the facility's history), the violations of the inspector's 시군구, the case page
 * with the fine's steps, the owner's violations, the administrators' figures and their incidents
 * page, and {@code UploadGate}, which lets a multipart body through only to the case page's
 * evidence upload and only up to a photo's limit. Thin: they call enforcement.application, and
 * facility and identity through their application services (names of facilities and people); the
 * owner's chosen facility is facility.web's.
 */
package kr.vaccinepass.portal.enforcement.web;
