package org.eclipsesol.desk.common.api;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;

/**
 * Resolves every field of a pushed subscription payload in the payload's own {@link EventContext}: before a data
 * fetcher below a {@link EventContext.Carrier} root runs, that context becomes current (so the batch loaders it
 * dispatches capture it, with the subscriber's identity), and when graphql-java has completed the event it is
 * destroyed. Queries and mutations are untouched.
 */
class SubscriptionEventContexts extends SimplePerformantInstrumentation {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (parameters.getExecutionContext().getOperationDefinition()
                .getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
            return dataFetcher;
        }
        return env -> {
            if (env.getRoot() instanceof EventContext.Carrier carrier && carrier.eventContext() != null) {
                carrier.eventContext().activate();
            }
            return dataFetcher.get(env);
        };
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        EventContext event = EventContext.beingEmitted();
        if (event == null) {
            return SimpleInstrumentationContext.noOp();
        }
        return SimpleInstrumentationContext.whenCompleted((result, failure) -> event.destroy());
    }
}
