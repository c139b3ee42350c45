package org.manyi.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.manyi.identity.CurrentUser;
import org.manyi.identity.internal.SignedInUser;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes {@link CurrentUser} a controller parameter, and sends a user whose password is temporary to
 * the password page before anything else.
 */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfig implements WebMvcConfigurer {

  static {
    // resolved from the session or token, never sent by the client
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
  }

  @Override
  public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return CurrentUser.class.equals(parameter.getParameterType());
          }

          @Override
          public @Nullable Object resolveArgument(
              MethodParameter parameter,
              @Nullable ModelAndViewContainer container,
              NativeWebRequest request,
              @Nullable WebDataBinderFactory binders) {
            return current();
          }
        });
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler)
                  throws java.io.IOException {
                CurrentUser user = current();
                if (user != null && user.mustChangePassword()) {
                  response.sendRedirect(request.getContextPath() + AccountController.PASSWORD_PATH);
                  return false;
                }
                return true;
              }
            })
        .addPathPatterns("/**")
        .excludePathPatterns(
            AccountController.PASSWORD_PATH,
            "/logout",
            "/login",
            "/error",
            "/api/**",
            "/webjars/**",
            "/css/**",
            "/js/**",
            "/img/**");
  }

  static @Nullable CurrentUser current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SignedInUser signedIn
        ? signedIn.user()
        : null;
  }
}
