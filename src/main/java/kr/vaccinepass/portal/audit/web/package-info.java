/** admin/audit.xhtml with its export, and owner/record-reads.xhtml. */
package kr.vaccinepass.portal.audit.web;
