/**
 * The visit API for machines: door devices' check-ins, the door app's key, snapshot and sync
 * (DoorResource, docs/door.md) and the 안심콜 webhook (JAX-RS), the 503 of a database that cannot be
 * reached, and the node's readiness and liveness (/health, a servlet).
 */
package kr.vaccinepass.portal.visit.api;
