package kr.vaccinepass.portal.shared.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The machine API under /api: door devices and the telephony provider. Not behind the portal's form
 * login; each resource authenticates its caller itself (a device key, an HMAC signature). Its
 * description: /api/openapi.yaml.
 */
@ApplicationPath("/api")
public class RestApplication extends Application {}
