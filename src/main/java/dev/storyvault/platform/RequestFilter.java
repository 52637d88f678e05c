package dev.storyvault.platform;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that runs once per request, naming its "already filtered" request attribute once: the
 * default builds that name anew on every request, for every filter, which was a tenth of what a
 * cached catalog listing allocated.
 */
public abstract class RequestFilter extends OncePerRequestFilter {

  private final String alreadyFiltered = getClass().getName() + ".FILTERED";

  @Override
  protected String getAlreadyFilteredAttributeName() {
    return alreadyFiltered;
  }
}
