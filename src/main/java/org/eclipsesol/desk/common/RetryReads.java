package org.eclipsesol.desk.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On a REST resource class: a {@code GET} whose database connection died (a PostgreSQL restart, a dropped
 * connection) is run once more before the caller sees a 503 ({@link ReadRetry}). Writes are never retried here:
 * their outcome is unknown, and the caller retries them with the same Idempotency-Key.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RetryReads {
}
