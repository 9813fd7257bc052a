package org.eclipsesol.desk.common.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a {@code @GraphQLApi} class: every failure leaves it as a {@link GraphQLProblem}, so GraphQL errors carry
 * the same codes as the REST problem types and no Java exception text.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface GraphQLErrors {
}
