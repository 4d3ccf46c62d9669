package kr.vaccinepass.portal.shared.security;

import java.util.Optional;

/** Finds the actor of the current call; empty when nobody is signed in. */
public interface ActorResolver {
  Optional<Actor> current();

  /** The current actor, or an {@link NotSignedInException}. */
  default Actor require() {
    return current().orElseThrow(NotSignedInException::new);
  }
}
