/**
 * Tests of the portal as a cluster (issue 16): nodes started by {@code devtools.PortalCluster}
 * behind HAProxy, faults injected into real processes. No Arquillian: each test starts what it
 * needs on ports of its own.
 */
package kr.vaccinepass.portal.cluster;
