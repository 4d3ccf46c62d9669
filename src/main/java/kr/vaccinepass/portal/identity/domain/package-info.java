/**
 * Accounts and their rules: who may sign in with which role, the password policy, an inspector's
 * jurisdiction. Depends only on shared.
 */
package kr.vaccinepass.portal.identity.domain;
