/**
 * The run command's launcher (mvn -Prun: PostgreSQL, WildFly, the portal, demo data) and {@link
 * kr.vaccinepass.portal.devtools.PortalProcess}, the starting and stopping it shares with the
 * benchmark (devtools.bench).
 */
package kr.vaccinepass.portal.devtools;
