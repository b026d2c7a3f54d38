package org.exactsync.store.dynamodb;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * The name of the connector's table ({@link DynamoDbConfig#table()}), injected as a plain string so that an adapter's
 * constructor takes the same argument in CDI and in plain tests.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD })
public @interface TableName {
}
