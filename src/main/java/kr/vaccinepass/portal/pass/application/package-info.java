/**
 * The pass feature's services: the in-memory trust list and the token verifier, the administrators'
 * key management, the portal's own signing key and the signed snapshot doors verify with offline,
 * and the demo issuers and wallet (demo mode only).
 */
package kr.vaccinepass.portal.pass.application;
