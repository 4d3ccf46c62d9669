package kr.vaccinepass.portal.visit.application;

/** Reads the webhook's body as a call report; implemented with JSON-P in visit.infrastructure. */
public interface CallReportReader {
  /**
   * The report in these bytes; {@link CallWebhookService.Refused} MALFORMED (400) when they are not
   * one, and nothing else is ever thrown.
   */
  CallReport read(byte[] body);
}
