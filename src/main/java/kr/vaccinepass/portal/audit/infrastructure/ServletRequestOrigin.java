package kr.vaccinepass.portal.audit.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import kr.vaccinepass.portal.audit.application.RequestOrigin;
import kr.vaccinepass.portal.shared.web.TrustedProxies;

/** The address of the current HTTP request, as the sign-in throttle counts it. */
@ApplicationScoped
class ServletRequestOrigin implements RequestOrigin {
  @Inject Instance<HttpServletRequest> request;

  @Override
  public String clientAddress() {
    try {
      return TrustedProxies.configured().clientAddress(request.get());
    } catch (ContextNotActiveException | IllegalStateException noRequest) {
      return null;
    }
  }
}
