package kr.vaccinepass.portal.pass.application;

/** Fired when a key is added, rotated or revoked, so every verifier reloads its copy. */
public record TrustListChanged(String kid) {}
