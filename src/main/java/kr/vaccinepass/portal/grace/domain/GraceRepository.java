package kr.vaccinepass.portal.grace.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where grace declarations are kept. The cases they cover are enforcement's ({@link CoveredCases}).
 */
public interface GraceRepository {
  GraceDeclaration add(GraceDeclaration declaration);

  Optional<GraceDeclaration> find(long id);

  /**
   * The declaration, its row locked until the transaction ends: the batches of one declaration, and
   * its revocation, run one at a time.
   */
  Optional<GraceDeclaration> lock(long id);

  /** Every declaration, the newest first. */
  List<GraceDeclaration> all();

  /** The declarations with batch work pending (applying or revoking). */
  List<Long> unsettled();

  /** The active declarations whose window contains that instant. */
  List<GraceDeclaration> activeAt(Instant at);

  /** Of these codes, the ones that are no 시도, 시군구 or facility type (in that order). */
  Set<String> unknownSido(Set<String> codes);

  Set<String> unknownSigungu(Set<String> codes);

  Set<String> unknownTypes(Set<String> codes);
}
