/** The visit API for machines: door devices' check-ins and the 안심콜 webhook (JAX-RS). */
package kr.vaccinepass.portal.visit.api;
