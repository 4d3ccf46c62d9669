package kr.vaccinepass.portal.shared.security;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;
import java.util.Arrays;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;

/**
 * Refuses a call to a CDI bean whose {@code @RolesAllowed} (on the method, else on the class) does
 * not name the current actor's role. Runs before the transaction starts.
 */
@Interceptor
@RolesAllowed({})
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RolesAllowedInterceptor {

  @Inject ActorResolver actors;

  @AroundInvoke
  Object check(InvocationContext ctx) throws Exception {
    RolesAllowed allowed = declared(ctx.getMethod());
    if (allowed != null) {
      Actor actor = actors.require();
      if (Arrays.stream(allowed.value()).noneMatch(r -> r.equals(actor.role().name()))) {
        throw new AccessDeniedException();
      }
    }
    return ctx.proceed();
  }

  private static RolesAllowed declared(Method method) {
    RolesAllowed onMethod = method.getAnnotation(RolesAllowed.class);
    return onMethod != null
        ? onMethod
        : method.getDeclaringClass().getAnnotation(RolesAllowed.class);
  }
}
