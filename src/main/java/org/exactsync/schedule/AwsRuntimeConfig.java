package org.exactsync.schedule;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * What the Lambda runtime tells a function about itself ({@code aws.*}, from the environment variables
 * {@code AWS_REGION}, {@code AWS_LAMBDA_FUNCTION_NAME} and {@code AWS_LAMBDA_FUNCTION_VERSION}); all absent outside
 * Lambda. Never set by an operator.
 */
@ConfigMapping(prefix = "aws")
public interface AwsRuntimeConfig {

    /** The region the function runs in ({@code AWS_REGION}); needed only to invoke the function itself. */
    Optional<String> region();

    /** The running function ({@code aws.lambda.*}). */
    Lambda lambda();

    /** The running function ({@code aws.lambda.function.*}). */
    interface Lambda {

        /** Name and version. */
        Function function();
    }

    /** Name and version of the running function. */
    interface Function {

        /** {@code AWS_LAMBDA_FUNCTION_NAME}: present only inside Lambda, where work fans out by self-invocation. */
        Optional<String> name();

        /** {@code AWS_LAMBDA_FUNCTION_VERSION}: the published version a worker invocation is sent to. */
        Optional<String> version();
    }
}
