/**
 * Account services (sign-up, staff accounts, look-ups), the password hashing and the sign-in
 * throttle: the transaction and security boundary of identity. Used by the web layer and by the
 * identity store.
 */
package kr.vaccinepass.portal.identity.application;
