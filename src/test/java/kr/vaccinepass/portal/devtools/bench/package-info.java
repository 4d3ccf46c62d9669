/**
 * The check-in benchmark and the visit table benchmark (mvn -Pbenchmark verify; see
 * docs/benchmarks.md): an open-loop load generator over plain HTTP/1.1 connections, the tokens it
 * signs with the demo issuers' keys, and the JDBC measurements of the visit table. Test-scoped
 * tools; nothing here ships in the WAR.
 */
package kr.vaccinepass.portal.devtools.bench;
