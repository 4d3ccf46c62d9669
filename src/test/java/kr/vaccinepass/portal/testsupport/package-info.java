/**
 * What the tests stand on: the embedded PostgreSQL of a test run, the deployments, acting as a
 * given account in-container, test data builders, and the browser.
 */
package kr.vaccinepass.portal.testsupport;
