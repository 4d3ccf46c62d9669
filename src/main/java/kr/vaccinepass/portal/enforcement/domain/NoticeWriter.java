package kr.vaccinepass.portal.enforcement.domain;

/** Writes a notice as a document (PDF in the infrastructure). */
public interface NoticeWriter {
  byte[] write(Notice notice);
}
