package kr.vaccinepass.portal.audit.application;

/** The client's address of the current request, or null outside a request (a scheduled job). */
public interface RequestOrigin {
  String clientAddress();
}
