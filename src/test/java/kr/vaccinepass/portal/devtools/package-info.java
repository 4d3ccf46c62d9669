/** The run command's launcher (mvn -Prun): PostgreSQL, WildFly, the portal, demo data. */
package kr.vaccinepass.portal.devtools;
