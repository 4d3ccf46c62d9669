package kr.vaccinepass.portal.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.interceptor.Interceptor;
import java.util.Optional;
import java.util.function.Supplier;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;

/**
 * In in-container tests, the actor is whoever the test says: {@code TestActors.as(actor, () ->
 * service.call())}. The services' own checks (@RolesAllowed and object-level rules) then run as for
 * a signed-in user. Deployed only with in-container tests; the browser tests sign in for real.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestActors implements ActorResolver {
  private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

  @Override
  public Optional<Actor> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  public static <T> T as(Actor actor, Supplier<T> work) {
    Actor before = CURRENT.get();
    CURRENT.set(actor);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  public static void as(Actor actor, Runnable work) {
    as(
        actor,
        () -> {
          work.run();
          return null;
        });
  }
}
