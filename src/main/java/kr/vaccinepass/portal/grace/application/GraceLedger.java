package kr.vaccinepass.portal.grace.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceRepository;

/**
 * What enforcement asks of grace declarations while it waives cases: which declarations have batch
 * work pending, one declaration locked for a batch (in the caller's transaction, so that the
 * waivers and the declaration's counts change together), and the declarations active at an instant
 * for a case just logged. No role: enforcement's runner calls it on the server's managed threads,
 * and the logging of a case in the inspector's own call, whose roles its own service checks.
 */
@ApplicationScoped
public class GraceLedger {
  @Inject GraceRepository declarations;

  /** The declarations with batch work pending (applying or revoking). */
  public List<Long> unsettled() {
    return declarations.unsettled();
  }

  /** The declaration, its row locked until the caller's transaction ends. */
  public Optional<GraceDeclaration> lock(long id) {
    return declarations.lock(id);
  }

  /** The active declarations whose window contains that instant. */
  public List<GraceDeclaration> activeAt(Instant at) {
    return declarations.activeAt(at);
  }
}
