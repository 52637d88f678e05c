package dev.storyvault.identity;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets a controller method take a {@link Caller} parameter. */
@Configuration(proxyBeanMethods = false)
class CallerArguments implements WebMvcConfigurer {

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer mav,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            Object caller =
                request.getAttribute(BearerAuthentication.CALLER, RequestAttributes.SCOPE_REQUEST);
            return caller instanceof Caller c ? c : Caller.ANONYMOUS;
          }
        });
  }
}
