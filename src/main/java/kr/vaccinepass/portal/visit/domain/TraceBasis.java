package kr.vaccinepass.portal.visit.domain;

/**
 * The article of 감염병의 예방 및 관리에 관한 법률 (감염병예방법) an investigator relies on to read visit records
 * (law.go.kr, 감염병예방법).
 */
public enum TraceBasis {
  /** 제18조 (역학조사): the epidemiological investigation of a confirmed case and its contacts. */
  ARTICLE_18,
  /**
   * 제76조의2 (정보 제공 요청 및 정보 확인 등): information on the movements of patients and contacts, asked of
   * those who hold it.
   */
  ARTICLE_76_2,
  /**
   * 제49조 제1항 제2호의2 (출입자 명단 작성): the entry lists that facilities keep under the order, read for the
   * purpose they were kept for.
   */
  ARTICLE_49
}
